package org.potentia.browser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.potentia.forecast.ForecastRows;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account card's "Budget and forecast" tab in a browser: the chart draws the figures
 * of its table without a console error, a change of business area redraws it, and a click
 * on a bar opens the rows behind it. Its table of seven figures, in the millions, fits
 * the card's pane without scrolling sideways at the narrowest width that shows the card's
 * two columns side by side.
 */
@PotentiaTest
class AccountForecastChartBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void theChartDrawsTheTableAndABarOpensItsRows() {
		Person rep = this.people.rep();
		String tag = Names.tag();
		ForecastRows rows = new ForecastRows(this.jdbc);
		int year = LocalDate.now().getYear();
		long software = rows.area("Software");
		long services = rows.area("Services");
		long account = rows.account(tag + " Account", rep);
		rows.budget(account, YearMonth.of(year, 1), software, "1000", "EUR");
		rows.budget(account, YearMonth.of(year, 2), services, "400", "EUR");
		rows.billing(account, YearMonth.of(year, 1), software, "700", "EUR", "INV-" + tag);
		long deal = rows.opportunity(tag + " Open deal", account, rep, "proposal", 50, "EUR");
		rows.invoicing(deal, YearMonth.of(year, 3), software, "2000");

		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			browser.signIn(rep.username(), rep.password());
			browser.get("/accounts/" + account);
			browser.click(By.id("tab-forecast"));
			WebElement chart = browser.find(By.cssSelector("#forecast-chart-EUR[data-drawn='true']"));
			assertThat(chart.findElements(By.cssSelector("canvas, svg"))).isNotEmpty();
			assertThat(series(browser, "Budget")).startsWith(1000.0, 400.0, 0.0);
			assertThat(series(browser, "Weighted")).startsWith(0.0, 0.0, 1000.0);
			assertThat(series(browser, "Budget, cumulative")).startsWith(1000.0, 1400.0, 1400.0);
			browser.assertNoConsoleErrors();

			// Only Services: the tab is loaded again and its chart redrawn.
			new Select(browser.find(By.id("forecast-area"))).selectByVisibleText("Services");
			browser.waitUntil((driver) -> Boolean.TRUE
				.equals(browser.script("var c = document.getElementById('forecast-chart-EUR');"
						+ " return !!c && c.dataset.drawn === 'true' && echarts.getInstanceByDom(c)"
						+ ".getOption().series[0].data[0] === 0")));
			assertThat(series(browser, "Budget")).startsWith(0.0, 400.0, 0.0);
			browser.assertNoConsoleErrors();
			new Select(browser.find(By.id("forecast-area"))).selectByVisibleText("All areas");
			browser.waitUntil((driver) -> Boolean.TRUE
				.equals(browser.script("var c = document.getElementById('forecast-chart-EUR');"
						+ " return !!c && c.dataset.drawn === 'true' && echarts.getInstanceByDom(c)"
						+ ".getOption().series[0].data[0] === 1000")));

			// A click on January's budget bar opens the budget rows of January.
			// The bar's own rectangle: the budget bar is the first of January's bars.
			List<Number> pixel = (List<Number>) browser
				.script("var c = echarts.getInstanceByDom(" + "document.getElementById('forecast-chart-EUR'));"
						+ " var r = c.getModel().getSeriesByIndex(0).getData().getItemLayout(0);"
						+ " return [r.x + r.width / 2, r.y + r.height / 2];");
			chart = browser.find(By.id("forecast-chart-EUR"));
			new Actions(browser.driver())
				.moveToElement(chart, pixel.get(0).intValue() - chart.getSize().getWidth() / 2,
						pixel.get(1).intValue() - chart.getSize().getHeight() / 2)
				.click()
				.perform();
			browser.waitUntil((driver) -> browser.path().startsWith("/accounts/" + account + "/figures/drill"));
			assertThat(browser.path()).contains("figure=budget").contains("month=1");
			assertThat(browser.find(By.id("drill-table")).getText()).contains(tag + " Account", "1,000.00")
				.doesNotContain("400.00");
			browser.assertNoConsoleErrors();

			// The table's cell leads to the same kind of list: the billing of January.
			browser.get("/accounts/" + account + "/figures?year=" + year);
			browser.find(By.cssSelector("#forecast-chart-EUR[data-drawn='true']"));
			browser.click(By.cssSelector("#forecast-table-EUR tbody tr:first-child td[data-figure='billing'] a"));
			browser.waitUntil((driver) -> browser.path().contains("figure=billing"));
			assertThat(browser.find(By.id("drill-table")).getText()).contains("INV-" + tag, "700.00");

			// The forecast report draws its groups the same way.
			browser.get("/reports/forecast?year=" + year + "&group=account");
			browser.find(By.cssSelector("#forecast-chart-EUR[data-drawn='true']"));
			assertThat(series(browser, "Budget")).containsExactly(1400.0);
			browser.assertNoConsoleErrors();
		}
	}

	@Test
	void theTableOfLargeAmountsFitsThePaneBesideTheDetails() {
		Person rep = this.people.rep();
		String tag = Names.tag();
		ForecastRows rows = new ForecastRows(this.jdbc);
		YearMonth month = YearMonth.now();
		long area = rows.area("Software");
		long account = rows.account(tag + " Account", rep);
		rows.budget(account, month, area, "8888888.88", "EUR");
		rows.forecast(account, month, area, "8888888.88", "EUR");
		rows.billing(account, month, area, "8888888.88", "EUR");
		long won = rows.opportunity(tag + " Won deal", account, rep, "won", 100, "EUR");
		rows.invoicing(won, month, area, "8888888.88");
		long open = rows.opportunity(tag + " Open deal", account, rep, "proposal", 50, "EUR");
		rows.invoicing(open, month, area, "8888888.88");

		try (Browser browser = Browser.open("http://localhost:" + this.port, new Dimension(1200, 900))) {
			browser.signIn(rep.username(), rep.password());
			browser.get("/accounts/" + account);
			browser.click(By.id("tab-forecast"));
			browser.find(By.cssSelector("#forecast-chart-EUR[data-drawn='true']"));
			assertThat(browser.find(By.id("forecast-table-EUR")).getText()).contains("8,888,888.88", "4,444,444.44");
			Object overflow = browser.script("var box = document.getElementById('forecast-table-EUR').parentElement;"
					+ " return box.scrollWidth - box.clientWidth;");
			assertThat(((Number) overflow).intValue()).as("pixels scrolled sideways").isLessThanOrEqualTo(0);
			browser.assertNoConsoleErrors();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Double> series(Browser browser, String name) {
		List<Object> values = (List<Object>) browser.script("var name = arguments[0];"
				+ " var o = echarts.getInstanceByDom(document.getElementById('forecast-chart-EUR')).getOption();"
				+ " var s = o.series.filter(function (x) { return x.name === name; })[0];"
				+ " return s ? s.data : null;", name);
		assertThat(values).as(name).isNotNull();
		return values.stream().map((value) -> ((Number) value).doubleValue()).toList();
	}

}
