package org.potentia.history.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.potentia.history.HistoryReports;
import org.potentia.history.HistoryReports.Grouping;
import org.potentia.platform.query.Values;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.Navigation;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The history reports: pipeline as of any day (two days side by side), movement between
 * two dates (waterfall), time in stage, and the stage funnel; each with a chart,
 * drill-down to the opportunities and CSV export.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

	private final HistoryReports reports;

	ReportController(HistoryReports reports) {
		this.reports = reports;
	}

	@Bean
	static Navigation.NavigationItem reportsNavigation() {
		return new Navigation.NavigationItem("nav.reports", "/reports", 60);
	}

	@GetMapping
	String index() {
		return "reports/index";
	}

	/**
	 * The pipeline as of the end of any day, today by default; {@code month=yyyy-MM} (the
	 * month-end form of older links) stands for the month's last day.
	 */
	@GetMapping("/pipeline")
	String pipeline(@RequestParam(required = false) String date, @RequestParam(required = false) String month,
			@RequestParam(required = false) String compare, @RequestParam(defaultValue = "stage") String group,
			@RequestParam(required = false) String format, CurrentUser user, Model model, HttpServletResponse response)
			throws IOException {
		LocalDate today = LocalDate.now(this.reports.zone());
		// Nothing is known past today: a later day answers as today.
		LocalDate first = notAfter(day((date != null && !date.isBlank()) ? date : month, today), today);
		LocalDate second = notAfter(day(compare, null), today);
		Grouping grouping = Grouping.of(group);
		List<HistoryReports.Group> a = this.reports.pipelineAt(first, grouping, user, language(model));
		List<HistoryReports.Group> b = (second != null)
				? this.reports.pipelineAt(second, grouping, user, language(model)) : List.of();
		List<ComparedGroup> rows = compare(a, b);
		if ("csv".equals(format)) {
			csv(response, "pipeline-" + first + ".csv",
					List.of("group", "count", "amount", "weighted", "compare_count", "compare_amount",
							"compare_weighted", "difference_amount"),
					rows.stream()
						.map((row) -> List.<Object>of(Objects.toString(row.label(), ""), row.count(), row.amount(),
								row.weighted(), row.compareCount(), row.compareAmount(), row.compareWeighted(),
								row.amount().subtract(row.compareAmount())))
						.toList());
			return null;
		}
		model.addAttribute("today", today);
		model.addAttribute("date", first);
		model.addAttribute("source", this.reports.pipelineSource(first).code());
		model.addAttribute("compare", second);
		model.addAttribute("compareSource", (second != null) ? this.reports.pipelineSource(second).code() : null);
		model.addAttribute("group", grouping.code());
		model.addAttribute("rows", rows);
		model.addAttribute("total", total(rows));
		return "reports/pipeline";
	}

	@GetMapping("/pipeline/drill")
	String pipelineDrill(@RequestParam(required = false) String date, @RequestParam(required = false) String month,
			@RequestParam(defaultValue = "stage") String group, @RequestParam(required = false) Long value,
			CurrentUser user, Model model) {
		LocalDate at = day((date != null && !date.isBlank()) ? date : month, LocalDate.now(this.reports.zone()));
		model.addAttribute("day", at);
		model.addAttribute("rows", this.reports.pipelineRows(at, Grouping.of(group), value, user));
		model.addAttribute("back", "/reports/pipeline?date=" + at + "&group=" + Grouping.of(group).code());
		return "reports/drill";
	}

	@GetMapping("/movement")
	String movement(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String format, CurrentUser user, Model model, HttpServletResponse response)
			throws IOException {
		LocalDate end = date(to, LocalDate.now());
		LocalDate start = date(from, end.minusDays(29));
		if (start.isAfter(end)) {
			LocalDate swap = start;
			start = end;
			end = swap;
		}
		HistoryReports.Movement movement = this.reports.movement(start, end, user);
		if ("csv".equals(format)) {
			csv(response, "movement-" + start + "-" + end + ".csv", List.of("figure", "opportunities", "amount"),
					HistoryReports.Movement.CATEGORIES.stream()
						.map((category) -> List.<Object>of(category, movement.counts().getOrDefault(category, 0L),
								movement.totals().get(category)))
						.toList());
			return null;
		}
		model.addAttribute("movement", movement);
		model.addAttribute("categories", HistoryReports.Movement.CATEGORIES);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		return "reports/movement";
	}

	@GetMapping("/movement/drill")
	String movementDrill(@RequestParam String from, @RequestParam String to, @RequestParam String category,
			CurrentUser user, Model model) {
		LocalDate start = date(from, LocalDate.now());
		LocalDate end = date(to, LocalDate.now());
		String back = "/reports/movement?from=" + start + "&to=" + end;
		if (!HistoryReports.Movement.CATEGORIES.contains(category)) {
			return "redirect:" + back;
		}
		model.addAttribute("figure", category);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("movementRows", this.reports.movementRows(start, end, category, user));
		model.addAttribute("back", back);
		return "reports/drill";
	}

	@GetMapping("/time-in-stage")
	String timeInStage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "stage") String group, @RequestParam(required = false) String format,
			CurrentUser user, Model model, HttpServletResponse response) throws IOException {
		LocalDate end = date(to, LocalDate.now());
		LocalDate start = date(from, end.minusYears(1));
		Grouping grouping = Grouping.of(group);
		List<HistoryReports.StageTime> rows = this.reports.timeInStage(start, end, grouping, user, language(model));
		if ("csv".equals(format)) {
			csv(response, "time-in-stage.csv", List.of("stage", "group", "stays", "average_days", "median_days"),
					rows.stream()
						.map((row) -> List.<Object>of(row.stage(), Objects.toString(row.group(), ""), row.stays(),
								round(row.averageDays()), round(row.medianDays())))
						.toList());
			return null;
		}
		model.addAttribute("rows", rows);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("group", grouping.code());
		return "reports/time-in-stage";
	}

	@GetMapping("/funnel")
	String funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String format, CurrentUser user, Model model, HttpServletResponse response)
			throws IOException {
		LocalDate end = date(to, LocalDate.now());
		LocalDate start = date(from, end.minusMonths(3));
		List<HistoryReports.FunnelStep> steps = this.reports.funnel(start, end, user, language(model));
		if ("csv".equals(format)) {
			csv(response, "funnel.csv", List.of("stage", "reached", "rate_to_next_percent"),
					steps.stream()
						.map((step) -> List.<Object>of(step.stage(), step.reached(),
								(step.rateToNext() != null) ? round(step.rateToNext()) : ""))
						.toList());
			return null;
		}
		model.addAttribute("steps", steps);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		return "reports/funnel";
	}

	private static String language(Model model) {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
	}

	/**
	 * The groups of both months side by side. Both lists come in the report's order (by
	 * stage order, or by label), so a group only the second month has goes right after
	 * the group that precedes it there: a stage that was empty in the first month still
	 * shows in its place, not at the end.
	 */
	private static List<ComparedGroup> compare(List<HistoryReports.Group> a, List<HistoryReports.Group> b) {
		List<ComparedGroup> rows = new ArrayList<>();
		for (HistoryReports.Group group : a) {
			rows.add(new ComparedGroup(group.id(), group.label(), group.count(), group.amount(), group.weighted(), 0,
					BigDecimal.ZERO, BigDecimal.ZERO));
		}
		int previous = -1;
		for (HistoryReports.Group group : b) {
			int index = indexOf(rows, group.id());
			if (index >= 0) {
				ComparedGroup existing = rows.get(index);
				rows.set(index, new ComparedGroup(existing.id(), existing.label(), existing.count(), existing.amount(),
						existing.weighted(), group.count(), group.amount(), group.weighted()));
			}
			else {
				index = previous + 1;
				rows.add(index, new ComparedGroup(group.id(), group.label(), 0, BigDecimal.ZERO, BigDecimal.ZERO,
						group.count(), group.amount(), group.weighted()));
			}
			previous = index;
		}
		return rows;
	}

	private static int indexOf(List<ComparedGroup> rows, Long id) {
		for (int i = 0; i < rows.size(); i++) {
			if (Objects.equals(rows.get(i).id(), id)) {
				return i;
			}
		}
		return -1;
	}

	private static ComparedGroup total(List<ComparedGroup> rows) {
		return new ComparedGroup(null, null, rows.stream().mapToLong(ComparedGroup::count).sum(),
				rows.stream().map(ComparedGroup::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
				rows.stream().map(ComparedGroup::weighted).reduce(BigDecimal.ZERO, BigDecimal::add),
				rows.stream().mapToLong(ComparedGroup::compareCount).sum(),
				rows.stream().map(ComparedGroup::compareAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
				rows.stream().map(ComparedGroup::compareWeighted).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	private static void csv(HttpServletResponse response, String filename, List<String> header, List<List<Object>> rows)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
		PrintWriter writer = new PrintWriter(
				new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		writer.println(String.join(",", header));
		for (List<Object> row : rows) {
			writer.println(String.join(",", row.stream().map(ReportController::cell).toList()));
		}
		writer.flush();
	}

	private static String cell(Object value) {
		String text = Objects.toString(value, "");
		if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") && !text.matches("-?[0-9.]+")
				|| text.startsWith("@")) {
			text = "'" + text;
		}
		return (text.contains(",") || text.contains("\"") || text.contains("\n"))
				? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static LocalDate notAfter(LocalDate day, LocalDate last) {
		return (day != null && day.isAfter(last)) ? last : day;
	}

	/**
	 * A day, or a month ({@code yyyy-MM}) for its last day.
	 */
	private static LocalDate day(String text, LocalDate fallback) {
		if (text != null && text.trim().matches("\\d{4}-\\d{2}")) {
			try {
				return YearMonth.parse(text.trim()).atEndOfMonth();
			}
			catch (DateTimeParseException ex) {
				return fallback;
			}
		}
		return date(text, fallback);
	}

	private static LocalDate date(String text, LocalDate fallback) {
		try {
			return (text == null || text.isBlank()) ? fallback : Values.date(text);
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	/**
	 * A group of the pipeline report with the compared month beside it.
	 */
	record ComparedGroup(Long id, String label, long count, BigDecimal amount, BigDecimal weighted, long compareCount,
			BigDecimal compareAmount, BigDecimal compareWeighted) {

		public BigDecimal difference() {
			return this.amount.subtract(this.compareAmount);
		}

	}

}
