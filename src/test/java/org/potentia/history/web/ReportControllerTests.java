package org.potentia.history.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.potentia.history.SalesScenario;
import org.potentia.history.SnapshotService;
import org.potentia.history.Timeline;
import org.potentia.identity.Team;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.history.SalesScenario.FEBRUARY;
import static org.potentia.history.SalesScenario.JANUARY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every report page renders in English and in German with the scenario's data behind it,
 * and each export answers CSV with the figures the page shows; signed in as the manager
 * of reps A and B of the {@link SalesScenario}.
 */
@PotentiaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportControllerTests {

	static final String PERIOD = "from=2011-02-01&to=2011-02-28";

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	SnapshotService snapshots;

	@Autowired
	JdbcClient jdbc;

	SalesScenario scenario;

	Person manager;

	/**
	 * One scenario for the whole class: the pages only read it.
	 */
	@BeforeAll
	void setUp() {
		this.people.repsSeeTeam(false);
		Team team = this.people.team();
		this.manager = this.people.manager(team);
		this.scenario = SalesScenario.build(
				new Timeline(this.opportunities, this.pipeline, this.jdbc, this.snapshots.zone()),
				this.people.rep(team), this.people.rep(team), this.people.rep(this.people.team()));
		SalesScenario.retakeMonthly(this.jdbc, this.snapshots, JANUARY);
		SalesScenario.retakeMonthly(this.jdbc, this.snapshots, FEBRUARY);
	}

	@Test
	void everyPageRendersInEnglishAndGerman() throws Exception {
		long qualification = this.pipeline.stage(PipelineService.POTENTIALS, "qualification").orElseThrow().getId();
		// Each page with a text of its own in English and in German.
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put("/reports", List.of("Movement between two dates", "Bewegung zwischen zwei Daten"));
		pages.put("/reports/pipeline?month=2011-02&compare=2011-01&group=stage",
				List.of("Qualification", "Qualifizierung"));
		pages.put("/reports/pipeline?month=2011-02&group=owner",
				List.of("Pipeline as of a day", "Pipeline zu einem Stichtag"));
		pages.put("/reports/pipeline?month=2011-02&group=team", List.of("Team", "Team"));
		pages.put("/reports/pipeline?month=2011-02&group=business_area",
				List.of("Business area", "Gesch\u00e4ftsbereich"));
		pages.put("/reports/pipeline/drill?month=2011-02&group=stage&value=" + qualification,
				List.of(this.scenario.name("Alpha"), this.scenario.name("Alpha")));
		// The scenario's deals have no business area: the group without one drills down
		// too.
		pages.put("/reports/pipeline/drill?month=2011-02&group=business_area&value=",
				List.of(this.scenario.name("Mike"), this.scenario.name("Mike")));
		pages.put("/reports/movement?" + PERIOD, List.of("Closing pipeline", "Endbestand"));
		pages.put("/reports/movement/drill?" + PERIOD + "&category=lost", List.of("(Deleted)", "(Gel\u00f6scht)"));
		pages.put("/reports/movement/drill?" + PERIOD + "&category=increased", List.of("Increased", "Erh\u00f6ht"));
		pages.put("/reports/time-in-stage?" + PERIOD + "&group=owner", List.of("Median days", "Median Tage"));
		pages.put("/reports/time-in-stage?" + PERIOD, List.of("Needs analysis", "Bedarfsanalyse"));
		pages.put("/reports/funnel?" + PERIOD, List.of("To the next stage", "Zur n\u00e4chsten Phase"));
		for (Map.Entry<String, List<String>> page : pages.entrySet()) {
			String english = html(page.getKey(), "en");
			assertThat(english).as(page.getKey()).contains("lang=\"en\"").contains(page.getValue().get(0));
			String german = html(page.getKey(), "de");
			assertThat(german).as(page.getKey()).contains("lang=\"de\"").contains(page.getValue().get(1));
		}
	}

	/**
	 * The chart's legend names the days, and the drill-down's heading its day, as the
	 * rest of the page writes dates.
	 */
	@Test
	void thePipelineWritesItsDaysInTheUsersLanguage() throws Exception {
		long qualification = this.pipeline.stage(PipelineService.POTENTIALS, "qualification").orElseThrow().getId();
		String report = "/reports/pipeline?date=2011-02-28&compare=2011-01-31&group=stage";
		String drill = "/reports/pipeline/drill?date=2011-02-28&group=stage&value=" + qualification;

		Document german = Jsoup.parse(html(report, "de"));
		assertThat(german.getElementById("chart").attr("data-day-label")).isEqualTo("28.02.2011");
		assertThat(german.getElementById("chart").attr("data-compare-label")).isEqualTo("31.01.2011");
		assertThat(Jsoup.parse(html(drill, "de")).select("h1").text()).isEqualTo("28.02.2011");

		Document english = Jsoup.parse(html(report, "en"));
		assertThat(english.getElementById("chart").attr("data-day-label")).isEqualTo("Feb 28, 2011");
		assertThat(english.getElementById("chart").attr("data-compare-label")).isEqualTo("Jan 31, 2011");
		assertThat(Jsoup.parse(html(drill, "en")).select("h1").text()).isEqualTo("Feb 28, 2011");
		// Without a day to compare with, one series only.
		assertThat(Jsoup.parse(html("/reports/pipeline?date=2011-02-28", "en"))
			.getElementById("chart")
			.hasAttr("data-compare-label")).isFalse();
	}

	@Test
	void theLinkOfAGroupWithoutValueDrillsDown() throws Exception {
		String html = html("/reports/pipeline?month=2011-02&group=business_area", "en");
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/reports/pipeline/drill[^\"]*)\"")
			.matcher(html);
		assertThat(link.find()).isTrue();
		assertThat(html(link.group(1).replace("&amp;", "&"), "en")).contains(this.scenario.name("Mike"),
				this.scenario.name("Alpha"));
	}

	@Test
	void theDrillDownOfAnUnknownFigureLeadsBackToTheReport() throws Exception {
		this.mvc.perform(get("/reports/movement/drill?" + PERIOD + "&category=nonsense").with(signedIn()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/reports/movement?" + PERIOD));
	}

	@Test
	void thePipelineExportsTwoMonthsSideBySide() throws Exception {
		List<String> lines = csv("/reports/pipeline?month=2011-02&compare=2011-01&group=owner&format=csv");
		assertThat(lines.get(0))
			.isEqualTo("group,count,amount,weighted,compare_count,compare_amount,compare_weighted,difference_amount");
		assertThat(lines).contains(
				"Test " + this.scenario.a.username() + ",5,4700.00,1870.00,6,11700.00,4530.00,-7000.00",
				"Test " + this.scenario.b.username() + ",2,5250.00,3800.00,1,5000.00,2500.00,250.00");
		assertThat(lines).hasSize(3);
	}

	@Test
	void aStageEmptyInTheFirstMonthStaysInItsPlace() throws Exception {
		// February: no deal in needs analysis; January: none in negotiation.
		assertThat(csv("/reports/pipeline?month=2011-02&compare=2011-01&group=stage&format=csv")).containsExactly(
				"group,count,amount,weighted,compare_count,compare_amount,compare_weighted,difference_amount",
				"Qualification,4,2850.00,570.00,2,4000.00,800.00,-1150.00",
				"Needs analysis,0,0,0,1,800.00,280.00,-800.00", "Proposal,1,900.00,450.00,4,11900.00,5950.00,-11000.00",
				"Negotiation,2,6200.00,4650.00,0,0,0,6200.00");
	}

	@Test
	void theMovementExportsItsFigures() throws Exception {
		assertThat(csv("/reports/movement?" + PERIOD + "&format=csv")).containsExactly("figure,opportunities,amount",
				"opening,7,16700.00", "new,4,2050.00", "increased,2,1000.00", "decreased,1,800.00", "won,2,4200.00",
				"lost,2,4800.00", "closing,7,9950.00");
	}

	@Test
	void timeInStageAndFunnelExportTheirRows() throws Exception {
		assertThat(csv("/reports/time-in-stage?" + PERIOD + "&format=csv")).containsExactly(
				"stage,group,stays,average_days,median_days", "Qualification,,3,20.0,19.0",
				"Needs analysis,,1,38.0,38.0", "Proposal,,3,38.3,37.0", "Closed lost,,1,19.0,19.0");
		// Furthest stage in February: Echo, Hotel, Kilo and Mike qualification; Bravo and
		// Lima negotiation; Charlie and Foxtrot won.
		assertThat(csv("/reports/funnel?" + PERIOD + "&format=csv")).startsWith("stage,reached,rate_to_next_percent")
			.contains("Qualification,8,50.0", "Needs analysis,4,100.0", "Proposal,4,100.0", "Negotiation,4,50.0",
					"Closed won,2,");
	}

	private String html(String path, String language) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(signedIn()).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("text/html");
		return result.getResponse().getContentAsString();
	}

	private List<String> csv(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(signedIn())).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
	}

	private RequestPostProcessor signedIn() {
		return user(this.users.loadUserByUsername(this.manager.username()));
	}

}
