package org.potentia.reporting.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportView;
import org.potentia.reporting.SavedReport;
import org.potentia.reporting.SavedReports;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/reporting} in the CRM-service dialect: grouped answers, the token
 * user's visibility, saved reports by id, and bad reports refused with 400 and a pointer
 * in the client's language, never a 500.
 */
@PotentiaTest
class ReportingApiTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SavedReports saved;

	String prefix;

	Person admin;

	Person manager;

	Person rep;

	Person otherRep;

	@BeforeEach
	void data() {
		this.prefix = Names.unique("api") + "-";
		Team team = this.people.team();
		Team other = this.people.team();
		this.admin = this.people.admin();
		this.manager = this.people.manager(team);
		this.rep = this.people.rep(team);
		this.otherRep = this.people.rep(other);
		long stage = this.jdbc.sql("SELECT MIN(id) FROM pipeline_stages WHERE module = 'potentials'")
			.query(Long.class)
			.single();
		insert(this.rep, stage, 100, LocalDate.of(2025, 3, 3));
		insert(this.rep, stage, 50, LocalDate.of(2025, 3, 20));
		insert(this.otherRep, stage, 1000, LocalDate.of(2025, 5, 1));
	}

	private void insert(Person owner, long stage, int amount, LocalDate close) {
		this.jdbc
			.sql("INSERT INTO potentials (name, amount, stage_id, expected_close_date, owner_id, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(this.prefix + Names.unique("p"), amount, stage, close, owner.id())
			.update();
	}

	private String where() {
		return "{\"$beg\":[\"name\",\"" + this.prefix + "\"]}";
	}

	private Api.Response report(Person person, String body) {
		return this.api.as(person).header("Content-Type", "application/json").post("/api/v1/reporting", body);
	}

	@Test
	void groupedReportInTheDialect() {
		String body = "{\"from\":\"potentials\",\"select\":\"$month(expected_close_date) as month, $sum(amount) as total,"
				+ " $count(id)\",\"where\":" + where()
				+ ",\"group\":\"$month(expected_close_date)\",\"order\":\"-total\"}";
		Api.Response asAdmin = report(this.admin, body);
		assertThat(asAdmin.status()).isEqualTo(200);
		JsonNode json = asAdmin.json();
		assertThat(json.path("meta").path("results").asInt()).isEqualTo(2);
		assertThat(json.path("meta").path("fields").toString()).isEqualTo("[\"month\",\"total\",\"count_id\"]");
		assertThat(json.path("data").get(0).path("month").asString()).isEqualTo("2025-05-01");
		assertThat(json.path("data").get(0).path("total").decimalValue()).isEqualByComparingTo("1000");
		assertThat(json.path("data").get(1).path("total").decimalValue()).isEqualByComparingTo("150");
		assertThat(json.path("data").get(1).path("count_id").asLong()).isEqualTo(2);
		// The manager sees the team's (the rep's) records, not the other team's.
		JsonNode asManager = report(this.manager, body).json();
		assertThat(asManager.path("meta").path("results").asInt()).isEqualTo(1);
		assertThat(asManager.path("data").get(0).path("total").decimalValue()).isEqualByComparingTo("150");
		JsonNode asOther = report(this.otherRep, body).json();
		assertThat(asOther.path("data").get(0).path("total").decimalValue()).isEqualByComparingTo("1000");
	}

	@Test
	void aLinkedRecordsNameIsAnsweredAsTheName() {
		Api.Response response = report(this.manager, "{\"from\":\"potentials\",\"select\":\"owner.name, owner_id,"
				+ " $sum(amount) as total\",\"where\":" + where() + ",\"group\":\"owner.name, owner_id\"}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode row = response.json().path("data").get(0);
		assertThat(row.path("owner.name").asString()).isEqualTo(this.rep.currentUser().displayName());
		assertThat(row.path("owner_id").asLong()).isEqualTo(this.rep.id());
		assertThat(row.path("total").decimalValue()).isEqualByComparingTo("150");
	}

	@Test
	void arraysAndAnEmptyWhere() {
		Api.Response response = report(this.rep,
				"{\"from\":\"potentials\",\"select\":[\"$count.distinct(owner_id) as owners\","
						+ "\"$max(amount)\"],\"where\":[]}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("data").get(0).path("owners").asLong()).isEqualTo(1);
	}

	@Test
	void savedReportsRunByIdForWhomTheyAreShared() {
		ReportQuery query = new ReportQuery("potentials",
				List.of(new ReportQuery.Column("amount", ReportQuery.Aggregate.SUM, "total")), where(), List.of(),
				List.of(), null);
		SavedReport report = this.saved.create(
				new SavedReports.Details("Pipeline", "Sales", SavedReport.Sharing.EVERYONE, null, ReportView.TABLE),
				query, this.rep.currentUser());
		Api.Response mine = this.api.as(this.rep).get("/api/v1/reporting/" + report.getId());
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().path("data").get(0).path("total").decimalValue()).isEqualByComparingTo("150");
		// Shared with everyone, run with the other rep's visibility.
		Api.Response theirs = this.api.as(this.otherRep)
			.header("Content-Type", "application/json")
			.post("/api/v1/reporting/" + report.getId(), "");
		assertThat(theirs.status()).isEqualTo(200);
		assertThat(theirs.json().path("data").get(0).path("total").decimalValue()).isEqualByComparingTo("1000");
		SavedReport mineOnly = this.saved.create(
				new SavedReports.Details("Private", null, SavedReport.Sharing.PRIVATE, null, ReportView.BAR), query,
				this.rep.currentUser());
		assertThat(this.api.as(this.otherRep).get("/api/v1/reporting/" + mineOnly.getId()).status()).isEqualTo(404);
		assertThat(this.api.as(this.otherRep).get("/api/v1/reporting/nope").status()).isEqualTo(404);
		assertThat(this.api.anonymous().get("/api/v1/reporting/" + report.getId()).status()).isEqualTo(401);
	}

	@Test
	void badReportsAreRefusedWithAPointer() {
		String deep = "{\"$not\":".repeat(1000) + "{\"name\":\"x\"}" + "}".repeat(1000);
		String manyValues = IntStream.range(0, 100_000)
			.mapToObj(String::valueOf)
			.collect(Collectors.joining(",", "{\"$in\":[\"amount\",[", "]]}"));
		Map<String, String> pointers = new java.util.LinkedHashMap<>();
		pointers.put("{\"from\":\"nothing\",\"select\":\"$count(id)\"}", "/from");
		pointers.put("{\"from\":\"potentials\",\"select\":\"name, secret\"}", "/select/1");
		pointers.put("{\"from\":\"potentials\",\"select\":\"$sum(name)\"}", "/select/0");
		pointers.put("{\"from\":\"potentials\",\"select\":\"$median(amount)\"}", "/select/0");
		pointers.put("{\"from\":\"accounts\",\"select\":\"$count(id)\",\"group\":\"contacts\"}", "/group/0");
		pointers.put("{\"from\":\"potentials\",\"select\":\"name\",\"where\":{\"$nope\":[\"name\",1]}}", "/where");
		pointers.put("{\"from\":\"potentials\",\"select\":\"name\",\"where\":" + deep + "}", "/where");
		pointers.put("{\"from\":\"potentials\",\"select\":\"name\",\"where\":" + manyValues + "}", "/where");
		pointers.put("{\"from\":\"potentials\",\"select\":\"name\",\"limit\":100000}", "/limit");
		pointers.put("{\"from\":\"potentials\",\"select\":\"name\",\"order\":\"-amount\"}", "/order/0");
		pointers.put("{\"from\":\"potentials\",\"select\":\"name\",\"having\":1}", "/having");
		pointers.put("[1]", "/");
		pointers.forEach((body, pointer) -> {
			Api.Response response = report(this.rep, body);
			assertThat(response.status()).as(body.substring(0, Math.min(80, body.length()))).isEqualTo(400);
			assertThat(response.json().path("errors").get(0).path("source").path("pointer").asString()).as(pointer)
				.isEqualTo(pointer);
		});
		Api.Response german = this.api.as(this.rep)
			.language("de")
			.header("Content-Type", "application/json")
			.post("/api/v1/reporting", "{\"from\":\"potentials\",\"select\":\"$sum(name)\"}");
		assertThat(german.errorDetail()).contains("keine Zahl");
	}

}
