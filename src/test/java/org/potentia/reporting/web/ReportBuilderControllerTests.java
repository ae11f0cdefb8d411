package org.potentia.reporting.web;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportView;
import org.potentia.reporting.SavedReport;
import org.potentia.reporting.SavedReports;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Texts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.HtmlForm.inputValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report generator's pages: the builder runs a grouped report with subtotals and
 * drill-down links, saves it, and the saved report is shown, exported as XLSX (opened
 * with POI: numbers as numbers, dates as dates) and CSV with only what the user may see;
 * only the owner or an admin changes it; refusals are a clear message on the page.
 */
@PotentiaTest
class ReportBuilderControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SavedReports saved;

	String prefix;

	Person rep;

	Person otherRep;

	Person admin;

	@BeforeEach
	void data() {
		this.prefix = Names.unique("page") + "-";
		Team team = this.people.team();
		this.rep = this.people.rep(team);
		this.otherRep = this.people.rep(this.people.team());
		this.admin = this.people.admin();
		List<Long> stages = this.jdbc
			.sql("SELECT id FROM pipeline_stages WHERE module = 'potentials' ORDER BY sort_order")
			.query(Long.class)
			.list();
		insert(this.rep, stages.get(0), "100.25", LocalDate.of(2025, 1, 10));
		insert(this.rep, stages.get(0), "200.00", LocalDate.of(2025, 2, 10));
		insert(this.rep, stages.get(1), "50.00", LocalDate.of(2025, 2, 11));
		insert(this.otherRep, stages.get(1), "9999.00", LocalDate.of(2025, 2, 12));
	}

	private void insert(Person owner, long stage, String amount, LocalDate close) {
		this.jdbc
			.sql("INSERT INTO potentials (name, amount, stage_id, expected_close_date, owner_id, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(this.prefix + Names.unique("p"), new java.math.BigDecimal(amount), stage, close, owner.id())
			.update();
	}

	private String filter() {
		return "{\"$beg\":[\"name\",\"" + this.prefix + "\"]}";
	}

	private RequestPostProcessor as(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

	/**
	 * The builder's form as the person posts it; the test adds the fields.
	 */
	private MockHttpServletRequestBuilder run(Person person) {
		return post("/reports/custom/run").with(as(person)).with(csrf());
	}

	/**
	 * The page answered to the request (200).
	 */
	private String page(MockHttpServletRequestBuilder form) throws Exception {
		return this.mvc.perform(form)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theBuilderRunsAGroupedReportWithSubtotalsAndDrillDownLinks() throws Exception {
		String html = page(run(this.rep).param("module", "potentials")
			.param("columns[0].expression", "amount")
			.param("columns[0].aggregate", "sum")
			.param("columns[1].expression", "id")
			.param("columns[1].aggregate", "count")
			.param("filter", filter())
			.param("group1", "stage_id")
			.param("group2", "expected_close_date")
			.param("bucket2", "month")
			.param("view", "stacked_bar")
			.param("action", "run"));
		assertThat(html).contains("id=\"report-chart\"", "data-view=\"stacked_bar\"", "report-subtotal", "report-total")
			.contains("300.25", "350.25")
			.doesNotContain("9,999.00")
			.contains("/reports/custom/drill?module=potentials&amp;filter=");
		assertThat(html).contains("Prospecting");
	}

	/**
	 * A month's bucket is written as the pages write months, in the table and on the
	 * chart's axis: "Feb. 2025" in German, "Feb 2025" in English.
	 */
	@Test
	void aMonthIsWrittenInTheUsersLanguage() throws Exception {
		for (String[] expected : new String[][] { { "de", "Jan. 2025", "Feb. 2025" },
				{ "en", "Jan 2025", "Feb 2025" } }) {
			String html = page(run(this.rep).header("Accept-Language", expected[0])
				.param("module", "potentials")
				.param("columns[0].expression", "amount")
				.param("columns[0].aggregate", "sum")
				.param("filter", filter())
				.param("group1", "expected_close_date")
				.param("bucket1", "month")
				.param("view", "bar")
				.param("action", "run"));
			assertThat(org.jsoup.Jsoup.parse(html).select("#report-table tr[data-g1]").eachAttr("data-g1"))
				.as(expected[0])
				.containsExactly(expected[1], expected[2]);
		}
	}

	/**
	 * A quarter's bucket reads as the other pages write quarters (targets, the forecast
	 * report): "Q1 2025", in either language.
	 */
	@Test
	void aQuarterIsWrittenAsThePagesWriteQuarters() throws Exception {
		String html = page(run(this.rep).header("Accept-Language", "de")
			.param("module", "potentials")
			.param("columns[0].expression", "amount")
			.param("columns[0].aggregate", "sum")
			.param("filter", filter())
			.param("group1", "expected_close_date")
			.param("bucket1", "quarter")
			.param("view", "table")
			.param("action", "run"));
		assertThat(org.jsoup.Jsoup.parse(html).select("#report-table tr[data-g1]").eachAttr("data-g1"))
			.containsExactly("Q1 2025");
	}

	@Test
	void aRowLimitThatIsNoNumberIsNamedAndTheFormKept() throws Exception {
		String html = page(run(this.rep).header("Accept-Language", "de")
			.param("module", "potentials")
			.param("name", "Mein Bericht")
			.param("columns[0].expression", "name")
			.param("limit", "1e400")
			.param("action", "run"));
		assertThat(html).contains("id=\"report-errors\"")
			.contains("Zeilengrenze: Geben Sie eine ganze Zahl ein.")
			.contains("value=\"Mein Bericht\"");
	}

	/**
	 * A sharing, view or schedule that the form does not offer is named, the form kept,
	 * and nothing saved; it is not quietly replaced by another choice.
	 */
	@Test
	void aChoiceTheFormDoesNotOfferIsNamedAndNothingSaved() throws Exception {
		for (String[] choice : new String[][] {
				{ "de", "sharing", "world",
						"Geteilt mit: \u201eworld\u201c ist keine der Auswahlm\u00f6glichkeiten des Formulars." },
				{ "de", "schedule", "hourly",
						"Per E-Mail senden: \u201ehourly\u201c ist keine der Auswahlm\u00f6glichkeiten des Formulars." },
				{ "de", "view", "<b>3d</b>",
						"Ansicht: \u201e<b>3d</b>\u201c ist keine der Auswahlm\u00f6glichkeiten des Formulars." },
				{ "en", "sharing", "world", "Shared with: \"world\" is not one of the choices the form offers." } }) {
			String name = Names.unique("Bericht");
			String html = page(run(this.rep).header("Accept-Language", choice[0])
				.param("module", "potentials")
				.param("name", name)
				.param("columns[0].expression", "name")
				.param(choice[1], choice[2])
				.param("action", "save"));
			assertThat(org.jsoup.Jsoup.parse(html).getElementById("report-errors").text()).isEqualTo(choice[3]);
			assertThat(html).contains("value=\"" + name + "\"").doesNotContain("<b>3d</b>");
			assertThat(
					this.jdbc.sql("SELECT COUNT(*) FROM reports WHERE name = ?").param(name).query(Long.class).single())
				.as(choice[1])
				.isZero();
		}
	}

	@Test
	void aBadReportIsAMessageOnThePage() throws Exception {
		String html = page(run(this.rep).param("module", "potentials")
			.param("columns[0].expression", "name")
			.param("columns[0].aggregate", "sum")
			.param("action", "run"));
		assertThat(html).contains("id=\"report-problem\"").contains("is not a number");
		String deep = "{\"$not\":".repeat(1000) + "{\"name\":\"x\"}" + "}".repeat(1000);
		String refused = page(run(this.rep).param("module", "potentials")
			.param("columns[0].expression", "name")
			.param("filter", deep)
			.param("action", "run"));
		assertThat(refused).contains("id=\"report-problem\"");
	}

	@Test
	void aSavedReportIsShownExportedAndChangedOnlyByItsOwner() throws Exception {
		MvcResult saving = this.mvc
			.perform(run(this.rep).param("module", "potentials")
				.param("columns[0].expression", "name")
				.param("columns[1].expression", "amount")
				.param("columns[2].expression", "expected_close_date")
				.param("columns[3].expression", "stage_id")
				.param("filter", filter())
				.param("order", "-amount")
				.param("name", "My pipeline")
				.param("folder", "Sales")
				.param("sharing", "everyone")
				.param("action", "save"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = saving.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/reports/custom/");
		String html = page(get(location).with(as(this.rep)));
		assertThat(html).contains("My pipeline", "id=\"edit-report\"", "200.00");
		assertThat(this.mvc.perform(get("/reports/custom").with(as(this.otherRep)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("My pipeline", "Sales");

		byte[] xlsx = this.mvc.perform(get(location + "/export?format=xlsx").with(as(this.rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			Row first = sheet.getRow(1);
			assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(200.0);
			assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 2, 10));
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Prospecting");
			assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(50.0);
		}
		// Shared with everyone, the other rep runs it with their own visibility.
		String csv = this.mvc.perform(get(location + "/export?format=csv").with(as(this.otherRep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("9999").doesNotContain("200");
		String theirs = this.mvc.perform(get(location).with(as(this.otherRep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(theirs).doesNotContain("id=\"edit-report\"");
		this.mvc.perform(get(location + "/edit").with(as(this.otherRep))).andExpect(status().isForbidden());
		this.mvc.perform(post(location + "/delete").with(as(this.otherRep)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(location + "/edit").with(as(this.admin))).andExpect(status().isOk());
		this.mvc.perform(post(location + "/delete").with(as(this.rep)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(location).with(as(this.rep))).andExpect(status().isNotFound());
	}

	@Test
	void anotherModuleStartsAfreshAndAnEditedReportIsSavedAgain() throws Exception {
		String accounts = page(run(this.rep).param("module", "accounts")
			.param("columns[0].expression", "amount")
			.param("action", "module"));
		assertThat(accounts).contains("value=\"owner.name\"", "value=\"city\"").doesNotContain("id=\"report-problem\"");
		ReportQuery query = new ReportQuery("potentials",
				List.of(new ReportQuery.Column("amount", ReportQuery.Aggregate.SUM, "total")), filter(),
				List.of(ReportQuery.Group.of("owner.name")), List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Before", "A", SavedReport.Sharing.PRIVATE, null, ReportView.PIE), query,
				this.rep.currentUser());
		String form = page(get("/reports/custom/" + report.getId() + "/edit").with(as(this.rep)));
		assertThat(form).contains("value=\"Before\"");
		this.mvc
			.perform(post("/reports/custom/" + report.getId()).with(as(this.rep))
				.with(csrf())
				.param("module", "potentials")
				.param("columns[0].expression", "amount")
				.param("columns[0].aggregate", "sum")
				.param("columns[0].alias", "total")
				.param("filter", filter())
				.param("group1", "owner.name")
				.param("view", "funnel")
				.param("name", "After")
				.param("sharing", "team")
				.param("action", "save"))
			.andExpect(status().is3xxRedirection());
		SavedReport changed = this.saved.get(report.getId(), this.rep.currentUser());
		assertThat(changed.getName()).isEqualTo("After");
		assertThat(changed.getView()).isEqualTo(ReportView.FUNNEL);
		assertThat(changed.getSharing()).isEqualTo(SavedReport.Sharing.TEAM);
		assertThat(changed.getTeamId()).isEqualTo(this.rep.teamId());
		String shown = page(get("/reports/custom/" + report.getId()).with(as(this.rep)));
		assertThat(shown).contains("data-view=\"funnel\"", "Test " + this.rep.username(), "350.25");
	}

	/**
	 * The owner and an admin edit a shared report at the same time: the second save is
	 * refused with the conflict message and the form keeps what was typed, never a silent
	 * overwrite.
	 */
	@Test
	void aReportSavedByAnotherSinceTheFormWasOpenedIsNotOverwritten() throws Exception {
		ReportQuery query = new ReportQuery("potentials",
				List.of(new ReportQuery.Column("id", ReportQuery.Aggregate.COUNT, null)), filter(),
				List.of(ReportQuery.Group.of("stage_id")), List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Shared", null, SavedReport.Sharing.EVERYONE, null, ReportView.BAR), query,
				this.rep.currentUser());
		String opened = page(get("/reports/custom/" + report.getId() + "/edit").with(as(this.rep)));
		String version = inputValue(opened, "version");
		assertThat(version).isEqualTo(String.valueOf(report.getVersion()));
		this.mvc.perform(save(report, this.admin, version, "Renamed by the admin"))
			.andExpect(status().is3xxRedirection());

		String refused = page(save(report, this.rep, version, "Renamed by the owner"));

		assertThat(refused).contains("id=\"conflict\"", Texts.STALE);
		assertThat(inputValue(refused, "name")).isEqualTo("Renamed by the owner");
		assertThat(this.saved.get(report.getId(), this.rep.currentUser()).getName()).isEqualTo("Renamed by the admin");
	}

	/**
	 * An admin (of no team) edits a report a rep shares with the rep's team: it stays
	 * shared with that team.
	 */
	@Test
	void anAdminEditingATeamReportKeepsItsTeam() throws Exception {
		ReportQuery query = new ReportQuery("potentials",
				List.of(new ReportQuery.Column("id", ReportQuery.Aggregate.COUNT, null)), filter(),
				List.of(ReportQuery.Group.of("stage_id")), List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Team report", null, SavedReport.Sharing.TEAM, null, ReportView.BAR), query,
				this.rep.currentUser());

		this.mvc.perform(save(report, this.admin, String.valueOf(report.getVersion()), "Team report, renamed", "team"))
			.andExpect(status().is3xxRedirection());

		SavedReport changed = this.saved.get(report.getId(), this.rep.currentUser());
		assertThat(changed.getName()).isEqualTo("Team report, renamed");
		assertThat(changed.getSharing()).isEqualTo(SavedReport.Sharing.TEAM);
		assertThat(changed.getTeamId()).isEqualTo(this.rep.teamId());
	}

	private MockHttpServletRequestBuilder save(SavedReport report, Person person, String version, String name) {
		return save(report, person, version, name, "everyone");
	}

	private MockHttpServletRequestBuilder save(SavedReport report, Person person, String version, String name,
			String sharing) {
		return post("/reports/custom/" + report.getId()).with(as(person))
			.with(csrf())
			.param("version", version)
			.param("module", "potentials")
			.param("columns[0].expression", "id")
			.param("columns[0].aggregate", "count")
			.param("filter", filter())
			.param("group1", "stage_id")
			.param("view", "bar")
			.param("name", name)
			.param("sharing", sharing)
			.param("action", "save");
	}

	@Test
	void aPrivateReportIsNotFoundForOthersAndDrillDownListsTheRecords() throws Exception {
		ReportQuery query = new ReportQuery("potentials",
				List.of(new ReportQuery.Column("id", ReportQuery.Aggregate.COUNT, null)), filter(),
				List.of(ReportQuery.Group.of("stage_id")), List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Mine", null, SavedReport.Sharing.PRIVATE, null, ReportView.BAR), query,
				this.rep.currentUser());
		this.mvc.perform(get("/reports/custom/" + report.getId()).with(as(this.otherRep)))
			.andExpect(status().isNotFound());
		String page = page(get("/reports/custom/" + report.getId()).with(as(this.rep)));
		assertThat(page).contains("data-view=\"bar\"");
		String drill = this.mvc
			.perform(get("/reports/custom/drill").with(as(this.rep))
				.param("module", "potentials")
				.param("filter", "{\"$and\":[" + filter() + ",{\"$gte\":[\"amount\",100]}]}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(drill).contains("2 records").contains("100.25").doesNotContain("9,999.00");
		this.mvc
			.perform(get("/reports/custom/drill").with(as(this.rep))
				.param("module", "potentials")
				.param("filter", "{\"$nope\":1}"))
			.andExpect(status().isBadRequest());
	}

}
