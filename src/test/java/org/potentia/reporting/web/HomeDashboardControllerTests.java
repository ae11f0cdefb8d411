package org.potentia.reporting.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.reporting.DashboardService;
import org.potentia.reporting.DashboardWidget;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportView;
import org.potentia.reporting.SavedReport;
import org.potentia.reporting.SavedReports;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page and the targets page over HTTP: every widget of the default layout loads
 * by its own request; bad input (an unknown widget kind, another user's widget, a width
 * or an order that is nonsense, a negative target, a period that is none) answers a clear
 * 4xx, never a 500; a saved report is shown as a widget only to who may see it.
 */
@PotentiaTest
class HomeDashboardControllerTests {

	/**
	 * A month as English pages write it: "Dec 2026".
	 */
	static final String ENGLISH_MONTH = "[A-Z][a-z]{2,3} \\d{4}";

	/**
	 * A month as German pages write it: "Dez. 2026", "Mai 2026", "Juni 2026".
	 */
	static final String GERMAN_MONTH = "(?:[A-Z][a-z]{2,3}\\.|M\u00e4rz|Mai|Juni|Juli) \\d{4}";

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	DashboardService dashboards;

	@Autowired
	SavedReports saved;

	@Autowired
	JdbcClient jdbc;

	Team team;

	Person manager;

	Person rep;

	Person stranger;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.team = this.people.team();
		this.manager = this.people.manager(this.team);
		this.rep = this.people.rep(this.team);
		this.stranger = this.people.rep(this.people.team());
	}

	@AfterEach
	void reset() {
		this.people.repsSeeTeam(false);
	}

	@Test
	void theHomePageLaysOutWidgetsThatEachLoadOnTheirOwn() throws Exception {
		for (Person person : List.of(this.rep, this.manager, this.people.admin())) {
			String page = ok(get("/"), person);
			List<String> links = widgetLinks(page);
			assertThat(links).hasSizeGreaterThanOrEqualTo(8);
			assertThat(page).contains("hx-trigger=\"load\"");
			List<String> widgets = new java.util.ArrayList<>();
			for (String link : links) {
				String widget = ok(get(link), person);
				assertThat(widget).contains("widget-content");
				widgets.add(widget);
			}
			// Closing this month and overdue: the same list of opportunities, one marked.
			assertThat(widgets).filteredOn((widget) -> widget.contains("class=\"widget-count\"")).hasSize(2);
			assertThat(widgets).filteredOn((widget) -> widget.contains("data-overdue=\"true\""))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("class=\"widget-count\"", "list-group");
			// The pipeline's stages and the forecast's months: the same table and bars.
			assertThat(widgets).filteredOn((widget) -> widget.contains("data-widget-chart=\"pipeline\""))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("data-weighted-label=\"Weighted amount\"", "<th>Stage</th>");
			assertThat(widgets).filteredOn((widget) -> widget.contains("data-widget-chart=\"forecast\""))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.containsPattern("data-label=\"" + ENGLISH_MONTH + "\"[^>]*data-amount=")
				.containsPattern("<a href=\"[^\"]*\">" + ENGLISH_MONTH + "</a>")
				.doesNotContain("Nothing found.");
		}
	}

	/**
	 * The forecast's and the lead conversion's months, on the axis and in the table, are
	 * written as the account card's chart writes them: "Dez. 2026", "Dec 2026".
	 */
	@Test
	void theWidgetsWriteTheirMonthsInTheUsersLanguage() throws Exception {
		for (String language : List.of("de", "en")) {
			String month = language.equals("de") ? GERMAN_MONTH : ENGLISH_MONTH;
			String page = ok(get("/"), this.manager, language);
			List<String> widgets = new ArrayList<>();
			for (String link : widgetLinks(page)) {
				widgets.add(ok(get(link), this.manager, language));
			}
			for (String chart : List.of("forecast", "lead_conversion")) {
				assertThat(widgets).as(language + " " + chart)
					.filteredOn((widget) -> widget.contains("data-widget-chart=\"" + chart + "\""))
					.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
					.containsPattern("data-label=\"" + month + "\"")
					.containsPattern("<a href=\"[^\"]*\">" + month + "</a>")
					.doesNotContainPattern("\\d{4}-\\d{2}</a>")
					.doesNotContainPattern("data-label=\"\\d{4}-\\d{2}\"");
			}
		}
	}

	@Test
	void badInputIsRefusedClearly() throws Exception {
		ok(get("/"), this.rep);
		long mine = this.dashboards.layout(this.rep.currentUser()).get(0).id();

		assertThat(send(post("/home/widgets").param("kind", "nonsense"), this.rep).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("There is no widget of the kind");
		send(post("/home/widgets").param("kind", "pipeline").param("width", "huge"), this.rep)
			.andExpect(status().isBadRequest());
		send(post("/home/widgets").param("kind", "report").param("report_id", "abc"), this.rep)
			.andExpect(status().isBadRequest());
		send(post("/home/widgets/" + mine + "/width").param("width", "9"), this.rep).andExpect(status().isBadRequest());
		send(get("/home/widgets/" + mine), this.stranger).andExpect(status().isNotFound());
		send(post("/home/widgets/" + mine + "/remove"), this.stranger).andExpect(status().isNotFound());
		send(post("/home/layout").param("order", mine + ",x"), this.rep).andExpect(status().isBadRequest());
		send(post("/home/layout").param("order", String.valueOf(mine)), this.stranger).andExpect(status().isNotFound());
		send(post("/home/widgets/" + mine + "/share").param("sharing", "everyone"), this.rep)
			.andExpect(status().isForbidden());
		send(post("/home/layout").param("order", String.valueOf(mine)), this.rep).andExpect(status().isNoContent());
		assertThat(this.dashboards.layout(this.rep.currentUser()).get(0).id()).isEqualTo(mine);
	}

	@Test
	void aPermanentSharedWidgetCannotBeHidden() throws Exception {
		long id = this.dashboards.add("won", null, null, this.manager.currentUser());
		send(post("/home/widgets/" + id + "/share").param("sharing", "team").param("permanent", "true"), this.manager)
			.andExpect(status().is3xxRedirection());
		assertThat(ok(get("/"), this.rep)).contains("id=\"widget-" + id + "\"");
		assertThat(send(post("/home/widgets/" + id + "/remove"), this.rep).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("cannot be hidden");
		assertThat(ok(get("/"), this.stranger)).doesNotContain("id=\"widget-" + id + "\"");
	}

	@Test
	void aSavedReportIsAWidgetForWhoMaySeeIt() throws Exception {
		ReportQuery query = new ReportQuery("potentials",
				List.of(new ReportQuery.Column("id", ReportQuery.Aggregate.COUNT, null)), null,
				List.of(ReportQuery.Group.of("stage_id")), List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Count by stage", null, SavedReport.Sharing.PRIVATE, null, ReportView.BAR),
				query, this.manager.currentUser());
		send(post("/home/widgets").param("kind", "report").param("report_id", String.valueOf(report.getId())), this.rep)
			.andExpect(status().isBadRequest());
		send(post("/home/widgets").param("kind", "report").param("report_id", String.valueOf(report.getId())),
				this.manager)
			.andExpect(status().is3xxRedirection());
		DashboardWidget widget = this.dashboards.layout(this.manager.currentUser()).getLast();
		assertThat(widget.reportId()).isEqualTo(report.getId());
		String shown = ok(get("/home/widgets/" + widget.id()), this.manager);
		assertThat(shown).contains("Count by stage").contains("data-widget-chart=\"report\"");
		// Shared with the team, the rep sees the card but not the private report.
		this.dashboards.share(widget.id(), "team", null, false, this.manager.currentUser());
		assertThat(ok(get("/home/widgets/" + widget.id()), this.rep)).contains("you may not see")
			.doesNotContain("Count by stage");
	}

	/**
	 * A report widget shows its figures formatted and linked as the report's own page
	 * does, and carries the rows' figures for its chart.
	 */
	@Test
	void aReportWidgetShowsItsFiguresAsTheReportsPageDoes() throws Exception {
		String name = Names.unique("widget");
		long stage = this.jdbc.sql("SELECT id FROM pipeline_stages WHERE module = 'potentials' ORDER BY sort_order")
			.query(Long.class)
			.list()
			.get(0);
		this.jdbc
			.sql("INSERT INTO potentials (name, amount, stage_id, owner_id, created_at, updated_at)"
					+ " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(name, new BigDecimal("1234.50"), stage, this.manager.id())
			.update();
		ReportQuery query = new ReportQuery("potentials",
				List.of(ReportQuery.Column.of("stage_id"), ReportQuery.Column.of(ReportQuery.Aggregate.SUM, "amount")),
				"{\"$eq\":[\"name\",\"" + name + "\"]}", List.of(ReportQuery.Group.of("stage_id")), List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Sum by stage", null, SavedReport.Sharing.PRIVATE, null, ReportView.BAR),
				query, this.manager.currentUser());
		long widget = this.dashboards.add("report", report.getId(), 2, this.manager.currentUser());

		String shown = ok(get("/home/widgets/" + widget), this.manager);

		assertThat(shown).contains("1,234.50", "data-values=\"1234.50\"", "data-measures=\"Sum of Amount\"",
				"href=\"/reports/custom/drill?module=potentials&amp;filter=");
	}

	/**
	 * A report of more rows than a widget shows: the widget shows its first rows, each
	 * linked to its record, and says nothing of the rest.
	 */
	@Test
	void aReportWidgetShowsTheFirstRowsOfALongReport() throws Exception {
		String prefix = Names.unique("long") + "-";
		long stage = this.jdbc.sql("SELECT id FROM pipeline_stages WHERE module = 'potentials' ORDER BY sort_order")
			.query(Long.class)
			.list()
			.get(0);
		for (int i = 0; i < HomeDashboardController.REPORT_ROWS + 5; i++) {
			this.jdbc
				.sql("INSERT INTO potentials (name, amount, stage_id, owner_id, created_at, updated_at)"
						+ " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
				.params(prefix + i, new BigDecimal(i), stage, this.manager.id())
				.update();
		}
		ReportQuery query = new ReportQuery("potentials",
				List.of(ReportQuery.Column.of("name"), ReportQuery.Column.of("amount")),
				"{\"$beg\":[\"name\",\"" + prefix + "\"]}", List.of(), List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Long list", null, SavedReport.Sharing.PRIVATE, null, ReportView.TABLE), query,
				this.manager.currentUser());
		long widget = this.dashboards.add("report", report.getId(), 2, this.manager.currentUser());

		String shown = ok(get("/home/widgets/" + widget), this.manager);

		Matcher links = Pattern.compile("<a href=\"/opportunities/\\d+\">" + Pattern.quote(prefix)).matcher(shown);
		int rows = 0;
		while (links.find()) {
			rows++;
		}
		assertThat(rows).isEqualTo(HomeDashboardController.REPORT_ROWS);
	}

	@Test
	void theTargetsPageSetsTargetsAndRefusesBadOnesClearly() throws Exception {
		String owner = "user:" + this.rep.id();
		assertThat(ok(get("/targets"), this.manager)).contains("id=\"target-form\"");
		assertThat(ok(get("/targets?year=nonsense"), this.rep)).doesNotContain("id=\"target-form\"");
		assertThat(target(owner, "month", "2031-05", "-5", this.manager).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("A target cannot be negative");
		assertThat(target(owner, "month", "2031-13", "5", this.manager).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("is not one");
		target(owner, "fortnight", "2031-05", "5", this.manager).andExpect(status().isBadRequest());
		target(owner, "month", "2031-05", "5", this.rep).andExpect(status().isForbidden());
		target(owner, "month", "2031-05", "5", this.stranger).andExpect(status().isForbidden());
		target(owner, "month", "2031-05", "5000", this.manager).andExpect(status().is3xxRedirection());
		String page = ok(get("/targets?year=2031"), this.rep);
		assertThat(page).contains("May 2031").contains("5,000");
		assertThat(ok(get("/targets?year=2031"), this.stranger)).doesNotContain("May 2031");
		send(post("/targets/999999999/delete"), this.manager).andExpect(status().isNotFound());
	}

	@Test
	void aTargetIsReadInTheUsersLanguage() throws Exception {
		String owner = "user:" + this.rep.id();
		for (String[] typed : new String[][] { { "2032-03", "50.000" }, { "2032-04", "12.345,67" },
				{ "2032-05", "7500,5" } }) {
			this.mvc
				.perform(post("/targets").param("owner", owner)
					.param("measure", "won_amount")
					.param("period_type", "month")
					.param("period", typed[0])
					.param("amount", typed[1])
					.header("Accept-Language", "de")
					.with(as(this.manager))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(ok(get("/targets?year=2032"), this.rep)).contains("50,000.00")
			.contains("12,345.67")
			.contains("7,500.50")
			.doesNotContain(">50.00<");
		String german = this.mvc.perform(get("/targets?year=2032").header("Accept-Language", "de").with(as(this.rep)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(german).contains("50.000,00").contains("Mai 2032").doesNotContain(">2032-05<");
	}

	private ResultActions target(String owner, String type, String period, String amount, Person person)
			throws Exception {
		return send(post("/targets").param("owner", owner)
			.param("measure", "won_amount")
			.param("period_type", type)
			.param("period", period)
			.param("amount", amount), person);
	}

	private static List<String> widgetLinks(String page) {
		List<String> links = new ArrayList<>();
		Matcher matcher = Pattern.compile("hx-get=\"(/home/widgets/\\d+)\"").matcher(page);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

	private String ok(MockHttpServletRequestBuilder request, Person person) throws Exception {
		return ok(request, person, "en");
	}

	private String ok(MockHttpServletRequestBuilder request, Person person, String language) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", language).with(as(person)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private ResultActions send(MockHttpServletRequestBuilder request, Person person) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", "en").with(as(person)).with(csrf()));
	}

	private RequestPostProcessor as(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
