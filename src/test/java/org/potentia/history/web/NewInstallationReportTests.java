package org.potentia.history.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.potentia.history.SnapshotService;
import org.potentia.history.Timeline;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.QuickPasswordHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new installation: no history row and no snapshot yet. Catching up takes nothing and
 * does not fail, and the pipeline report answers for today and for yesterday from the
 * history rows, without waiting for the first month to end.
 */
// Its own empty database: the shared one of the other tests has history and snapshots.
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:new-install-${random.uuid};DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
@AutoConfigureMockMvc
@Import({ People.class, QuickPasswordHashing.class })
class NewInstallationReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	SnapshotService snapshots;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePipelineOfTodayAndYesterdayComesFromTheHistory() throws Exception {
		assertThat(count("SELECT COUNT(*) FROM potential_history")).isZero();
		assertThat(this.snapshots.catchUp()).isEmpty();

		Person rep = this.people.rep();
		LocalDate today = LocalDate.now(this.snapshots.zone());
		LocalDate yesterday = today.minusDays(1);
		Timeline timeline = new Timeline(this.opportunities, this.pipeline, this.jdbc, this.snapshots.zone());
		long older = timeline.create(rep, "Older deal", "qualification", "1000", yesterday);
		timeline.create(rep, "Todays deal", "proposal", "250", today);
		timeline.move(older, "proposal", today);
		assertThat(count("SELECT COUNT(*) FROM snapshot_periods")).isZero();

		Document yesterdays = page("/reports/pipeline?date=" + yesterday, rep);
		assertThat(yesterdays.getElementById("date").val()).isEqualTo(yesterday.toString());
		assertThat(yesterdays.getElementById("total-count").text()).isEqualTo("1");
		assertThat(yesterdays.getElementById("pipeline-source").text()).contains("from the history rows");
		assertThat(csv("/reports/pipeline?date=" + yesterday + "&format=csv", rep)).containsExactly(
				"group,count,amount,weighted,compare_count,compare_amount,compare_weighted,difference_amount",
				"Qualification,1,1000.00,200.00,0,0,0,1000.00");

		// Without a date the report shows today.
		Document todays = page("/reports/pipeline", rep);
		assertThat(todays.getElementById("date").val()).isEqualTo(today.toString());
		assertThat(todays.getElementById("total-count").text()).isEqualTo("2");
		assertThat(todays.getElementById("pipeline-source").text()).contains("as they are now");
		assertThat(csv("/reports/pipeline?date=" + today + "&compare=" + yesterday + "&format=csv", rep))
			.containsExactly(
					"group,count,amount,weighted,compare_count,compare_amount,compare_weighted,difference_amount",
					"Qualification,0,0,0,1,1000.00,200.00,-1000.00", "Proposal,2,1250.00,625.00,0,0,0,1250.00");
	}

	private Document page(String path, Person person) throws Exception {
		return Jsoup.parse(this.mvc
			.perform(get(path).with(user(this.users.loadUserByUsername(person.username())))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private java.util.List<String> csv(String path, Person person) throws Exception {
		return this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(person.username()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.toList();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
