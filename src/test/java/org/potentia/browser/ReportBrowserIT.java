package org.potentia.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.potentia.history.SnapshotService;
import org.potentia.history.Timeline;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history reports as a rep reads them in a browser: the movement report's table and
 * waterfall show the figures of the opportunities the test made, the chart's bars lead to
 * the same drill-down as the table, and the pipeline as of a day, the time in stage and
 * the funnel draw without a console error.
 */
@PotentiaTest
class ReportBrowserIT {

	static final LocalDate FROM = LocalDate.of(2012, 3, 1);

	static final LocalDate TO = LocalDate.of(2012, 3, 31);

	/**
	 * No month end, so that the pipeline is read from the history: a monthly snapshot
	 * that another test took before this one made its opportunities would not hold them.
	 */
	static final LocalDate DAY = LocalDate.of(2012, 3, 30);

	static final LocalDate COMPARED_DAY = LocalDate.of(2012, 2, 28);

	@LocalServerPort
	int port;

	/**
	 * With {@code -Dpotentia.screenshots=DIR}, where to save a screenshot of each report.
	 */
	@Value("${potentia.screenshots:}")
	String screenshots;

	@Autowired
	People people;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	SnapshotService snapshots;

	@Autowired
	JdbcClient jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void theMovementReportShowsTheFiguresOfItsOpportunities() {
		// A new rep without a team sees only the opportunities made here.
		Person rep = this.people.rep();
		Timeline timeline = new Timeline(this.opportunities, this.pipeline, this.jdbc, this.snapshots.zone());
		long alpha = timeline.create(rep, "Alpha", "qualification", "1000", LocalDate.of(2012, 2, 10));
		long bravo = timeline.create(rep, "Bravo", "proposal", "2000", LocalDate.of(2012, 2, 15));
		long delta = timeline.create(rep, "Delta", "proposal", "400", LocalDate.of(2012, 2, 20));
		long echo = timeline.create(rep, "Echo", "qualification", "900", LocalDate.of(2012, 2, 1));
		timeline.create(rep, "Charlie", "qualification", "700", LocalDate.of(2012, 3, 3));
		timeline.amount(alpha, "1500", LocalDate.of(2012, 3, 5));
		timeline.move(bravo, "won", LocalDate.of(2012, 3, 10));
		timeline.amount(echo, "600", LocalDate.of(2012, 3, 12));
		timeline.move(delta, "lost", LocalDate.of(2012, 3, 20));
		// Opening: Alpha 1000, Bravo 2000, Delta 400 and Echo 900; new: Charlie 700;
		// increased: Alpha 500; decreased: Echo 300; won: Bravo; lost: Delta; closing:
		// Alpha 1500, Charlie 700 and Echo 600.
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("opening", "4 4,300.00");
		expected.put("new", "1 700.00");
		expected.put("increased", "1 500.00");
		expected.put("decreased", "1 300.00");
		expected.put("won", "1 2,000.00");
		expected.put("lost", "1 400.00");
		expected.put("closing", "3 2,800.00");

		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			browser.signIn(rep.username(), rep.password());
			browser.get("/reports/movement?from=" + FROM + "&to=" + TO);
			for (Map.Entry<String, String> figure : expected.entrySet()) {
				String shown = browser.find(By.cssSelector("#figure-" + figure.getKey() + " .figure-count")).getText()
						+ " "
						+ browser.find(By.cssSelector("#figure-" + figure.getKey() + " .figure-amount")).getText();
				assertThat(shown).as(figure.getKey()).isEqualTo(figure.getValue());
			}
			screenshot(browser, "movement");
			// The waterfall draws the same amounts, each bar on the level the ones before
			// it left.
			assertThat(chartSeries(browser, 1)).containsExactly(4300.0, 700.0, 500.0, 300.0, 2000.0, 400.0, 2800.0);
			assertThat(chartSeries(browser, 0)).containsExactly(0.0, 4300.0, 5000.0, 5200.0, 3200.0, 2800.0, 0.0);
			assertThat(chartAxis(browser)).containsExactly("Opening pipeline", "New", "Increased", "Decreased", "Won",
					"Lost", "Closing pipeline");
			// A click on the bar of won opportunities leads to them, as the table's link
			// does.
			// The won bar spans 3,200 to 5,200: its middle is at 4,200.
			List<Number> pixel = (List<Number>) browser.script("return echarts.getInstanceByDom("
					+ "document.getElementById('chart')).convertToPixel({ seriesIndex: 1 }, [4, 4200])");
			WebElement chart = browser.find(By.id("chart"));
			new Actions(browser.driver())
				.moveToElement(chart, pixel.get(0).intValue() - chart.getSize().getWidth() / 2,
						pixel.get(1).intValue() - chart.getSize().getHeight() / 2)
				.click()
				.perform();
			browser.waitUntil((driver) -> browser.path().startsWith("/reports/movement/drill"));
			assertThat(browser.path()).contains("category=won");
			assertThat(browser.find(By.id("drill-table")).getText()).contains("Bravo").doesNotContain("Alpha");

			browser.get("/reports/pipeline?date=" + DAY);
			assertThat(browser.find(By.id("total-count")).getText()).isEqualTo("3");
			assertThat(browser.find(By.id("total-amount")).getText()).isEqualTo("2,800.00");
			assertThat(chartSeries(browser, 0)).containsExactly(2800.0);
			browser.get("/reports/pipeline?date=" + DAY + "&compare=" + COMPARED_DAY);
			assertThat(chartSeries(browser, 1)).containsExactly(1900.0, 2400.0);
			screenshot(browser, "pipeline");
			browser.get("/reports/time-in-stage?from=" + FROM + "&to=" + TO);
			assertThat(browser.find(By.id("report-table")).getText()).contains("Proposal");
			browser.get("/reports/funnel?from=" + FROM + "&to=" + TO);
			assertThat(browser.find(By.cssSelector("#chart[data-drawn='true']"))).isNotNull();
			screenshot(browser, "funnel");
			browser.get("/reports");
		}
	}

	@Test
	void anErrorInTheConsoleFailsTheTest() {
		Person rep = this.people.rep();
		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			browser.signIn(rep.username(), rep.password());
			browser.get("/reports");
			browser.script("console.error('Broken on purpose')");
			assertThatThrownBy(browser::assertNoConsoleErrors).hasMessageContaining("Broken on purpose")
				.hasMessageContaining("/reports");
			browser.script("setTimeout(function () { noSuchFunction(); }, 0)");
			browser.waitUntil((driver) -> browser.consoleErrors()
				.stream()
				.anyMatch((message) -> message.contains("noSuchFunction is not defined")));
			browser.expectConsoleError("Expected on purpose");
			browser.script("console.error('Expected on purpose')");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private void screenshot(Browser browser, String name) {
		if (!this.screenshots.isBlank()) {
			browser.fullPageScreenshot(Path.of(this.screenshots, "report-" + name + ".png"));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Double> chartSeries(Browser browser, int series) {
		browser.find(By.cssSelector("#chart[data-drawn='true']"));
		List<Object> values = (List<Object>) browser
			.script("return echarts.getInstanceByDom(document.getElementById('chart')).getOption().series[" + series
					+ "].data.map(function (d) { return (d !== null && typeof d === 'object') ? d.value : d; })");
		return values.stream().map((value) -> ((Number) value).doubleValue()).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> chartAxis(Browser browser) {
		return (List<String>) browser
			.script("return echarts.getInstanceByDom(document.getElementById('chart')).getOption().xAxis[0].data");
	}

}
