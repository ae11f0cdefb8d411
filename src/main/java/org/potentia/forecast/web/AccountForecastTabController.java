package org.potentia.forecast.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.potentia.account.Account;
import org.potentia.account.AccountService;
import org.potentia.forecast.ForecastFigures;
import org.potentia.forecast.ForecastFigures.Figure;
import org.potentia.forecast.ForecastFigures.Scope;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.csv.TableWriter;
import org.potentia.platform.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account card's "Budget and forecast" tab: for a year and one business area or all,
 * per month and currency, the budget, rolling forecast and billing of the account beside
 * its opportunities' invoicing forecast, as a chart and a table; the rows behind any
 * figure; the table as CSV or XLSX. The card loads the tab with htmx; asked for without
 * htmx it answers a page of its own.
 */
@Controller
@RequestMapping("/accounts/{id}/figures")
class AccountForecastTabController {

	/**
	 * The most rows a drill-down lists.
	 */
	static final int DRILL_LIMIT = 1000;

	private final ForecastFigures figures;

	private final AccountService accounts;

	private final PipelineService pipeline;

	private final ForecastParameters parameters;

	private final MessageSource messages;

	AccountForecastTabController(ForecastFigures figures, AccountService accounts, PipelineService pipeline,
			ForecastParameters parameters, MessageSource messages) {
		this.figures = figures;
		this.accounts = accounts;
		this.pipeline = pipeline;
		this.parameters = parameters;
		this.messages = messages;
	}

	@GetMapping
	String tab(@PathVariable long id, @RequestParam(required = false) String year,
			@RequestParam(required = false) String area, CurrentUser user, Model model, Locale locale,
			HtmxRequest htmx) {
		int chosenYear = this.parameters.year(year, LocalDate.now());
		Long chosenArea = this.parameters.area(area);
		// Refuses (404) an account the user may not see, before any figure is read.
		Account account = this.accounts.get(id, user);
		model.addAttribute("account", account);
		model.addAttribute("year", chosenYear);
		model.addAttribute("years", years(chosenYear));
		model.addAttribute("area", chosenArea);
		model.addAttribute("areas", this.pipeline.businessAreas());
		model.addAttribute("currencies", this.figures.year(id, chosenYear, chosenArea, user));
		model.addAttribute("figures", Figure.values());
		return htmx.isHtmxRequest() ? "forecast/account-tab :: tab" : "forecast/account-tab";
	}

	@GetMapping("/drill")
	String drill(@PathVariable long id, @RequestParam(required = false) String year,
			@RequestParam(required = false) String month, @RequestParam(required = false) String area,
			@RequestParam(required = false) String figure, @RequestParam(required = false) String currency,
			CurrentUser user, Model model, Locale locale) {
		int chosenYear = this.parameters.year(year, LocalDate.now());
		Integer chosenMonth = this.parameters.month(month);
		Long chosenArea = this.parameters.area(area);
		Figure chosenFigure = this.parameters.figure(figure);
		String chosenCurrency = this.parameters.currency(currency);
		Account account = this.accounts.get(id, user);
		Scope scope = ((chosenMonth != null)
				? Scope.months(YearMonth.of(chosenYear, chosenMonth), YearMonth.of(chosenYear, chosenMonth))
				: Scope.months(YearMonth.of(chosenYear, 1), YearMonth.of(chosenYear, 12)))
			.account(id)
			.area(chosenArea)
			.currency(chosenCurrency);
		List<ForecastFigures.Row> rows = this.figures.rows(scope, chosenFigure, user, locale, DRILL_LIMIT);
		model.addAttribute("rows", rows);
		model.addAttribute("limited", rows.size() >= DRILL_LIMIT);
		model.addAttribute("limit", DRILL_LIMIT);
		model.addAttribute("figure", chosenFigure);
		model.addAttribute("title", account.getName() + " · "
				+ ((chosenMonth != null) ? YearMonth.of(chosenYear, chosenMonth).toString()
						: String.valueOf(chosenYear))
				+ ((chosenArea != null)
						? " · " + this.pipeline.businessArea(chosenArea).map((a) -> a.name(locale)).orElse("") : "")
				+ ((chosenCurrency != null) ? " · " + chosenCurrency : ""));
		model.addAttribute("back", "/accounts/" + id + "/figures?year=" + chosenYear
				+ ((chosenArea != null) ? "&area=" + chosenArea : ""));
		return "forecast/drill";
	}

	@GetMapping("/export")
	void export(@PathVariable long id, @RequestParam(required = false) String year,
			@RequestParam(required = false) String area, @RequestParam(required = false) String format,
			CurrentUser user, Locale locale, HttpServletResponse response) throws IOException {
		int chosenYear = this.parameters.year(year, LocalDate.now());
		Long chosenArea = this.parameters.area(area);
		String chosenFormat = this.parameters.format(format);
		this.accounts.get(id, user);
		List<ForecastFigures.CurrencyYear> years = this.figures.year(id, chosenYear, chosenArea, user);
		try (TableWriter writer = TableWriter.download(TableWriter.Format.of(chosenFormat),
				"forecast-account-" + id + "-" + chosenYear, locale, response)) {
			List<String> header = new ArrayList<>(
					List.of(text("forecast.month", locale), text("forecast.currency", locale)));
			for (Figure figure : Figure.values()) {
				header.add(text("forecast.figure." + figure.code(), locale));
			}
			header.add(text("forecast.cumulative.budget", locale));
			header.add(text("forecast.cumulative.forecast", locale));
			header.add(text("forecast.cumulative.billing", locale));
			writer.header(header);
			for (ForecastFigures.CurrencyYear currencyYear : years) {
				for (ForecastFigures.Month month : currencyYear.months()) {
					List<Object> row = new ArrayList<>(List.of(month.month().toString(), currencyYear.currency()));
					for (Figure figure : Figure.values()) {
						row.add(ForecastReportController.money(month.amounts().get(figure)));
					}
					row.add(month.cumulative().budget());
					row.add(month.cumulative().forecast());
					row.add(month.cumulative().billing());
					writer.row(row);
				}
				List<Object> total = new ArrayList<>(List.of(text("report.total", locale), currencyYear.currency()));
				for (Figure figure : Figure.values()) {
					total.add(ForecastReportController.money(currencyYear.total().get(figure)));
				}
				writer.row(total);
			}
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static List<Integer> years(int chosen) {
		int current = LocalDate.now().getYear();
		List<Integer> years = new ArrayList<>();
		for (int year = Math.min(chosen, current - 3); year <= Math.max(chosen, current + 2); year++) {
			years.add(year);
		}
		return years;
	}

}
