package org.potentia.forecast.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.forecast.ForecastRows;
import org.potentia.identity.Team;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The forecast pages as their users get them: the account card's tab, its drill-down and
 * export, the forecast report and the accuracy report, each only over what the user may
 * see; and a clear 400 page for parameters they do not understand.
 */
@PotentiaTest
class ForecastPagesTests {

	static final int YEAR = 2032;

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	String tag;

	Person rep;

	Person manager;

	Person otherManager;

	Person otherRep;

	Person admin;

	long account;

	long otherDeal;

	long software;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.tag = Names.tag();
		ForecastRows rows = new ForecastRows(this.jdbc);
		Team sales = this.people.team();
		Team other = this.people.team();
		this.rep = this.people.rep(sales);
		this.manager = this.people.manager(sales);
		this.otherRep = this.people.rep(other);
		this.otherManager = this.people.manager(other);
		this.admin = this.people.admin();
		this.software = rows.area("Software");
		long software = this.software;
		this.account = rows.account(this.tag + " Account", this.rep);
		rows.budget(this.account, java.time.YearMonth.of(YEAR, 1), software, "1000", "EUR");
		rows.billing(this.account, java.time.YearMonth.of(YEAR, 1), software, "700", "EUR", "INV-" + this.tag);
		long deal = rows.opportunity(this.tag + " Open deal", this.account, this.rep, "proposal", 50, "EUR");
		rows.invoicing(deal, java.time.YearMonth.of(YEAR, 1), software, "1000");
		this.otherDeal = rows.opportunity(this.tag + " Other deal", this.account, this.otherRep, "proposal", 50, "EUR");
		rows.invoicing(this.otherDeal, java.time.YearMonth.of(YEAR, 1), software, "3000");
	}

	@Test
	void theAccountTabShowsTheYearToWhoeverMaySeeTheAccount() throws Exception {
		Document tab = page("/accounts/" + this.account + "/figures?year=" + YEAR, this.rep, true);
		assertThat(tab.getElementById("forecast-tab")).isNotNull();
		assertThat(tab.select("nav.navbar")).isEmpty();
		assertThat(tab.select("#forecast-table-EUR tfoot td[data-total=budget]").text()).isEqualTo("1,000.00");
		assertThat(tab.select("#forecast-table-EUR tfoot td[data-total=weighted]").text()).isEqualTo("500.00");
		assertThat(
				tab.select("#forecast-table-EUR tbody tr").first().select("td[data-figure=billing]").attr("data-value"))
			.isEqualTo("700.00");
		assertThat(tab.getElementById("forecast-chart-EUR").attr("data-table")).isEqualTo("forecast-table-EUR");
		assertThat(tab.getElementById("forecast-chart-EUR").attr("data-forecast-chart")).isEqualTo("months");
		assertThat(tab.select("#forecast-table-EUR thead th[data-series]").eachAttr("data-series"))
			.startsWith("budget", "forecast", "billing", "committed", "weighted")
			.endsWith("cumulative-budget", "cumulative-forecast", "cumulative-billing");
		var billing = tab.select("#forecast-table-EUR tbody tr").first().select("td[data-figure=billing]");
		assertThat(billing.select("a").attr("href")).isEqualTo(billing.attr("data-href"))
			.contains("figure=billing", "month=1");
		assertThat(billing.text()).isEqualTo("700.00");
		// Without htmx: a page of its own, with the layout.
		Document page = page("/accounts/" + this.account + "/figures?year=" + YEAR, this.manager, false);
		assertThat(page.select("nav.navbar")).isNotEmpty();
		assertThat(page.select("#forecast-table-EUR tfoot td[data-total=weighted]").text()).isEqualTo("500.00");
		// The other team's manager may not see the account; the admin sees both deals.
		assertThat(status("/accounts/" + this.account + "/figures?year=" + YEAR, this.otherManager)).isEqualTo(404);
		assertThat(
				status("/accounts/" + this.account + "/figures/drill?year=" + YEAR + "&figure=budget", this.otherRep))
			.isEqualTo(404);
		assertThat(status("/accounts/" + this.account + "/figures/export?year=" + YEAR, this.otherRep)).isEqualTo(404);
		Document admins = page("/accounts/" + this.account + "/figures?year=" + YEAR, this.admin, true);
		assertThat(admins.select("#forecast-table-EUR tfoot td[data-total=weighted]").text()).isEqualTo("2,000.00");
	}

	@Test
	void theCardHasTheTab() throws Exception {
		Document card = page("/accounts/" + this.account, this.rep, false);
		assertThat(card.getElementById("tab-forecast").attr("hx-get"))
			.isEqualTo("/accounts/" + this.account + "/figures");
		assertThat(card.select("script[src*=forecast-charts]")).isNotEmpty();
	}

	@Test
	void aDrillDownListsTheRowsTheUserMaySee() throws Exception {
		String drill = "/accounts/" + this.account + "/figures/drill?year=" + YEAR
				+ "&month=1&figure=weighted&currency=EUR";
		assertThat(page(drill, this.rep, false).getElementById("drill-table").text()).contains(this.tag + " Open deal")
			.doesNotContain(this.tag + " Other deal");
		assertThat(page(drill, this.admin, false).getElementById("drill-table").text())
			.contains(this.tag + " Open deal", this.tag + " Other deal", "1,500.00");
		assertThat(page(drill.replace("weighted", "billing"), this.rep, false).getElementById("drill-table").text())
			.contains("INV-" + this.tag, "700.00");
		String report = "/reports/forecast/drill?year=" + YEAR + "&group=owner&value=" + this.otherRep.id()
				+ "&figure=unweighted&currency=EUR";
		assertThat(page(report, this.otherManager, false).getElementById("drill-table").text())
			.contains(this.tag + " Other deal");
		assertThat(page(report, this.manager, false).getElementById("drill-table").text())
			.doesNotContain(this.tag + " Other deal");
	}

	@Test
	void theExportsHoldTheTable() throws Exception {
		String csv = body("/accounts/" + this.account + "/figures/export?year=" + YEAR + "&format=csv", this.rep);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFMonth,Currency,Budget,Rolling forecast,Billing,Committed,Weighted");
		assertThat(lines.get(1))
			.isEqualTo(YEAR + "-01,EUR,1000.00,0.00,700.00,0.00,500.00,1000.00,1000.00,0.00,700.00");
		assertThat(lines).hasSize(14);
		assertThat(lines.get(13)).startsWith("Total,EUR,1000.00");

		byte[] xlsx = bytes("/accounts/" + this.account + "/figures/export?year=" + YEAR + "&format=xlsx", this.rep);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Budget");
			Row january = sheet.getRow(1);
			assertThat(january.getCell(0).getStringCellValue()).isEqualTo(YEAR + "-01");
			assertThat(january.getCell(2).getNumericCellValue()).isEqualTo(1000.0);
			assertThat(january.getCell(4).getNumericCellValue()).isEqualTo(700.0);
			assertThat(january.getCell(6).getNumericCellValue()).isEqualTo(500.0);
			assertThat(sheet.getRow(13).getCell(0).getStringCellValue()).isEqualTo("Total");
		}

		// The report over what each may see: the other team's manager has only the deal.
		String report = "/reports/forecast?year=" + YEAR + "&group=account&format=xlsx&owner=";
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(bytes(report + this.otherRep.id(), this.otherManager)))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(this.tag + " Account");
			assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.0);
			assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(3000.0);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(bytes(report + this.otherRep.id(), this.manager)))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
		String german = new String(this.mvc
			.perform(get("/reports/forecast?year=" + YEAR + "&format=csv&owner=" + this.rep.id())
				.with(user(this.users.loadUserByUsername(this.rep.username())))
				.header("Accept-Language", "de"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(german.lines().toList()).contains(this.tag + " Account;EUR;1000.00;0.00;700.00;0.00;500.00;1000.00");
	}

	@Test
	void theReportShowsTheGroupsAndLeadsToTheRows() throws Exception {
		Document report = page("/reports/forecast?year=" + YEAR + "&quarter=1&group=owner&team=" + this.rep.teamId(),
				this.admin, false);
		assertThat(report.select("#forecast-table-EUR tbody tr")).hasSize(1);
		assertThat(report.select("#forecast-table-EUR tfoot td[data-total=budget]").text()).isEqualTo("1,000.00");
		assertThat(report.getElementById("forecast-chart-EUR").attr("data-forecast-chart")).isEqualTo("groups");
		assertThat(report.select("#forecast-table-EUR thead th[data-series]").eachAttr("data-series"))
			.startsWith("budget", "forecast", "billing")
			.doesNotContain("cumulative-budget");
		assertThat(report.select("#forecast-filters select").eachAttr("name")).containsExactly("year", "quarter",
				"group", "owner", "team", "area", "type");
		assertThat(report.select("#team option[selected]").attr("value")).isEqualTo(String.valueOf(this.rep.teamId()));
		String href = report.select("#forecast-table-EUR tbody td[data-figure=budget]").attr("data-href");
		assertThat(report.select("#forecast-table-EUR tbody td[data-figure=budget] a").attr("href")).isEqualTo(href);
		assertThat(href).contains("value=" + this.rep.id()).contains("figure=budget");
		Document drill = page(href, this.admin, false);
		assertThat(drill.getElementById("drill-table").text()).contains(this.tag + " Account");
		assertThat(drill.select("h1 span").text()).contains("· Q1 " + YEAR);
		assertThat(page("/reports", this.rep, false).getElementById("report-forecast")).isNotNull();
		Document accuracy = page("/reports/forecast-accuracy?area=" + this.software, this.rep, false);
		assertThat(accuracy.getElementById("accuracy-cut-offs")).isNotNull();
		assertThat(accuracy.select("form select").eachAttr("name")).containsExactly("owner", "team", "area", "type");
		assertThat(accuracy.select("#area option[selected]").attr("value")).isEqualTo(String.valueOf(this.software));
	}

	@Test
	void theAccuracyIsWrittenInTheUsersLanguage() throws Exception {
		ForecastRows rows = new ForecastRows(this.jdbc);
		java.time.YearMonth month = java.time.YearMonth.of(2024, 11);
		rows.forecastVersion(this.account, month, this.software, "869", "EUR",
				java.time.Instant.parse("2024-06-01T00:00:00Z"));
		rows.billing(this.account, month, this.software, "1000", "EUR");
		String path = "/reports/forecast-accuracy?month=" + month + "&owner=" + this.rep.id();

		Document english = page(path, this.rep, false);
		assertThat(english.select("#accuracy-table-EUR tr[data-account=" + this.account + "] td").eachText())
			.containsExactly("869.00", "869.00", "1,000.00", "86.9 %", "86.9 %");
		Document german = page(path, this.rep, false, "de");
		assertThat(german.select("#accuracy-table-EUR tr[data-account=" + this.account + "] td").eachText())
			.containsExactly("869,00", "869,00", "1.000,00", "86,9 %", "86,9 %");
		// Its headers may wrap, as the forecast tables' do, so the table fits the window.
		assertThat(german.getElementById("accuracy-table-EUR").hasClass("forecast-table")).isTrue();
	}

	@Test
	void parametersThePagesDoNotKnowAnswerWith400() throws Exception {
		String tab = "/accounts/" + this.account + "/figures";
		assertBadRequest(tab + "?year=99999", "The year 99999 is not a year between 1970 and 2999.");
		assertBadRequest(tab + "?year=twenty", "The year twenty is not a year");
		assertBadRequest(tab + "?area=999999", "The business area 999999 does not exist.");
		assertBadRequest(tab + "?area=software", "The business area software does not exist.");
		assertBadRequest(tab + "/drill?figure=nonsense", "The figure nonsense does not exist.");
		assertBadRequest(tab + "/drill?figure=budget&month=13", "The month 13 is not a month");
		assertBadRequest(tab + "/drill?figure=budget&currency=euro", "three-letter currency code");
		assertBadRequest(tab + "/export?format=pdf", "The format pdf is not known");
		assertBadRequest("/reports/forecast?quarter=7", "The quarter 7 is not a quarter");
		assertBadRequest("/reports/forecast?group=stage", "cannot be grouped by stage");
		assertBadRequest("/reports/forecast?type=friend", "The account type friend does not exist.");
		assertBadRequest("/reports/forecast?owner=me", "me is not a record number.");
		assertBadRequest("/reports/forecast/drill?figure=budget&value=x", "x is not a record number.");
		assertBadRequest("/reports/forecast-accuracy?month=2999-01", "has not ended yet");
		assertBadRequest("/reports/forecast-accuracy?month=june", "is not a month of the form");
	}

	private void assertBadRequest(String path, String message) throws Exception {
		MvcResult result = this.mvc
			.perform(get(path).with(user(this.users.loadUserByUsername(this.rep.username())))
				.header("Accept-Language", "en"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(path).contains(message);
	}

	private Document page(String path, Person person, boolean htmx) throws Exception {
		return page(path, person, htmx, "en");
	}

	private Document page(String path, Person person, boolean htmx, String language) throws Exception {
		var request = get(path).with(user(this.users.loadUserByUsername(person.username())))
			.header("Accept-Language", language);
		if (htmx) {
			request = request.header("HX-Request", "true");
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private int status(String path, Person person) throws Exception {
		return this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(person.username()))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private String body(String path, Person person) throws Exception {
		return new String(bytes(path, person), StandardCharsets.UTF_8);
	}

	private byte[] bytes(String path, Person person) throws Exception {
		MvcResult result = this.mvc
			.perform(get(path).with(user(this.users.loadUserByUsername(person.username())))
				.header("Accept-Language", "en"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsByteArray();
	}

}
