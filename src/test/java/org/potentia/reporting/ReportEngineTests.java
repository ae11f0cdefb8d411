package org.potentia.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.platform.security.CurrentUser;
import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportQuery.Column;
import org.potentia.reporting.ReportQuery.DateBucket;
import org.potentia.reporting.ReportQuery.Group;
import org.potentia.reporting.ReportQuery.Order;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reports run on the database: grouped sums and counts equal those of hand-written SQL,
 * date buckets, linked records' names and fields, and the visibility rule for a rep, a
 * manager of another team and an admin, in runs and in exports.
 */
@PotentiaTest
class ReportEngineTests {

	@Autowired
	ReportEngine engine;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	ReportFixtures data;

	Person admin;

	Person managerA;

	Person repA;

	Person otherRepA;

	Person repB;

	List<Long> stages;

	long berlin;

	@BeforeEach
	void data() {
		this.data = new ReportFixtures(this.jdbc);
		Team teamA = this.people.team();
		Team teamB = this.people.team();
		this.admin = this.people.admin();
		this.managerA = this.people.manager(teamA);
		this.repA = this.people.rep(teamA);
		this.otherRepA = this.people.rep(teamA);
		this.repB = this.people.rep(teamB);
		this.stages = this.data.stages();
		this.berlin = this.data.account(this.repB, "Berlin");
		long first = this.stages.get(0);
		long second = this.stages.get(1);
		this.data.potential(this.repA, first, "100.50", LocalDate.of(2025, 1, 5), this.berlin);
		this.data.potential(this.repA, first, "200.00", LocalDate.of(2025, 1, 31), null);
		this.data.potential(this.repA, second, "300.00", LocalDate.of(2025, 2, 1), null);
		this.data.potential(this.otherRepA, second, "400.00", LocalDate.of(2025, 2, 14), null);
		this.data.potential(this.otherRepA, second, null, null, null);
		this.data.potential(this.repB, first, "1000.00", LocalDate.of(2025, 4, 1), this.berlin);
	}

	ReportQuery byStageAndMonth() {
		return new ReportQuery("potentials",
				List.of(Column.of("stage_id"), new Column("expected_close_date", null, "month", DateBucket.MONTH),
						new Column("amount", Aggregate.SUM, "total"), new Column("id", Aggregate.COUNT, "records")),
				this.data.filter(), List.of(Group.of("stage_id"), new Group("expected_close_date", DateBucket.MONTH)),
				List.of(), null);
	}

	@Test
	void groupedSumsAndCountsAreThoseOfHandWrittenSql() {
		ReportResult result = this.engine.run(byStageAndMonth(), this.admin.currentUser());
		List<String> actual = result.rows()
			.stream()
			.map((row) -> row.get("stage_id") + "|" + row.get("month") + "|" + row.get("total") + "|"
					+ row.get("records"))
			.toList();
		List<String> expected = this.jdbc
			.sql("SELECT stage_id, EXTRACT(YEAR FROM expected_close_date) AS y, EXTRACT(MONTH FROM expected_close_date) AS m, "
					+ "SUM(amount) AS total, COUNT(*) AS records FROM potentials WHERE name LIKE ? "
					+ "GROUP BY stage_id, EXTRACT(YEAR FROM expected_close_date), EXTRACT(MONTH FROM expected_close_date)")
			.param(this.data.prefix + "%")
			.query((rs, n) -> rs.getLong("stage_id") + "|"
					+ ((rs.getObject("y") != null) ? LocalDate.of(rs.getInt("y"), rs.getInt("m"), 1) : null) + "|"
					+ rs.getBigDecimal("total") + "|" + rs.getLong("records"))
			.list();
		assertThat(actual).containsExactlyInAnyOrderElementsOf(expected).hasSize(4);
		// Sorted by the groups, nulls last.
		long first = this.stages.get(0);
		long second = this.stages.get(1);
		assertThat(actual).containsExactly(first + "|2025-01-01|300.50|2", first + "|2025-04-01|1000.00|1",
				second + "|2025-02-01|700.00|2", second + "|null|null|1");
		assertThat(result.rows().get(0).get("stage_id__label")).isEqualTo("Prospecting");
		assertThat(result.fields()).extracting(ReportResult.Field::type)
			.containsExactly("relation", "date", "money", "integer");
		assertThat(result.truncated()).isFalse();
	}

	@Test
	void aRepSeesTheirOwnAManagerTheirTeamAndNeitherTheOtherTeam() {
		ReportQuery total = new ReportQuery("potentials",
				List.of(Column.of(Aggregate.SUM, "amount"), Column.of(Aggregate.COUNT, "id")), this.data.filter(),
				List.of(), List.of(), null);
		assertThat(totals(total, this.repA.currentUser())).isEqualTo("600.50|3");
		assertThat(totals(total, this.managerA.currentUser())).isEqualTo("1000.50|5");
		assertThat(totals(total, this.repB.currentUser())).isEqualTo("1000.00|1");
		assertThat(totals(total, this.admin.currentUser())).isEqualTo("2000.50|6");
		List<List<Object>> exported = new ArrayList<>();
		this.engine.stream(byStageAndMonth(), this.managerA.currentUser(), exported::add);
		assertThat(exported).hasSize(3)
			.allSatisfy((row) -> assertThat(row.get(0)).isIn("Prospecting",
					this.engine.run(byStageAndMonth(), this.admin.currentUser()).rows().get(2).get("stage_id__label")));
		assertThat(exported.stream().map((row) -> row.get(2)).toList()).containsExactly(new BigDecimal("300.50"),
				new BigDecimal("700.00"), null);
	}

	@Test
	void linkedRecordsShowOnlyWhatTheUserMaySee() {
		ReportQuery query = new ReportQuery("potentials",
				List.of(Column.of("amount"), Column.of("account.city"), Column.of("account_id"),
						Column.of("owner.name")),
				this.data.filter().replace("{\"$beg\"", "{\"$and\":[{\"$not.null\":[\"account_id\"]},{\"$beg\"") + "]}",
				List.of(), List.of(new Order("amount", false)), null);
		ReportResult asAdmin = this.engine.run(query, this.admin.currentUser());
		assertThat(asAdmin.rows()).extracting((row) -> row.get("account.city")).containsExactly("Berlin", "Berlin");
		assertThat(asAdmin.rows().get(0).get("account_id__label")).isEqualTo(this.data.prefix + "Berlin");
		assertThat(asAdmin.rows().get(0).get("owner.name__label")).isEqualTo("Test " + this.repA.username());
		ReportResult asRepA = this.engine.run(query, this.repA.currentUser());
		assertThat(asRepA.rows()).hasSize(1);
		assertThat(asRepA.rows().get(0).get("account.city")).isNull();
		assertThat(asRepA.rows().get(0).get("account_id")).isEqualTo(this.berlin);
		assertThat(asRepA.rows().get(0).get("account_id__label")).isNull();
		// A filter on the account's fields matches only accounts the user may see.
		ReportQuery inBerlin = new ReportQuery("potentials", List.of(Column.of(Aggregate.COUNT, "id")),
				"{\"$and\":[" + this.data.filter() + ",{\"account.city\":\"Berlin\"}]}", List.of(), List.of(), null);
		assertThat(this.engine.run(inBerlin, this.repA.currentUser()).rows().get(0).get("count_id")).isEqualTo(0L);
		assertThat(this.engine.run(inBerlin, this.admin.currentUser()).rows().get(0).get("count_id")).isEqualTo(2L);
	}

	@Test
	void datesGroupByWeekQuarterAndYear() {
		assertThat(buckets(DateBucket.WEEK)).containsExactly("2024-12-30", "2025-01-27", "2025-02-10", "2025-03-31",
				"null");
		assertThat(buckets(DateBucket.QUARTER)).containsExactly("2025-01-01", "2025-04-01", "null");
		assertThat(buckets(DateBucket.YEAR)).containsExactly("2025-01-01", "null");
		assertThat(buckets(DateBucket.DAY)).startsWith("2025-01-05", "2025-01-31");
	}

	@Test
	void aPlainListIsSortedAndCutAtItsLimit() {
		ReportQuery query = new ReportQuery("potentials", List.of(Column.of("name"), Column.of("amount")),
				this.data.filter(), List.of(), List.of(new Order("amount", true)), 3);
		ReportResult result = this.engine.run(query, this.admin.currentUser());
		assertThat(result.rows()).extracting((row) -> row.get("amount"))
			.containsExactly(new BigDecimal("1000.00"), new BigDecimal("400.00"), new BigDecimal("300.00"));
		assertThat(result.truncated()).isTrue();
		assertThat(result.rows().get(0)).containsKey("__id");
	}

	@Test
	void aDrillDownFilterFindsTheRecordsBehindAGroup() {
		ReportResult result = this.engine.run(byStageAndMonth(), this.admin.currentUser());
		for (Map<String, Object> row : result.rows()) {
			String filter = this.engine.drillFilter(byStageAndMonth(), this.admin.currentUser(),
					Map.of("stage_id", String.valueOf(row.get("stage_id")), "month",
							(row.get("month") != null) ? row.get("month").toString() : ""));
			ReportQuery records = new ReportQuery("potentials", List.of(Column.of("name")), filter, List.of(),
					List.of(), null);
			assertThat((long) this.engine.run(records, this.admin.currentUser()).rows().size())
				.isEqualTo(row.get("records"));
		}
	}

	@Test
	void anInvalidRegularExpressionOrUnknownFieldIsARefusalNotAFailure() {
		ReportQuery query = new ReportQuery("potentials", List.of(Column.of("name")),
				"{\"$regex\":[\"name\",\"(unclosed\"]}", List.of(), List.of(), null);
		assertThatExceptionOfType(ReportException.class)
			.isThrownBy(() -> this.engine.run(query, this.admin.currentUser()))
			.satisfies((ex) -> assertThat(ex.getPointer()).isEqualTo("/filter"));
	}

	private List<String> buckets(DateBucket bucket) {
		ReportQuery query = new ReportQuery("potentials", List.of(Column.of(Aggregate.COUNT, "id")), this.data.filter(),
				List.of(new Group("expected_close_date", bucket)), List.of(), null);
		return this.engine.run(query, this.admin.currentUser())
			.rows()
			.stream()
			.map((row) -> String.valueOf(row.get("expected_close_date_" + bucket.code())))
			.toList();
	}

	private String totals(ReportQuery query, CurrentUser user) {
		Map<String, Object> row = this.engine.run(query, user).rows().get(0);
		return row.get("sum_amount") + "|" + row.get("count_id");
	}

}
