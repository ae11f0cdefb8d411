package org.potentia.browser;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report generator as a rep uses it in a browser: a report built with the filter
 * builder (the filter text follows), run as a bar chart, saved, drilled into from a bar,
 * and exported as XLSX, whose cells are checked with POI; and a funnel's labels, in the
 * page's language and only where they fit.
 */
@PotentiaTest
class ReportBuilderBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void buildSaveDrillAndExport() throws Exception {
		Person rep = this.people.rep();
		Person other = this.people.rep();
		String prefix = Names.unique("br") + "-";
		List<Long> stages = this.jdbc
			.sql("SELECT id FROM pipeline_stages WHERE module = 'potentials' ORDER BY sort_order")
			.query(Long.class)
			.list();
		insert(prefix + "Alpha", rep, stages.get(0), "1000.00");
		insert(prefix + "Bravo", rep, stages.get(0), "500.00");
		insert(prefix + "Charlie", rep, stages.get(1), "250.00");
		insert(prefix + "Hidden", other, stages.get(0), "7777.00");

		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			browser.signIn(rep.username(), rep.password());
			browser.get("/reports");
			browser.click(By.id("report-custom"));
			browser.click(By.id("new-report"));
			new Select(browser.find(By.id("columns1.expression"))).selectByValue("amount");
			new Select(browser.find(By.id("columns1.aggregate"))).selectByValue("sum");
			browser.click(By.cssSelector("#filter-builder .filter-add-condition"));
			new Select(browser.find(By.cssSelector("#filter-builder .filter-field"))).selectByValue("name");
			new Select(browser.find(By.cssSelector("#filter-builder .filter-operator"))).selectByValue("$beg");
			browser.find(By.cssSelector("#filter-builder .filter-value")).sendKeys(prefix);
			assertThat(browser.find(By.id("filter")).getAttribute("value"))
				.isEqualTo("{\"$and\":[{\"$beg\":[\"name\",\"" + prefix + "\"]}]}");
			new Select(browser.find(By.id("group1"))).selectByValue("stage_id");
			new Select(browser.find(By.id("view"))).selectByValue("bar");
			browser.click(By.id("run-report"));
			browser.find(By.cssSelector("#report-chart[data-drawn='true']"));
			assertThat(series(browser, 1)).containsExactly(1500.0, 250.0);
			// The count (1 and 1) beside amounts in the thousands gets an axis of its
			// own, so
			// its bars are not flat.
			assertThat(browser.script("var option = echarts.getInstanceByDom("
					+ "document.getElementById('report-chart')).getOption();"
					+ "return [option.yAxis.length, option.series[0].yAxisIndex, option.series[1].yAxisIndex || 0];"))
				.isEqualTo(List.of(2L, 1L, 0L));
			// With a second group every series is the same measure: one axis for all,
			// however far apart the series are.
			assertThat(browser.script("var div = document.createElement('div');"
					+ "div.style.width = '600px'; div.style.height = '300px'; document.body.appendChild(div);"
					+ "var chart = echarts.init(div);"
					+ "PotentiaReportChart.draw(chart, 'bar', 2, ['Sum'], [{ g1: 'A', g2: 'x', values: [1000] },"
					+ " { g1: 'A', g2: 'y', values: [50] }]);"
					+ "var option = chart.getOption(); chart.dispose(); div.remove();"
					+ "return [option.yAxis.length, option.series[1].yAxisIndex || 0];"))
				.isEqualTo(List.of(1L, 0L));
			// A funnel's labels write figures as the page's language does; with more
			// slices than labels fit, only the tooltip and the legend name them.
			String funnel = "var div = document.createElement('div');"
					+ "div.style.width = '600px'; div.style.height = '340px'; document.body.appendChild(div);"
					+ "var chart = echarts.init(div); var rows = [];"
					+ "for (var i = 0; i < arguments[0]; i++) { rows.push({ g1: 'Mia Hansen', g2: 'Won ' + i,"
					+ " values: [127000 - i] }); }" + "PotentiaReportChart.draw(chart, 'funnel', 2, ['Sum'], rows);"
					+ "var label = chart.getOption().series[0].label; chart.dispose(); div.remove();"
					+ "return [label.show, label.formatter({ name: 'Mia Hansen / Won', value: 127000 })];";
			assertThat(browser.script(funnel, 5)).isEqualTo(List.of(true, "Mia Hansen / Won: 127,000"));
			assertThat(browser.script("document.documentElement.lang = 'de';" + funnel, 5))
				.isEqualTo(List.of(true, "Mia Hansen / Won: 127.000"));
			browser.script("document.documentElement.lang = 'en';");
			assertThat(browser.script(funnel, 30)).isEqualTo(List.of(false, "Mia Hansen / Won: 127,000"));
			assertThat(browser.find(By.id("report-table")).getText()).contains("1,750.00").doesNotContain("7,777");
			// The builder shows the filter it wrote.
			assertThat(browser.find(By.cssSelector("#filter-builder .filter-value")).getAttribute("value"))
				.isEqualTo(prefix);

			browser.type(By.id("name"), "Pipeline by stage");
			browser.type(By.id("folder"), "Browser");
			browser.click(By.id("save-report"));
			browser.waitUntil((driver) -> browser.path().matches("/reports/custom/\\d+"));
			String reportPath = browser.path();
			browser.find(By.cssSelector("#report-chart[data-drawn='true']"));

			// A click on the first stage's amount bar lists its opportunities.
			List<Number> pixel = (List<Number>) browser.script("var layout = echarts.getInstanceByDom("
					+ "document.getElementById('report-chart')).getModel().getSeriesByIndex(1).getData().getItemLayout(0);"
					+ "return [layout.x + layout.width / 2, layout.y + layout.height / 2];");
			WebElement chart = browser.find(By.id("report-chart"));
			new Actions(browser.driver())
				.moveToElement(chart, pixel.get(0).intValue() - chart.getSize().getWidth() / 2,
						pixel.get(1).intValue() - chart.getSize().getHeight() / 2)
				.click()
				.perform();
			browser.waitUntil((driver) -> browser.path().startsWith("/reports/custom/drill"));
			String records = browser.find(By.id("results")).getText();
			assertThat(records).contains(prefix + "Alpha", prefix + "Bravo")
				.doesNotContain(prefix + "Charlie")
				.doesNotContain(prefix + "Hidden");

			browser.get(reportPath);
			String href = browser.find(By.id("export-xlsx")).getAttribute("href");
			String base64 = (String) browser.script("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false);"
					+ "x.overrideMimeType('text/plain; charset=x-user-defined'); x.send();"
					+ "var s = x.responseText, b = ''; for (var i = 0; i < s.length; i++) { b += String.fromCharCode(s.charCodeAt(i) & 0xff); }"
					+ "return btoa(b);", href);
			try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
				Sheet sheet = workbook.getSheetAt(0);
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
				assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Prospecting");
				assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2.0);
				assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1500.0);
				assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(250.0);
				assertThat(sheet.getLastRowNum()).isEqualTo(2);
			}
			browser.assertNoConsoleErrors();
		}
	}

	private void insert(String name, Person owner, long stage, String amount) {
		this.jdbc
			.sql("INSERT INTO potentials (name, amount, stage_id, expected_close_date, owner_id, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(name, new BigDecimal(amount), stage, LocalDate.of(2025, 6, 1), owner.id())
			.update();
	}

	@SuppressWarnings("unchecked")
	private static List<Double> series(Browser browser, int index) {
		List<Object> values = (List<Object>) browser.script("return echarts.getInstanceByDom("
				+ "document.getElementById('report-chart')).getOption().series[" + index + "].data");
		return values.stream().map((value) -> ((Number) value).doubleValue()).toList();
	}

}
