package org.potentia.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.potentia.history.HistoryReports.Movement;
import org.potentia.history.HistoryReports.MovementRow;
import org.potentia.identity.Team;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.settings.Settings;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.SavedSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.history.SalesScenario.FROM;
import static org.potentia.history.SalesScenario.TO;
import static org.potentia.history.SalesScenario.day;

/**
 * With BI on, the movement report reads the opening and closing pipeline from the daily
 * snapshots, and its figures and drill-down lists are exactly those computed from the
 * history rows alone, for every user and every period tried.
 */
@PotentiaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementFromSnapshotsTests {

	@Autowired
	HistoryReports reports;

	@Autowired
	SnapshotService snapshots;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	Settings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	SalesScenario scenario;

	Person manager;

	Person admin;

	SavedSettings saved;

	/**
	 * One scenario for the whole class: the tests change snapshots and the BI switch,
	 * never the scenario.
	 */
	private final Set<LocalDate> taken = new HashSet<>();

	@BeforeAll
	void setUp() {
		this.people.repsSeeTeam(false);
		Team team = this.people.team();
		this.manager = this.people.manager(team);
		this.admin = this.people.admin();
		Timeline timeline = new Timeline(this.opportunities, this.pipeline, this.jdbc, this.snapshots.zone());
		this.scenario = SalesScenario.build(timeline, this.people.rep(team), this.people.rep(team),
				this.people.rep(this.people.team()));
	}

	/**
	 * The daily snapshots of the scenario's days go with the class: the other history
	 * tests build the same days and read a day's snapshot before its history.
	 */
	@AfterAll
	void forgetTheDaysTaken() {
		this.taken.forEach(this::forgetDaily);
	}

	@BeforeEach
	void remember() {
		this.saved = SavedSettings.of(this.settings, this.jdbc, SnapshotService.BI_ENABLED);
	}

	@AfterEach
	void restore() {
		this.saved.restore();
	}

	@Test
	void withBiOnTheFiguresComeFromTheSnapshotsAndEqualThoseFromTheHistory() {
		List<LocalDate[]> periods = List.of(period(FROM, TO), period(day(1, 10), day(2, 15)),
				period(day(2, 10), day(3, 10)), period(day(1, 1), day(3, 31)), period(day(2, 15), day(2, 15)),
				period(LocalDate.of(2010, 12, 15), day(1, 31)), period(day(2, 19), day(2, 22)));
		for (LocalDate[] period : periods) {
			retakeDaily(period[0].minusDays(1));
			retakeDaily(period[1]);
		}
		List<CurrentUser> users = List.of(this.scenario.a.currentUser(), this.scenario.b.currentUser(),
				this.scenario.c.currentUser(), this.manager.currentUser(), this.admin.currentUser());
		for (LocalDate[] period : periods) {
			for (CurrentUser user : users) {
				String what = period[0] + " to " + period[1] + " for " + user.username();
				bi(false);
				Movement history = this.reports.movement(period[0], period[1], user);
				Map<String, List<String>> historyRows = drillDowns(period, user);
				bi(true);
				Movement snapshot = this.reports.movement(period[0], period[1], user);
				Map<String, List<String>> snapshotRows = drillDowns(period, user);

				assertThat(history.fromSnapshots()).as(what).isFalse();
				assertThat(snapshot.fromSnapshots()).as(what).isTrue();
				assertThat(plain(snapshot.totals())).as(what).isEqualTo(plain(history.totals()));
				assertThat(snapshot.counts()).as(what).isEqualTo(history.counts());
				assertThat(snapshotRows).as(what).isEqualTo(historyRows);
				assertThat(snapshot.addsUp()).as(what).isTrue();
			}
		}
		// And the figures are those worked out by hand (see HistoryReportsTests).
		Movement february = this.reports.movement(FROM, TO, this.scenario.a.currentUser());
		assertThat(february.fromSnapshots()).isTrue();
		assertThat(plain(february.totals())).containsExactly(Map.entry("closing", "4700"),
				Map.entry("decreased", "800"), Map.entry("increased", "1000"), Map.entry("lost", "4800"),
				Map.entry("new", "1800"), Map.entry("opening", "11700"), Map.entry("won", "4200"));
		// Opened and closed within December and January: Hotel (lost), and Zulu won.
		assertThat(this.reports.movementRows(LocalDate.of(2010, 12, 15), day(1, 31), "lost",
				this.scenario.a.currentUser()))
			.extracting(MovementRow::id)
			.containsExactly(this.scenario.id("Hotel"));
		assertThat(
				this.reports.movementRows(LocalDate.of(2010, 12, 15), day(1, 31), "won", this.scenario.a.currentUser()))
			.extracting(MovementRow::id)
			.containsExactly(this.scenario.id("Zulu"));
	}

	@Test
	void withoutBothSnapshotsOrWithBiOffTheHistoryIsRead() {
		retakeDaily(FROM.minusDays(1));
		retakeDaily(TO);
		bi(false);
		assertThat(this.reports.movement(FROM, TO, this.scenario.a.currentUser()).fromSnapshots()).isFalse();
		bi(true);
		assertThat(this.reports.movement(FROM, TO, this.scenario.a.currentUser()).fromSnapshots()).isTrue();
		forgetDaily(FROM.minusDays(1));
		Movement movement = this.reports.movement(FROM, TO, this.scenario.a.currentUser());
		assertThat(movement.fromSnapshots()).isFalse();
		assertThat(movement.totals().get("closing")).isEqualByComparingTo("4700");
	}

	@Test
	void snapshotsThatDisagreeWithTheHistoryAreNotUsed() {
		retakeDaily(FROM.minusDays(1));
		retakeDaily(TO);
		bi(true);
		// India was open all February without a change; a snapshot without it disagrees
		// with the history.
		this.jdbc.sql("DELETE FROM potential_daily_snapshots WHERE period_day = ? AND potential_id = ?")
			.params(TO, this.scenario.id("India"))
			.update();
		Movement movement = this.reports.movement(FROM, TO, this.scenario.a.currentUser());
		assertThat(movement.fromSnapshots()).isFalse();
		assertThat(movement.totals().get("closing")).isEqualByComparingTo("4700");
		assertThat(movement.totals().get("lost")).isEqualByComparingTo("4800");
	}

	private Map<String, List<String>> drillDowns(LocalDate[] period, CurrentUser user) {
		Map<String, List<String>> rows = new TreeMap<>();
		for (String figure : Movement.CATEGORIES) {
			rows.put(figure,
					this.reports.movementRows(period[0], period[1], figure, user)
						.stream()
						.sorted(HistoryReportsTests.byId())
						.map(MovementFromSnapshotsTests::describe)
						.toList());
		}
		return rows;
	}

	private static String describe(MovementRow row) {
		return row.id() + " " + row.name() + " " + row.openAtStart() + " " + row.openAtEnd() + " "
				+ plain(row.startAmount()) + " " + plain(row.endAmount()) + " " + row.outcome() + " " + row.deleted();
	}

	private void bi(boolean on) {
		this.settings.set(SnapshotService.BI_ENABLED, String.valueOf(on), "tests");
	}

	private void retakeDaily(LocalDate day) {
		forgetDaily(day);
		this.taken.add(day);
		assertThat(this.snapshots.takeDaily(day)).isTrue();
	}

	private void forgetDaily(LocalDate day) {
		this.jdbc.sql("DELETE FROM snapshot_periods WHERE kind = 'day' AND period = ?").param(day).update();
		this.jdbc.sql("DELETE FROM potential_daily_snapshots WHERE period_day = ?").param(day).update();
	}

	private static LocalDate[] period(LocalDate from, LocalDate to) {
		return new LocalDate[] { from, to };
	}

	private static Map<String, String> plain(Map<String, BigDecimal> totals) {
		Map<String, String> plain = new TreeMap<>();
		totals.forEach((key, value) -> plain.put(key, plain(value)));
		return plain;
	}

	private static String plain(BigDecimal amount) {
		return (amount != null) ? amount.stripTrailingZeros().toPlainString() : "null";
	}

}
