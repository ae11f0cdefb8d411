package org.potentia.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.potentia.identity.IdentityService;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.reporting.DashboardService;
import org.potentia.reporting.DashboardWidget;
import org.potentia.reporting.ReportEngine;
import org.potentia.reporting.ReportException;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportResult;
import org.potentia.reporting.SavedReport;
import org.potentia.reporting.SavedReports;
import org.potentia.reporting.SalesWidgets;
import org.potentia.reporting.TargetService;
import org.potentia.reporting.WidgetKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The home page: the user's grid of widgets. The page itself only lays the widgets out;
 * each widget loads its figures by its own request (htmx, on load), so a slow widget
 * never holds up the page or the others. Adding, removing, resizing, sharing and (from
 * the drag and drop of dashboard.js) reordering are posts that change the user's layout.
 */
@Controller
class HomeDashboardController {

	/**
	 * How many ids a reorder may name; a longer list is refused unread.
	 */
	static final int MAX_IDS = 100;

	/**
	 * How many rows of a saved report its widget shows (its page shows all).
	 */
	static final int REPORT_ROWS = 20;

	private final DashboardService dashboards;

	private final SalesWidgets widgets;

	private final TargetService targets;

	private final IdentityService identity;

	private final SavedReports reports;

	private final ReportEngine engine;

	private final ReportTables tables;

	HomeDashboardController(DashboardService dashboards, SalesWidgets widgets, TargetService targets,
			IdentityService identity, SavedReports reports, ReportEngine engine, ReportTables tables) {
		this.reports = reports;
		this.tables = tables;
		this.engine = engine;
		this.dashboards = dashboards;
		this.widgets = widgets;
		this.targets = targets;
		this.identity = identity;
	}

	@GetMapping("/")
	String home(CurrentUser user, Model model) {
		model.addAttribute("widgets", this.dashboards.layout(user));
		model.addAttribute("kinds", WidgetKind.builtIn());
		model.addAttribute("reports", this.reports.visible(user));
		model.addAttribute("mayShare", user.role() != Role.REP);
		model.addAttribute("teams", user.isAdmin() ? this.identity.allTeams() : List.of());
		return "reporting/home-page";
	}

	/**
	 * One widget's figures, as the fragment that fills its card.
	 */
	@GetMapping("/home/widgets/{id}")
	String widget(@PathVariable long id, CurrentUser user, Locale locale, Model model) {
		DashboardWidget widget = this.dashboards.widget(id, user);
		model.addAttribute("widget", widget);
		switch (widget.kind()) {
			case PIPELINE -> model.addAttribute("rows", this.widgets.pipeline(user, locale));
			case WON -> model.addAttribute("won", this.widgets.won(user));
			case FORECAST -> model.addAttribute("rows", this.widgets.forecast(user));
			case CLOSING -> model.addAttribute("list", this.widgets.closingThisMonth(user));
			case OVERDUE -> model.addAttribute("list", this.widgets.overdue(user));
			case LEAD_SOURCES -> model.addAttribute("rows", this.widgets.leadSources(user, locale));
			case LEAD_CONVERSION -> model.addAttribute("rows", this.widgets.leadConversion(user));
			case TARGETS -> model.addAttribute("progress", this.targets.current(user));
			case RECORDS -> model.addAttribute("tiles", this.widgets.records(user));
			case REPORT -> report(widget, user, locale, model);
		}
		return "reporting/widget-" + widget.kind().code().replace('_', '-') + " :: widget";
	}

	/**
	 * A saved report, run as the viewing user: its first rows as a table formatted as on
	 * the report's page, drawn in the report's view when it is a chart; a report the
	 * viewer may not see (a widget shared from a private report) or that no longer runs
	 * says so in the card.
	 */
	private void report(DashboardWidget widget, CurrentUser user, Locale locale, Model model) {
		Optional<SavedReport> report = (widget.reportId() != null) ? this.reports.find(widget.reportId(), user)
				: Optional.empty();
		if (report.isEmpty()) {
			model.addAttribute("missing", true);
			return;
		}
		model.addAttribute("report", report.get());
		try {
			ReportQuery query = this.reports.query(report.get());
			ReportResult result = this.engine.run(query, user);
			// Only the rows the widget shows are formatted and linked (a report may
			// answer thousands); cut short, the table makes no subtotals either.
			boolean more = result.rows().size() > REPORT_ROWS;
			ReportResult shown = more ? new ReportResult(result.fields(), result.rows().subList(0, REPORT_ROWS), true)
					: result;
			ReportTable table = this.tables.of(query, shown, user, locale);
			model.addAttribute("table", table);
			model.addAttribute("rows", table.rows().stream().filter((row) -> "row".equals(row.kind())).toList());
		}
		catch (ReportException ex) {
			model.addAttribute("problem", this.engine.message(ex, locale));
		}
	}

	@PostMapping("/home/widgets")
	String add(@RequestParam(required = false) String kind, @RequestParam(required = false) String width,
			@RequestParam(name = "report_id", required = false) String reportId, CurrentUser user) {
		Long report = null;
		if (reportId != null && !reportId.isBlank()) {
			try {
				report = Long.valueOf(reportId.trim());
			}
			catch (NumberFormatException ex) {
				throw ValidationException.of("report", "widget.error.report");
			}
		}
		this.dashboards.add(kind, report, width(width, true), user);
		return "redirect:/";
	}

	@PostMapping("/home/widgets/{id}/remove")
	String remove(@PathVariable long id, CurrentUser user) {
		this.dashboards.remove(id, user);
		return "redirect:/";
	}

	@PostMapping("/home/widgets/{id}/width")
	String resize(@PathVariable long id, @RequestParam(required = false) String width, CurrentUser user) {
		this.dashboards.resize(id, width(width, false), user);
		return "redirect:/";
	}

	@PostMapping("/home/widgets/{id}/share")
	String share(@PathVariable long id, @RequestParam(required = false) String sharing,
			@RequestParam(name = "team_id", required = false) String teamId,
			@RequestParam(required = false) String permanent, CurrentUser user) {
		Long team = null;
		if (teamId != null && !teamId.isBlank()) {
			try {
				team = Long.valueOf(teamId.trim());
			}
			catch (NumberFormatException ex) {
				throw ValidationException.of("team", "widget.error.team");
			}
		}
		this.dashboards.share(id, sharing, team, "true".equals(permanent) || "on".equals(permanent), user);
		return "redirect:/";
	}

	/**
	 * The order of the user's widgets after a drag and drop: their ids, comma-separated.
	 */
	@PostMapping("/home/layout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reorder(@RequestParam(required = false) String order, CurrentUser user) {
		List<Long> ids = new ArrayList<>();
		if (order != null && !order.isBlank()) {
			for (String part : order.split(",", MAX_IDS + 1)) {
				try {
					ids.add(Long.valueOf(part.trim()));
				}
				catch (NumberFormatException ex) {
					throw ValidationException.of("order", "widget.error.order");
				}
			}
		}
		this.dashboards.reorder(ids, user);
	}

	private static Integer width(String text, boolean optional) {
		if (text == null || text.isBlank()) {
			if (optional) {
				return null;
			}
			throw ValidationException.of("width", "widget.error.width");
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw ValidationException.of("width", "widget.error.width");
		}
	}

}
