package org.potentia.history;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.potentia.testing.Names;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.potentia.testing.Person;

/**
 * A hand-built quarter of sales for the report tests, with every change dated. Rep A (the
 * one most figures are about) and rep B share a team; rep C is in another team. The
 * period most tests look at is February 2011: January is "before", March "after".
 *
 * <pre>
 * rep A       stage, amount at creation     what happens (2011)
 * Zulu        qualification   100  (2010-12-01)  won 2010-12-20: closed before the period
 * Hotel       qualification   600  Jan 4     lost Jan 20, reopened to qualification Feb 8
 * Alpha       qualification  1000  Jan 5     amount 1500 Feb 10
 * India       proposal        900  Jan 6     amount 950 Mar 2, won Mar 5 (after the period)
 * Bravo       proposal       2000  Jan 8     amount 1200 Feb 12, to negotiation Feb 20
 * Charlie     qualification  3000  Jan 10    amount 3500 Feb 5, won Feb 15
 * Delta       proposal       4000  Jan 12    lost Feb 18
 * Golf        needs_analysis  800  Jan 15    deleted Feb 22
 * Echo        qualification   500  Feb 3
 * Foxtrot     qualification   700  Feb 6     won Feb 25
 * Kilo        qualification   300  Feb 14    deleted Feb 19
 * Juliett     qualification   400  Mar 3     (after the period)
 * rep B
 * Lima        proposal       5000  Jan 20    to negotiation Feb 24
 * Mike        qualification   250  Feb 10
 * rep C (another team)
 * Romeo       proposal       7000  Jan 7     won Feb 11
 * Sierra      qualification  9000  Feb 2
 * </pre>
 */
public final class SalesScenario {

	public static final YearMonth JANUARY = YearMonth.of(2011, 1);

	public static final YearMonth FEBRUARY = YearMonth.of(2011, 2);

	/**
	 * The first day of the period most tests look at.
	 */
	public static final LocalDate FROM = FEBRUARY.atDay(1);

	/**
	 * The last day of that period.
	 */
	public static final LocalDate TO = FEBRUARY.atEndOfMonth();

	public final String tag = Names.tag();

	public final Person a;

	public final Person b;

	public final Person c;

	private final Map<String, Long> ids = new LinkedHashMap<>();

	private SalesScenario(Person a, Person b, Person c) {
		this.a = a;
		this.b = b;
		this.c = c;
	}

	public static SalesScenario build(Timeline timeline, Person a, Person b, Person c) {
		SalesScenario s = new SalesScenario(a, b, c);
		s.create(timeline, a, "Zulu", "qualification", "100", LocalDate.of(2010, 12, 1));
		timeline.move(s.id("Zulu"), "won", LocalDate.of(2010, 12, 20));

		s.create(timeline, a, "Hotel", "qualification", "600", day(1, 4));
		s.create(timeline, a, "Alpha", "qualification", "1000", day(1, 5));
		s.create(timeline, a, "India", "proposal", "900", day(1, 6));
		s.create(timeline, c, "Romeo", "proposal", "7000", day(1, 7));
		s.create(timeline, a, "Bravo", "proposal", "2000", day(1, 8));
		s.create(timeline, a, "Charlie", "qualification", "3000", day(1, 10));
		s.create(timeline, a, "Delta", "proposal", "4000", day(1, 12));
		s.create(timeline, a, "Golf", "needs_analysis", "800", day(1, 15));
		timeline.move(s.id("Hotel"), "lost", day(1, 20));
		s.create(timeline, b, "Lima", "proposal", "5000", day(1, 20));

		s.create(timeline, c, "Sierra", "qualification", "9000", day(2, 2));
		s.create(timeline, a, "Echo", "qualification", "500", day(2, 3));
		timeline.amount(s.id("Charlie"), "3500", day(2, 5));
		s.create(timeline, a, "Foxtrot", "qualification", "700", day(2, 6));
		timeline.move(s.id("Hotel"), "qualification", day(2, 8));
		timeline.amount(s.id("Alpha"), "1500", day(2, 10));
		s.create(timeline, b, "Mike", "qualification", "250", day(2, 10));
		timeline.move(s.id("Romeo"), "won", day(2, 11));
		timeline.amount(s.id("Bravo"), "1200", day(2, 12));
		s.create(timeline, a, "Kilo", "qualification", "300", day(2, 14));
		timeline.move(s.id("Charlie"), "won", day(2, 15));
		timeline.move(s.id("Delta"), "lost", day(2, 18));
		timeline.delete(s.id("Kilo"), day(2, 19));
		timeline.move(s.id("Bravo"), "negotiation", day(2, 20));
		timeline.delete(s.id("Golf"), day(2, 22));
		timeline.move(s.id("Lima"), "negotiation", day(2, 24));
		timeline.move(s.id("Foxtrot"), "won", day(2, 25));

		timeline.amount(s.id("India"), "950", day(3, 2));
		s.create(timeline, a, "Juliett", "qualification", "400", day(3, 3));
		timeline.move(s.id("India"), "won", day(3, 5));
		return s;
	}

	/**
	 * Takes a month's snapshot again, so that it holds the scenario (the period is long
	 * past, so it is rebuilt from the history).
	 */
	public static void retakeMonthly(JdbcClient jdbc, SnapshotService snapshots, YearMonth month) {
		jdbc.sql("DELETE FROM snapshot_periods WHERE kind = 'month' AND period = ?").param(month.atDay(1)).update();
		jdbc.sql("DELETE FROM potential_monthly_snapshots WHERE period_month = ?").param(month.atDay(1)).update();
		if (!snapshots.takeMonthly(month)) {
			throw new IllegalStateException("The snapshot of " + month + " was not taken");
		}
	}

	public static LocalDate day(int month, int day) {
		return LocalDate.of(2011, month, day);
	}

	public long id(String name) {
		Long id = this.ids.get(name);
		if (id == null) {
			throw new IllegalArgumentException("No opportunity " + name + " in the scenario");
		}
		return id;
	}

	public String name(String shortName) {
		return this.tag + " " + shortName;
	}

	private void create(Timeline timeline, Person owner, String shortName, String stage, String amount, LocalDate day) {
		this.ids.put(shortName, timeline.create(owner, name(shortName), stage, amount, day));
	}

}
