package org.potentia.browser;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.reporting.DashboardService;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportView;
import org.potentia.reporting.SavedReport;
import org.potentia.reporting.SavedReports;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page as a rep uses it in a browser: every widget loads by itself and the
 * charts draw without a console error; a widget is added at the end; dragging it by its
 * title to the top saves the order, and a reload keeps it.
 */
@PotentiaTest
class HomeDashboardBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	PipelineService pipeline;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	SavedReports reports;

	@Autowired
	DashboardService dashboards;

	@Test
	void widgetsLoadAndAnAddedWidgetKeepsItsPlaceAfterADrag() {
		Person rep = this.people.rep();
		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			browser.signIn(rep.username(), rep.password());
			int widgets = allLoaded(browser);
			assertThat(widgets).isGreaterThanOrEqualTo(8);
			browser.find(By.cssSelector("[data-widget-chart='forecast'][data-drawn='true']"));
			browser.find(By.cssSelector("[data-widget-chart='lead_conversion'][data-drawn='true']"));

			new Select(browser.find(By.id("add-kind"))).selectByValue("overdue");
			new Select(browser.find(By.id("add-width"))).selectByValue("1");
			browser.click(By.id("add-widget-button"));
			assertThat(allLoaded(browser)).isEqualTo(widgets + 1);
			List<String> order = order(browser);
			String added = order.getLast();
			assertThat(browser.find(By.id("widget-" + added)).getAttribute("data-kind")).isEqualTo("overdue");

			WebElement handle = browser.find(By.cssSelector("#widget-" + added + " .widget-handle"));
			WebElement first = browser.find(By.cssSelector("#widget-" + order.get(0) + " .widget-handle"));
			browser.script("arguments[0].scrollIntoView({block: 'center'});", handle);
			new Actions(browser.driver()).clickAndHold(handle)
				.moveByOffset(10, 10)
				.moveToElement(first)
				.moveByOffset(-20, 0)
				.moveByOffset(0, 2)
				.release()
				.perform();
			browser.waitUntil((driver) -> "true".equals(browser.find(By.id("dashboard")).getAttribute("data-saved")));
			assertThat(order(browser).get(0)).isEqualTo(added);

			browser.get("/");
			allLoaded(browser);
			assertThat(order(browser).get(0)).isEqualTo(added);
			assertThat(order(browser)).containsExactlyInAnyOrderElementsOf(order);
		}
	}

	/**
	 * A saved report with two groups, shown as a stacked bar, is drawn in its widget as
	 * on its own page: the first group as the bars, the second as stacked series.
	 */
	@Test
	void aReportWidgetDrawsTheReportsOwnView() {
		Person rep = this.people.rep();
		long proposal = this.pipeline.stage(PipelineService.POTENTIALS, "proposal").orElseThrow().getId();
		long negotiation = this.pipeline.stage(PipelineService.POTENTIALS, "negotiation").orElseThrow().getId();
		for (long stage : List.of(proposal, negotiation, negotiation)) {
			OpportunityForm form = new OpportunityForm();
			form.setName("Stacked " + stage);
			form.setStageId(stage);
			form.setAmount(new BigDecimal("1000"));
			this.opportunities.create(form, rep.currentUser(), SaveSource.FORM);
		}
		SavedReport report = this.reports.create(
				new SavedReports.Details("By owner and stage", null, SavedReport.Sharing.PRIVATE, null,
						ReportView.STACKED_BAR),
				new ReportQuery(PipelineService.POTENTIALS,
						List.of(ReportQuery.Column.of("owner.name"), ReportQuery.Column.of("stage_id"),
								ReportQuery.Column.of(ReportQuery.Aggregate.SUM, "amount")),
						null, List.of(ReportQuery.Group.of("owner.name"), ReportQuery.Group.of("stage_id")), List.of(),
						null),
				rep.currentUser());
		long widget = this.dashboards.add("report", report.getId(), 2, rep.currentUser());

		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			browser.signIn(rep.username(), rep.password());
			WebElement drawn = browser
				.find(By.cssSelector("#widget-" + widget + " [data-widget-chart='report'][data-drawn='true']"));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> series = (List<Map<String, Object>>) browser.script(
					"return echarts.getInstanceByDom(arguments[0].querySelector('.widget-chart')).getOption().series"
							+ ".map(function (s) { return { name: s.name, stack: s.stack || null, data: s.data }; });",
					drawn);
			assertThat(series).extracting((s) -> s.get("name")).containsExactly("Proposal", "Negotiation");
			assertThat(series).extracting((s) -> s.get("stack")).containsOnly("all");
			assertThat(series).extracting((s) -> s.get("data").toString()).containsExactly("[1000]", "[2000]");

			// The figures on the axis as the page's language writes them.
			browser.get("/profile");
			browser.select(By.id("language"), "Deutsch");
			browser.click(By.id("save-language"));
			browser.waitUntil((driver) -> "de".equals(browser.script("return document.documentElement.lang")));
			browser.get("/");
			WebElement german = browser
				.find(By.cssSelector("#widget-" + widget + " [data-widget-chart='report'][data-drawn='true']"));
			assertThat(browser.script("return echarts.getInstanceByDom(arguments[0].querySelector('.widget-chart'))"
					+ ".getOption().yAxis[0].axisLabel.formatter(1234567.5);", german))
				.isEqualTo("1.234.567,5");
		}
	}

	/**
	 * Waits until every widget has its figures, and answers how many there are.
	 */
	private static int allLoaded(Browser browser) {
		browser.find(By.id("dashboard"));
		int widgets = browser.findAll(By.cssSelector(".dashboard-widget")).size();
		browser.waitUntil(
				(driver) -> browser.findAll(By.cssSelector(".dashboard-widget .widget-content")).size() == widgets);
		return widgets;
	}

	private static List<String> order(Browser browser) {
		return browser.findAll(By.cssSelector(".dashboard-widget"))
			.stream()
			.map((widget) -> widget.getAttribute("data-widget-id"))
			.toList();
	}

}
