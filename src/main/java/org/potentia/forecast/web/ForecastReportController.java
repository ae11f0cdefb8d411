package org.potentia.forecast.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.potentia.account.AccountType;
import org.potentia.forecast.ForecastAccuracy;
import org.potentia.forecast.ForecastFigures;
import org.potentia.forecast.ForecastFigures.Figure;
import org.potentia.forecast.ForecastFigures.Grouping;
import org.potentia.forecast.ForecastFigures.Scope;
import org.potentia.identity.IdentityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.csv.TableWriter;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.Cells;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forecast report under Reports: the figures of the account card rolled up over the
 * accounts and opportunities the user may see, grouped by owner, team, business area or
 * account, for a year or a quarter, filtered by owner, team, area and account type; the
 * rows behind any figure; CSV and XLSX. And the forecast accuracy of a past month.
 */
@Controller
@RequestMapping("/reports")
class ForecastReportController {

	private final ForecastFigures figures;

	private final ForecastAccuracy accuracy;

	private final ForecastParameters parameters;

	private final PipelineService pipeline;

	private final IdentityService identity;

	private final MessageSource messages;

	ForecastReportController(ForecastFigures figures, ForecastAccuracy accuracy, ForecastParameters parameters,
			PipelineService pipeline, IdentityService identity, MessageSource messages) {
		this.figures = figures;
		this.accuracy = accuracy;
		this.parameters = parameters;
		this.pipeline = pipeline;
		this.identity = identity;
		this.messages = messages;
	}

	/**
	 * The report's parameters, read and checked once.
	 */
	private record Request(int year, Integer quarter, Grouping grouping, Long owner, Long team, Long area,
			String type) {

		Scope scope() {
			YearMonth first = (this.quarter != null) ? YearMonth.of(this.year, this.quarter * 3 - 2)
					: YearMonth.of(this.year, 1);
			YearMonth last = (this.quarter != null) ? first.plusMonths(2) : YearMonth.of(this.year, 12);
			return Scope.months(first, last).area(this.area).filters(this.owner, this.team, this.type);
		}

		Map<String, Object> query() {
			Map<String, Object> query = new LinkedHashMap<>();
			query.put("year", this.year);
			query.put("quarter", this.quarter);
			query.put("group", this.grouping.code());
			query.put("owner", this.owner);
			query.put("team", this.team);
			query.put("area", this.area);
			query.put("type", this.type);
			return query;
		}

		String path(String base, Map<String, Object> more) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
			Map<String, Object> all = new LinkedHashMap<>(query());
			all.putAll(more);
			all.forEach((name, value) -> {
				if (value != null) {
					uri.queryParam(name, value);
				}
			});
			return uri.build().encode().toUriString();
		}

	}

	private Request request(String year, String quarter, String group, String owner, String team, String area,
			String type) {
		return new Request(this.parameters.year(year, LocalDate.now()), this.parameters.quarter(quarter),
				this.parameters.grouping(group), this.parameters.id("owner", owner), this.parameters.id("team", team),
				this.parameters.area(area), this.parameters.accountType(type));
	}

	@GetMapping("/forecast")
	String report(@RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String group, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String team, @RequestParam(required = false) String area,
			@RequestParam(required = false) String type, @RequestParam(required = false) String format,
			CurrentUser user, Model model, Locale locale, HttpServletResponse response) throws IOException {
		Request request = request(year, quarter, group, owner, team, area, type);
		String chosenFormat = this.parameters.format(format);
		List<ForecastFigures.CurrencyGroups> groups = this.figures.groups(request.scope(), request.grouping(), user,
				locale);
		if (chosenFormat != null) {
			export(request, groups, chosenFormat, locale, response);
			return null;
		}
		model.addAttribute("request", request);
		model.addAttribute("year", request.year());
		model.addAttribute("quarter", request.quarter());
		model.addAttribute("group", request.grouping().code());
		model.addAttribute("owner", request.owner());
		model.addAttribute("team", request.team());
		model.addAttribute("area", request.area());
		model.addAttribute("type", request.type());
		model.addAttribute("currencies", groups);
		model.addAttribute("figures", Figure.values());
		model.addAttribute("groupings", Grouping.values());
		model.addAttribute("drill", request.path("", Map.of()).substring(1));
		model.addAttribute("csv", request.path("/reports/forecast", Map.of("format", "csv")));
		model.addAttribute("xlsx", request.path("/reports/forecast", Map.of("format", "xlsx")));
		filterOptions(model, request.year());
		return "forecast/report";
	}

	@GetMapping("/forecast/drill")
	String drill(@RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String group, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String team, @RequestParam(required = false) String area,
			@RequestParam(required = false) String type, @RequestParam(required = false) String value,
			@RequestParam(required = false) String figure, @RequestParam(required = false) String currency,
			CurrentUser user, Model model, Locale locale) {
		Request request = request(year, quarter, group, owner, team, area, type);
		Figure chosenFigure = this.parameters.figure(figure);
		String chosenCurrency = this.parameters.currency(currency);
		Scope scope = request.scope().currency(chosenCurrency);
		if (value != null && !value.isBlank()) {
			scope = scope.inGroup(request.grouping(),
					"none".equals(value.trim()) ? null : this.parameters.id("value", value));
		}
		List<ForecastFigures.Row> rows = this.figures.rows(scope, chosenFigure, user, locale,
				AccountForecastTabController.DRILL_LIMIT);
		model.addAttribute("rows", rows);
		model.addAttribute("limited", rows.size() >= AccountForecastTabController.DRILL_LIMIT);
		model.addAttribute("limit", AccountForecastTabController.DRILL_LIMIT);
		model.addAttribute("figure", chosenFigure);
		model.addAttribute("title",
				text("report.forecast", locale) + " · " + ((request.quarter() != null)
						? Cells.quarter(LocalDate.of(request.year(), request.quarter() * 3, 1)) : request.year())
						+ ((chosenCurrency != null) ? " · " + chosenCurrency : ""));
		model.addAttribute("back", request.path("/reports/forecast", Map.of()));
		return "forecast/drill";
	}

	@GetMapping("/forecast-accuracy")
	String accuracy(@RequestParam(required = false) String month, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String team, @RequestParam(required = false) String area,
			@RequestParam(required = false) String type, @RequestParam(required = false) String format,
			CurrentUser user, Model model, Locale locale, HttpServletResponse response) throws IOException {
		YearMonth current = YearMonth.now(this.accuracy.zone());
		YearMonth chosen = this.parameters.yearMonth(month, current.minusMonths(1));
		if (!chosen.isBefore(current)) {
			throw org.potentia.platform.ValidationException.of("month", "forecast.error.past_month", chosen.toString());
		}
		Long chosenOwner = this.parameters.id("owner", owner);
		Long chosenTeam = this.parameters.id("team", team);
		Long chosenArea = this.parameters.area(area);
		String chosenType = this.parameters.accountType(type);
		String chosenFormat = this.parameters.format(format);
		Scope scope = Scope.months(chosen, chosen).area(chosenArea).filters(chosenOwner, chosenTeam, chosenType);
		List<ForecastAccuracy.CurrencyLines> lines = this.accuracy.of(chosen, scope, user);
		if (chosenFormat != null) {
			try (TableWriter writer = TableWriter.download(TableWriter.Format.of(chosenFormat),
					"forecast-accuracy-" + chosen, locale, response)) {
				writer.header(List.of(text("field.potentials.account_id", locale), text("forecast.currency", locale),
						text("forecast.accuracy.forecast_1", locale), text("forecast.accuracy.forecast_3", locale),
						text("forecast.figure.billing", locale), text("forecast.accuracy.accuracy_1", locale),
						text("forecast.accuracy.accuracy_3", locale)));
				for (ForecastAccuracy.CurrencyLines currencyLines : lines) {
					for (ForecastAccuracy.Line line : currencyLines.lines()) {
						writer.row(accuracyRow(line.accountName(), currencyLines.currency(), line));
					}
					writer.row(
							accuracyRow(text("report.total", locale), currencyLines.currency(), currencyLines.total()));
				}
			}
			return null;
		}
		model.addAttribute("month", chosen);
		model.addAttribute("latest", current.minusMonths(1));
		model.addAttribute("cutOff1", this.accuracy.cutOff(chosen, 1).atZone(this.accuracy.zone()).toLocalDate());
		model.addAttribute("cutOff3", this.accuracy.cutOff(chosen, 3).atZone(this.accuracy.zone()).toLocalDate());
		model.addAttribute("owner", chosenOwner);
		model.addAttribute("team", chosenTeam);
		model.addAttribute("area", chosenArea);
		model.addAttribute("type", chosenType);
		model.addAttribute("currencies", lines);
		filterOptions(model, chosen.getYear());
		return "forecast/report-accuracy";
	}

	private static List<Object> accuracyRow(String label, String currency, ForecastAccuracy.Line line) {
		List<Object> row = new ArrayList<>();
		row.add(label);
		row.add(currency);
		row.add(line.forecast(1));
		row.add(line.forecast(3));
		row.add(line.billing());
		row.add(line.accuracy(1));
		row.add(line.accuracy(3));
		return row;
	}

	private void export(Request request, List<ForecastFigures.CurrencyGroups> groups, String format, Locale locale,
			HttpServletResponse response) throws IOException {
		try (TableWriter writer = TableWriter.download(TableWriter.Format.of(format),
				"forecast-" + request.year() + ((request.quarter() != null) ? "-q" + request.quarter() : ""), locale,
				response)) {
			List<String> header = new ArrayList<>();
			header.add(text("forecast.group." + request.grouping().code(), locale));
			header.add(text("forecast.currency", locale));
			for (Figure figure : Figure.values()) {
				header.add(text("forecast.figure." + figure.code(), locale));
			}
			writer.header(header);
			for (ForecastFigures.CurrencyGroups currencyGroups : groups) {
				for (ForecastFigures.Group group : currencyGroups.groups()) {
					writer.row(groupRow((group.label() != null) ? group.label() : "—", currencyGroups.currency(),
							group.amounts()));
				}
				writer.row(groupRow(text("report.total", locale), currencyGroups.currency(), currencyGroups.total()));
			}
		}
	}

	private static List<Object> groupRow(String label, String currency, ForecastFigures.Amounts amounts) {
		List<Object> row = new ArrayList<>();
		row.add(label);
		row.add(currency);
		for (Figure figure : Figure.values()) {
			row.add(money(amounts.get(figure)));
		}
		return row;
	}

	/**
	 * An amount to the cent, as the table shows it (the weighted figure is exact to a
	 * hundredth of a cent).
	 */
	static java.math.BigDecimal money(java.math.BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private void filterOptions(Model model, int year) {
		model.addAttribute("users", this.identity.userOptions());
		model.addAttribute("teams", this.identity.allTeams());
		model.addAttribute("areas", this.pipeline.businessAreas());
		model.addAttribute("types", AccountType.codes());
		List<Integer> years = new ArrayList<>();
		int current = LocalDate.now().getYear();
		for (int y = Math.min(year, current - 3); y <= Math.max(year, current + 2); y++) {
			years.add(y);
		}
		model.addAttribute("years", years);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
