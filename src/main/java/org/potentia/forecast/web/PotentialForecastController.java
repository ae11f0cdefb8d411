package org.potentia.forecast.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.potentia.forecast.PotentialForecastCard;
import org.potentia.forecast.PotentialForecastService;
import org.potentia.forecast.Schedule;
import org.potentia.forecast.ScheduleSpread;
import org.potentia.pipeline.BusinessArea;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.Amounts;
import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The opportunity card's invoicing forecast, a fragment the card loads on its own: the
 * month grid (add and remove rows, save all at once), the sum with a warning when it
 * differs from the amount, and the re-spread. Every answer is the whole fragment, with
 * the errors beside their cells; nothing is saved unless everything is right.
 */
@Controller
@RequestMapping("/opportunities/{id}/forecast")
class PotentialForecastController {

	private static final String FRAGMENT = "forecast/potential-forecast :: forecast";

	private final PotentialForecastService forecasts;

	private final PipelineService pipeline;

	private final Messages messages;

	PotentialForecastController(PotentialForecastService forecasts, PipelineService pipeline, Messages messages) {
		this.forecasts = forecasts;
		this.pipeline = pipeline;
		this.messages = messages;
	}

	@GetMapping
	String show(@PathVariable long id, CurrentUser user, Locale locale, Model model) {
		PotentialForecastCard card = this.forecasts.card(id, user);
		return fragment(card, PotentialForecastGridForm.of(card.rows(), locale), null, Map.of(), null, model, locale);
	}

	/**
	 * The grid's buttons: add a row, remove one ({@code remove-3}), or save all; any
	 * other action is refused rather than taken for a save. A save refused because a row
	 * changed meanwhile shows the rows as they are now, with the refusal as an error.
	 */
	@PostMapping
	String grid(@PathVariable long id, @ModelAttribute("grid") PotentialForecastGridForm grid,
			@RequestParam(defaultValue = "save") String action, CurrentUser user, Locale locale, Model model) {
		if ("add".equals(action)) {
			PotentialForecastCard card = this.forecasts.card(id, user);
			grid.getRows().add(newRow(card, grid));
			return fragment(card, grid, null, Map.of(), null, model, locale);
		}
		if (action.startsWith("remove-")) {
			PotentialForecastCard card = this.forecasts.card(id, user);
			int index = parseIndex(action.substring("remove-".length()));
			if (index >= 0 && index < grid.getRows().size()) {
				grid.getRows().remove(index);
			}
			return fragment(card, grid, null, Map.of(), null, model, locale);
		}
		if (!"save".equals(action)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		try {
			this.forecasts.saveGrid(id, grid.getRows().isEmpty() ? List.of() : grid.entries(locale), user);
		}
		catch (ValidationException ex) {
			return fragment(this.forecasts.card(id, user), grid, null, errors(ex), null, model, locale);
		}
		catch (ConflictException ex) {
			PotentialForecastCard card = this.forecasts.card(id, user);
			return fragment(card, PotentialForecastGridForm.of(card.rows(), locale), null,
					Map.of("rows", this.messages.get(ex.getMessageKey(), ex.getArguments())), null, model, locale);
		}
		PotentialForecastCard card = this.forecasts.card(id, user);
		return fragment(card, PotentialForecastGridForm.of(card.rows(), locale), null, Map.of(),
				this.messages.get("forecast.saved"), model, locale);
	}

	@PostMapping("/spread")
	String spread(@PathVariable long id, @ModelAttribute("spread") PotentialForecastSpreadForm spread, CurrentUser user,
			Locale locale, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		Schedule schedule = Schedule.of(spread.getSchedule()).orElse(null);
		Integer months = null;
		if (schedule != null && schedule.spansMonths()) {
			try {
				months = (spread.getMonths() == null || spread.getMonths().isBlank()) ? null
						: Integer.valueOf(spread.getMonths().trim());
			}
			catch (NumberFormatException ex) {
				errors.put("months", this.messages.get("error.forecast.months", ScheduleSpread.MAX_MONTHS));
			}
		}
		YearMonth start = null;
		try {
			start = (spread.getStartMonth() == null) ? null : YearMonth.parse(spread.getStartMonth().trim());
		}
		catch (DateTimeParseException ex) {
			errors.put("start_month", this.messages.get("error.forecast.month_invalid"));
		}
		BigDecimal amount = null;
		if (schedule == Schedule.MONTHLY && spread.getAmount() != null && !spread.getAmount().isBlank()) {
			try {
				amount = new BigDecimal(Amounts.normalise(spread.getAmount(), locale));
			}
			catch (NumberFormatException ex) {
				errors.put("amount", this.messages.get("error.forecast.amount_invalid"));
			}
		}
		if (errors.isEmpty()) {
			try {
				this.forecasts.respread(id, schedule, months, start, amount, spread.isConfirm(), user);
				PotentialForecastCard card = this.forecasts.card(id, user);
				return fragment(card, PotentialForecastGridForm.of(card.rows(), locale), null, Map.of(),
						this.messages.get("forecast.spread_done"), model, locale);
			}
			catch (ValidationException ex) {
				errors.putAll(errors(ex));
			}
		}
		PotentialForecastCard card = this.forecasts.card(id, user);
		return fragment(card, PotentialForecastGridForm.of(card.rows(), locale), spread, errors, null, model, locale);
	}

	private String fragment(PotentialForecastCard card, PotentialForecastGridForm grid,
			PotentialForecastSpreadForm spread, Map<String, String> errors, String notice, Model model, Locale locale) {
		model.addAttribute("card", card);
		model.addAttribute("grid", grid);
		model.addAttribute("spread", (spread != null) ? spread
				: PotentialForecastSpreadForm.of(this.forecasts.defaultSchedule(), card.startMonth()));
		model.addAttribute("spreadOpen", spread != null || card.offerRespread());
		model.addAttribute("errors", errors);
		model.addAttribute("notice", notice);
		model.addAttribute("areas", areas(card, locale));
		model.addAttribute("schedules", Schedule.codes());
		model.addAttribute("sum", PotentialForecastGridForm.plain(card.sum(), locale));
		return FRAGMENT;
	}

	/**
	 * The areas a row may have: the active ones, and those the rows already have.
	 */
	private Map<String, String> areas(PotentialForecastCard card, Locale locale) {
		Map<String, String> areas = new LinkedHashMap<>();
		for (BusinessArea area : this.pipeline.businessAreas()) {
			boolean used = card.rows().stream().anyMatch((row) -> area.getId().equals(row.getBusinessAreaId()));
			if (area.isActive() || used) {
				areas.put(area.getId().toString(), area.name(locale));
			}
		}
		return areas;
	}

	private Map<String, String> errors(ValidationException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : ex.getErrors()) {
			errors.putIfAbsent(error.field(), this.messages.get(error));
		}
		return errors;
	}

	/**
	 * A new row: the month after the grid's last, in the opportunity's area.
	 */
	private static PotentialForecastGridForm.Row newRow(PotentialForecastCard card, PotentialForecastGridForm grid) {
		YearMonth month = card.startMonth();
		List<PotentialForecastGridForm.Row> rows = new ArrayList<>(grid.getRows());
		if (!rows.isEmpty()) {
			try {
				month = YearMonth.parse(rows.get(rows.size() - 1).getMonth().trim()).plusMonths(1);
			}
			catch (RuntimeException ex) {
				// The last row's month is wrong; the new row starts where a schedule
				// would.
			}
		}
		PotentialForecastGridForm.Row row = new PotentialForecastGridForm.Row();
		row.setMonth(month.toString());
		row.setBusinessAreaId((card.businessAreaId() != null) ? card.businessAreaId().toString() : "");
		row.setAmount("");
		return row;
	}

	private static int parseIndex(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
