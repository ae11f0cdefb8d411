package org.potentia.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.potentia.history.HistoryReports.FunnelStep;
import org.potentia.history.HistoryReports.Group;
import org.potentia.history.HistoryReports.Grouping;
import org.potentia.history.HistoryReports.Movement;
import org.potentia.history.HistoryReports.MovementRow;
import org.potentia.history.HistoryReports.StageTime;
import org.potentia.identity.Team;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.potentia.history.SalesScenario.FEBRUARY;
import static org.potentia.history.SalesScenario.FROM;
import static org.potentia.history.SalesScenario.JANUARY;
import static org.potentia.history.SalesScenario.TO;
import static org.potentia.history.SalesScenario.day;

/**
 * The history reports on the hand-built {@link SalesScenario}, each figure worked out by
 * hand in the test: pipeline at two month ends, movement in February, time in stage,
 * funnel, drill-downs that list what the figures count, and the visibility rule (rep A
 * sees only rep A's opportunities, their manager the team's, never rep C's).
 */
@PotentiaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryReportsTests {

	@Autowired
	HistoryReports reports;

	@Autowired
	SnapshotService snapshots;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	Timeline timeline;

	SalesScenario scenario;

	Person manager;

	/**
	 * One scenario for the whole class: no test here changes it.
	 */
	@BeforeAll
	void setUp() {
		this.people.repsSeeTeam(false);
		this.timeline = new Timeline(this.opportunities, this.pipeline, this.jdbc, this.snapshots.zone());
		Team team = this.people.team();
		this.manager = this.people.manager(team);
		this.scenario = SalesScenario.build(this.timeline, this.people.rep(team), this.people.rep(team),
				this.people.rep(this.people.team()));
		retakeMonthly(JANUARY);
		retakeMonthly(FEBRUARY);
	}

	// Pipeline as of a month end

	@Test
	void pipelineAtTwoMonthEndsByStage() {
		// January 31: Alpha 1000 and Charlie 3000 in qualification (20 %), Golf 800 in
		// needs analysis (35 %), Bravo 2000, Delta 4000 and India 900 in proposal (50 %);
		// Hotel was lost on January 20, Zulu won in December.
		assertThat(lines(this.reports.pipelineAt(JANUARY, Grouping.STAGE, a(), "en"))).containsExactly(
				"Qualification: 2 / 4000 / 800", "Needs analysis: 1 / 800 / 280", "Proposal: 3 / 6900 / 3450");
		// February 28: Alpha 1500, Echo 500 and the reopened Hotel 600 in qualification;
		// India 900 in proposal; Bravo, cut to 1200, in negotiation (75 %).
		assertThat(lines(this.reports.pipelineAt(FEBRUARY, Grouping.STAGE, a(), "en")))
			.containsExactly("Qualification: 3 / 2600 / 520", "Proposal: 1 / 900 / 450", "Negotiation: 1 / 1200 / 900");
		assertThat(lines(this.reports.pipelineAt(FEBRUARY, Grouping.STAGE, a(), "de")))
			.containsExactly("Qualifizierung: 3 / 2600 / 520", "Angebot: 1 / 900 / 450", "Verhandlung: 1 / 1200 / 900");
	}

	@Test
	void pipelineAtTwoMonthEndsByOwnerForTheManager() {
		String a = label(this.scenario.a);
		String b = label(this.scenario.b);
		assertThat(lines(this.reports.pipelineAt(JANUARY, Grouping.OWNER, this.manager.currentUser(), "en")))
			.containsExactlyInAnyOrder(a + ": 6 / 11700 / 4530", b + ": 1 / 5000 / 2500");
		assertThat(lines(this.reports.pipelineAt(FEBRUARY, Grouping.OWNER, this.manager.currentUser(), "en")))
			.containsExactlyInAnyOrder(a + ": 5 / 4700 / 1870", b + ": 2 / 5250 / 3800");
		assertThat(lines(this.reports.pipelineAt(FEBRUARY, Grouping.OWNER, a(), "en")))
			.containsExactly(a + ": 5 / 4700 / 1870");
	}

	@Test
	void aDayWithoutSnapshotIsAnsweredFromTheHistoryWithTheSnapshotsFigures() {
		for (YearMonth month : List.of(JANUARY, FEBRUARY)) {
			LocalDate end = month.atEndOfMonth();
			assertThat(this.reports.pipelineSource(end)).isEqualTo(HistoryReports.PipelineSource.MONTH_SNAPSHOT);
			assertThat(this.reports.pipelineSource(end.minusDays(1))).isEqualTo(HistoryReports.PipelineSource.HISTORY);
			for (Grouping grouping : Grouping.values()) {
				assertThat(lines(this.reports.pipelineAt(HistoryReports.PipelineSource.HISTORY, end, grouping,
						this.manager.currentUser(), "en")))
					.as(month + " " + grouping)
					.containsExactlyElementsOf(
							lines(this.reports.pipelineAt(month, grouping, this.manager.currentUser(), "en")));
			}
		}
		// Today is read from the opportunities as they are, with the history's figures.
		LocalDate today = LocalDate.now(this.snapshots.zone());
		assertThat(this.reports.pipelineSource(today)).isEqualTo(HistoryReports.PipelineSource.CURRENT);
		for (Grouping grouping : Grouping.values()) {
			assertThat(lines(this.reports.pipelineAt(today, grouping, this.manager.currentUser(), "en")))
				.as("today " + grouping)
				.containsExactlyElementsOf(lines(this.reports.pipelineAt(HistoryReports.PipelineSource.HISTORY, today,
						grouping, this.manager.currentUser(), "en")))
				.isNotEmpty();
		}
		// February 27 is no month end: read from the history, it is February's picture
		// (nothing in the scenario changed on the 28th).
		assertThat(lines(this.reports.pipelineAt(FEBRUARY.atDay(27), Grouping.STAGE, a(), "en")))
			.containsExactly("Qualification: 3 / 2600 / 520", "Proposal: 1 / 900 / 450", "Negotiation: 1 / 1200 / 900");
		// February 12, mid-month: Hotel 600 (reopened), Alpha 1500, Charlie 3500, Echo
		// 500 and Foxtrot 700 in qualification; Golf 800 in needs analysis; India 900,
		// Bravo 1200 (cut that day) and Delta 4000 in proposal.
		assertThat(lines(this.reports.pipelineAt(FEBRUARY.atDay(12), Grouping.STAGE, a(), "en"))).containsExactly(
				"Qualification: 5 / 6800 / 1360", "Needs analysis: 1 / 800 / 280", "Proposal: 3 / 6100 / 3050");
	}

	@Test
	void pipelineDrillDownListsWhatEachGroupCounts() {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("Qualification", List.of("Alpha 1500", "Hotel 600", "Echo 500"));
		expected.put("Proposal", List.of("India 900"));
		expected.put("Negotiation", List.of("Bravo 1200"));
		List<Group> groups = this.reports.pipelineAt(FEBRUARY, Grouping.STAGE, a(), "en");
		assertThat(groups).extracting(Group::label).containsExactlyElementsOf(expected.keySet());
		for (Group group : groups) {
			List<Map<String, Object>> rows = this.reports.pipelineRows(FEBRUARY, Grouping.STAGE, group.id(), a());
			assertThat(rows).extracting((row) -> shortName(row.get("name")) + " " + plain(row.get("amount")))
				.as(group.label())
				.containsExactlyElementsOf(expected.get(group.label()));
			assertThat(sum(rows, "amount")).isEqualByComparingTo(group.amount());
			assertThat(sum(rows, "weighted_amount")).isEqualByComparingTo(group.weighted());
		}
		for (YearMonth month : List.of(JANUARY, FEBRUARY)) {
			for (Group group : this.reports.pipelineAt(month, Grouping.OWNER, this.manager.currentUser(), "en")) {
				List<Map<String, Object>> rows = this.reports.pipelineRows(month, Grouping.OWNER, group.id(),
						this.manager.currentUser());
				assertThat(rows).hasSize((int) group.count());
				assertThat(sum(rows, "amount")).isEqualByComparingTo(group.amount());
			}
		}
	}

	// Movement between two dates

	@Test
	void movementInFebruaryAsWorkedOutByHand() {
		Movement movement = this.reports.movement(FROM, TO, a());
		// Opening: Alpha 1000, Bravo 2000, Charlie 3000, Delta 4000, Golf 800, India 900.
		assertFigure(movement, "opening", 6, "11700");
		// New: Echo 500 and Foxtrot 700 (created), Hotel 600 (reopened).
		assertFigure(movement, "new", 3, "1800");
		// Increased: Alpha 1000 → 1500, Charlie 3000 → 3500 (then won).
		assertFigure(movement, "increased", 2, "1000");
		// Decreased: Bravo 2000 → 1200.
		assertFigure(movement, "decreased", 1, "800");
		// Won: Charlie at 3500, Foxtrot (made and won in February) at 700.
		assertFigure(movement, "won", 2, "4200");
		// Lost: Delta 4000, and Golf 800, deleted.
		assertFigure(movement, "lost", 2, "4800");
		// Closing: Alpha 1500, Bravo 1200, Echo 500, Hotel 600, India 900.
		assertFigure(movement, "closing", 5, "4700");
		// 11700 + 1800 + 1000 − 800 − 4200 − 4800 = 4700
		assertThat(movement.addsUp()).isTrue();
		assertThat(movement.fromSnapshots()).isFalse();
	}

	@Test
	void movementAgreesWithTheMonthEndPipeline() {
		// The opening of February is the pipeline of January 31, the closing that of
		// February 28.
		Movement movement = this.reports.movement(FROM, TO, this.manager.currentUser());
		assertThat(movement.totals().get("opening")).isEqualByComparingTo(total(JANUARY, this.manager));
		assertThat(movement.totals().get("closing")).isEqualByComparingTo(total(FEBRUARY, this.manager));
	}

	@Test
	void movementDrillDownListsWhatEachFigureCounts() {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("opening", List.of("Alpha", "Bravo", "Charlie", "Delta", "Golf", "India"));
		expected.put("new", List.of("Echo", "Foxtrot", "Hotel"));
		expected.put("increased", List.of("Alpha", "Charlie"));
		expected.put("decreased", List.of("Bravo"));
		expected.put("won", List.of("Charlie", "Foxtrot"));
		expected.put("lost", List.of("Delta", "Golf"));
		expected.put("closing", List.of("Alpha", "Bravo", "Echo", "Hotel", "India"));
		Movement movement = this.reports.movement(FROM, TO, a());
		for (String figure : Movement.CATEGORIES) {
			List<MovementRow> rows = this.reports.movementRows(FROM, TO, figure, a());
			assertThat(rows).extracting(MovementRow::id)
				.as(figure)
				.containsExactlyInAnyOrderElementsOf(expected.get(figure).stream().map(this.scenario::id).toList());
			assertThat(rows.stream().map((row) -> row.amountIn(figure)).reduce(BigDecimal.ZERO, BigDecimal::add))
				.as(figure)
				.isEqualByComparingTo(movement.totals().get(figure));
		}
		MovementRow golf = this.reports.movementRows(FROM, TO, "lost", a())
			.stream()
			.filter((row) -> row.id() == this.scenario.id("Golf"))
			.findFirst()
			.orElseThrow();
		assertThat(golf.deleted()).isTrue();
		assertThat(golf.endAmount()).isEqualByComparingTo("800");
	}

	@Test
	void movementOfOtherPeriods() {
		// March: India (950 since March 2) won on March 5, Juliett new.
		Movement march = this.reports.movement(day(3, 1), day(3, 31), a());
		assertFigure(march, "opening", 5, "4700");
		assertFigure(march, "new", 1, "400");
		assertFigure(march, "increased", 1, "50");
		assertFigure(march, "won", 1, "950");
		assertFigure(march, "closing", 5, "4200");
		assertThat(march.addsUp()).isTrue();
		// One day, February 15: ten open (Alpha 1500, Bravo 1200, Charlie 3500, Delta
		// 4000,
		// Golf 800, India 900, Echo 500, Foxtrot 700, Hotel 600, Kilo 300), Charlie won.
		Movement day = this.reports.movement(day(2, 15), day(2, 15), a());
		assertFigure(day, "opening", 10, "14000");
		assertFigure(day, "won", 1, "3500");
		assertFigure(day, "increased", 0, "0");
		assertFigure(day, "closing", 9, "10500");
		assertThat(day.addsUp()).isTrue();
	}

	// Time in stage

	@Test
	void timeInStageOfStaysThatEndedInFebruary() {
		// Qualification: Charlie 36 days (Jan 10 to Feb 15), Foxtrot 19 (Feb 6 to 25),
		// Kilo 5
		// (Feb 14 until deleted on Feb 19). Needs analysis: Golf 38 (Jan 15 until deleted
		// on Feb 22). Proposal: Bravo 43 (Jan 8 to Feb 20), Delta 37 (Jan 12 to Feb 18).
		// Lost: Hotel 19 (Jan 20 until reopened on Feb 8).
		assertThat(lines(this.reports.timeInStage(FROM, TO, Grouping.STAGE, a(), "en"))).containsExactly(
				"Qualification: 3 stays, 20.00 average, 19.00 median",
				"Needs analysis: 1 stays, 38.00 average, 38.00 median",
				"Proposal: 2 stays, 40.00 average, 40.00 median", "Closed lost: 1 stays, 19.00 average, 19.00 median");
		// The manager also sees Lima's 35 days in proposal (Jan 20 to Feb 24).
		assertThat(lines(this.reports.timeInStage(FROM, TO, Grouping.STAGE, this.manager.currentUser(), "en")))
			.contains("Proposal: 3 stays, 38.33 average, 37.00 median");
		String a = label(this.scenario.a);
		String b = label(this.scenario.b);
		assertThat(lines(this.reports.timeInStage(FROM, TO, Grouping.OWNER, this.manager.currentUser(), "en")))
			.contains("Proposal " + a + ": 2 stays, 40.00 average, 40.00 median",
					"Proposal " + b + ": 1 stays, 35.00 average, 35.00 median")
			.hasSize(5);
	}

	// Funnel

	@Test
	void funnelCountsWhoReachedEachStageOrALaterOne() {
		// Entered in February: Echo, Hotel and Kilo qualification; Bravo negotiation;
		// Foxtrot qualification and won; Charlie won. Delta's loss is no step.
		Map<String, FunnelStep> steps = steps(this.reports.funnel(FROM, TO, a(), "en"));
		assertThat(steps).doesNotContainKey("lost");
		assertThat(steps.get("qualification").reached()).isEqualTo(6);
		assertThat(steps.get("needs_analysis").reached()).isEqualTo(3);
		assertThat(steps.get("proposal").reached()).isEqualTo(3);
		assertThat(steps.get("negotiation").reached()).isEqualTo(3);
		assertThat(steps.get("won").reached()).isEqualTo(2);
		assertThat(steps.get("qualification").rateToNext()).isCloseTo(50.0, within(0.001));
		assertThat(steps.get("needs_analysis").rateToNext()).isCloseTo(100.0, within(0.001));
		assertThat(steps.get("proposal").rateToNext()).isCloseTo(100.0, within(0.001));
		assertThat(steps.get("negotiation").rateToNext()).isCloseTo(66.667, within(0.001));
		assertThat(steps.get("won").rateToNext()).isNull();
		assertThat(steps.get("won").stage()).isEqualTo("Closed won");
	}

	// Visibility

	@Test
	void anotherRepsOpportunitiesDoNotChangeARepsFigures() {
		// A scenario of its own, since this test adds to it.
		Team team = this.people.team();
		Person manager = this.people.manager(team);
		SalesScenario own = SalesScenario.build(this.timeline, this.people.rep(team), this.people.rep(team),
				this.people.rep(this.people.team()));
		Movement before = this.reports.movement(FROM, TO, own.a.currentUser());
		Movement managerBefore = this.reports.movement(FROM, TO, manager.currentUser());
		long late = this.timeline.create(own.b, own.name("November"), "proposal", "1234", day(2, 16));
		this.timeline.move(late, "won", day(2, 17));

		Movement after = this.reports.movement(FROM, TO, own.a.currentUser());
		assertThat(after.totals()).isEqualTo(before.totals());
		assertThat(after.counts()).isEqualTo(before.counts());
		Movement managerAfter = this.reports.movement(FROM, TO, manager.currentUser());
		assertThat(managerAfter.totals().get("new"))
			.isEqualByComparingTo(managerBefore.totals().get("new").add(new BigDecimal("1234")));
		assertThat(managerAfter.totals().get("won"))
			.isEqualByComparingTo(managerBefore.totals().get("won").add(new BigDecimal("1234")));
		assertThat(managerAfter.addsUp()).isTrue();
	}

	@Test
	void theManagerSeesTheTeamAndNoOneElse() {
		Movement team = this.reports.movement(FROM, TO, this.manager.currentUser());
		// Rep A's figures plus rep B's: Lima 5000 open throughout, Mike 250 new.
		assertFigure(team, "opening", 7, "16700");
		assertFigure(team, "new", 4, "2050");
		assertFigure(team, "increased", 2, "1000");
		assertFigure(team, "decreased", 1, "800");
		assertFigure(team, "won", 2, "4200");
		assertFigure(team, "lost", 2, "4800");
		assertFigure(team, "closing", 7, "9950");
		assertThat(team.addsUp()).isTrue();
		Movement b = this.reports.movement(FROM, TO, this.scenario.b.currentUser());
		assertFigure(b, "opening", 1, "5000");
		assertFigure(b, "new", 1, "250");
		assertFigure(b, "closing", 2, "5250");
		for (String figure : Movement.CATEGORIES) {
			assertThat(this.reports.movementRows(FROM, TO, figure, this.manager.currentUser()))
				.extracting(MovementRow::id)
				.doesNotContain(this.scenario.id("Romeo"), this.scenario.id("Sierra"));
		}
		Movement c = this.reports.movement(FROM, TO, this.scenario.c.currentUser());
		assertFigure(c, "opening", 1, "7000");
		assertFigure(c, "won", 1, "7000");
		assertFigure(c, "new", 1, "9000");
		assertFigure(c, "closing", 1, "9000");
		assertThat(lines(this.reports.pipelineAt(FEBRUARY, Grouping.OWNER, this.manager.currentUser(), "en")))
			.noneMatch((line) -> line.startsWith(label(this.scenario.c)));
	}

	// Helpers

	private CurrentUser a() {
		return this.scenario.a.currentUser();
	}

	private void retakeMonthly(YearMonth month) {
		SalesScenario.retakeMonthly(this.jdbc, this.snapshots, month);
	}

	private BigDecimal total(YearMonth month, Person person) {
		return this.reports.pipelineAt(month, Grouping.STAGE, person.currentUser(), "en")
			.stream()
			.map(Group::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static void assertFigure(Movement movement, String figure, long count, String amount) {
		assertThat(movement.counts().getOrDefault(figure, 0L)).as(figure + " count").isEqualTo(count);
		assertThat(movement.totals().get(figure)).as(figure + " amount").isEqualByComparingTo(amount);
	}

	private static List<String> lines(List<?> rows) {
		return rows.stream().map((row) -> switch (row) {
			case Group group ->
				group.label() + ": " + group.count() + " / " + plain(group.amount()) + " / " + plain(group.weighted());
			case StageTime time -> time.stage() + ((time.group() != null) ? " " + time.group() : "") + ": "
					+ time.stays() + " stays, " + String.format(java.util.Locale.ROOT, "%.2f", time.averageDays())
					+ " average, " + String.format(java.util.Locale.ROOT, "%.2f", time.medianDays()) + " median";
			default -> throw new IllegalArgumentException(String.valueOf(row));
		}).toList();
	}

	private Map<String, FunnelStep> steps(List<FunnelStep> steps) {
		Map<String, FunnelStep> byCode = new LinkedHashMap<>();
		for (FunnelStep step : steps) {
			byCode.put(this.pipeline.stage(step.stageId()).orElseThrow().getCode(), step);
		}
		return byCode;
	}

	private static String label(Person person) {
		return "Test " + person.username();
	}

	private String shortName(Object name) {
		return String.valueOf(name).substring(this.scenario.tag.length() + 1);
	}

	private static String plain(Object amount) {
		return ((BigDecimal) amount).stripTrailingZeros().toPlainString();
	}

	private static BigDecimal sum(List<Map<String, Object>> rows, String column) {
		return rows.stream().map((row) -> (BigDecimal) row.get(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static Comparator<MovementRow> byId() {
		return Comparator.comparingLong(MovementRow::id);
	}

}
