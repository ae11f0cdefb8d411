package org.potentia.forecast;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.forecast.ForecastFigures.CurrencyGroups;
import org.potentia.forecast.ForecastFigures.Grouping;
import org.potentia.forecast.ForecastFigures.Scope;
import org.potentia.platform.query.KeptTotals;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.potentia.forecast.ForecastScenario.YEAR;

/**
 * The forecast totals PostgreSQL keeps (migration {@code V34_1}) stay equal to the sums
 * of the rows through every kind of write: figure rows added, changed and removed; an
 * account or an opportunity changing owner; an opportunity changing stage, probability or
 * currency; a stage changing kind; an opportunity or an account deleted with its rows.
 * The forecast report reads them where they answer the view, so a drift would show wrong
 * figures. H2 keeps no totals, and these tests do not apply there.
 */
@PotentiaTest
class ForecastTotalsTests {

	/**
	 * The kept totals that are not zero, and the same sums worked out from the rows: any
	 * row in one and not the other is a drift.
	 */
	private static final String DRIFT = """
			WITH kept AS (
			  SELECT figure, owner_id, account_type, month, business_area_id, currency, records, amount, weighted100
			  FROM forecast_totals WHERE records <> 0 OR amount <> 0 OR weighted100 <> 0),
			summed AS (
			  SELECT 'budget' AS figure, COALESCE(a.owner_id, 0) AS owner_id, a.account_type,
			         r.budget_month AS month, r.business_area_id, r.currency, COUNT(*) AS records,
			         SUM(r.amount) AS amount, CAST(0 AS NUMERIC) AS weighted100
			  FROM account_budgets r JOIN accounts a ON a.id = r.account_id GROUP BY 2, 3, 4, 5, 6
			  UNION ALL
			  SELECT 'forecast', COALESCE(a.owner_id, 0), a.account_type, r.forecast_month, r.business_area_id,
			         r.currency, COUNT(*), SUM(r.amount), 0
			  FROM account_forecasts r JOIN accounts a ON a.id = r.account_id GROUP BY 2, 3, 4, 5, 6
			  UNION ALL
			  SELECT 'billing', COALESCE(a.owner_id, 0), a.account_type, r.billing_month, r.business_area_id,
			         r.currency, COUNT(*), SUM(r.amount), 0
			  FROM billing r JOIN accounts a ON a.id = r.account_id GROUP BY 2, 3, 4, 5, 6
			  UNION ALL
			  SELECT s.kind, COALESCE(p.owner_id, 0), COALESCE(pa.account_type, ''), r.forecast_month,
			         COALESCE(r.business_area_id, 0), p.currency, COUNT(*), SUM(r.amount),
			         SUM(r.amount * COALESCE(p.probability, 0))
			  FROM potential_forecasts r JOIN potentials p ON p.id = r.potential_id
			  JOIN pipeline_stages s ON s.id = p.stage_id AND s.kind <> 'lost'
			  LEFT JOIN accounts pa ON pa.id = p.account_id GROUP BY 1, 2, 3, 4, 5, 6)
			SELECT COUNT(*) FROM ((SELECT * FROM kept EXCEPT SELECT * FROM summed)
			  UNION ALL (SELECT * FROM summed EXCEPT SELECT * FROM kept)) drift
			""";

	@Autowired
	ForecastFigures figures;

	@Autowired
	KeptTotals keptTotals;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	ForecastScenario scenario;

	@BeforeEach
	void setUp() {
		assumeThat(this.keptTotals.kept()).as("the database keeps totals").isTrue();
		this.scenario = new ForecastScenario(this.people, this.jdbc);
	}

	@Test
	void theTotalsFollowEveryWriteToTheFigures() {
		assertNoDrift();
		this.jdbc.sql("UPDATE account_budgets SET amount = amount + 1, currency = 'USD' WHERE account_id = ?")
			.param(this.scenario.account)
			.update();
		assertNoDrift();
		this.jdbc.sql("UPDATE potential_forecasts SET amount = amount * 2 WHERE potential_id = ?")
			.param(this.scenario.open)
			.update();
		assertNoDrift();
		this.jdbc.sql("DELETE FROM billing WHERE account_id = ? AND currency = 'USD'")
			.param(this.scenario.account)
			.update();
		assertNoDrift();
	}

	@Test
	void theTotalsMoveWithTheOwnerStageProbabilityAndCurrency() {
		this.jdbc.sql("UPDATE accounts SET owner_id = ? WHERE id = ?")
			.params(this.scenario.repC.id(), this.scenario.account)
			.update();
		assertNoDrift();
		this.jdbc.sql("UPDATE accounts SET owner_id = NULL WHERE id = ?").param(this.scenario.account).update();
		assertNoDrift();
		moveTo(this.scenario.open, "lost");
		assertNoDrift();
		moveTo(this.scenario.open, "won");
		assertNoDrift();
		moveTo(this.scenario.lost, "proposal");
		assertNoDrift();
		this.jdbc.sql("UPDATE potentials SET probability = 70, currency = 'USD', owner_id = ? WHERE id = ?")
			.params(this.scenario.repC.id(), this.scenario.othersDeal)
			.update();
		assertNoDrift();
	}

	@Test
	void theTotalsMoveWithTheAccountAndItsType() {
		this.jdbc.sql("UPDATE accounts SET account_type = 'partner' WHERE id = ?")
			.param(this.scenario.account)
			.update();
		assertNoDrift();
		long other = new ForecastRows(this.jdbc).account(this.scenario.tag + " Other", this.scenario.repA, "prospect");
		this.jdbc.sql("UPDATE potentials SET account_id = ? WHERE id = ?").params(other, this.scenario.won).update();
		assertNoDrift();
		this.jdbc.sql("UPDATE potentials SET account_id = NULL WHERE id = ?").param(this.scenario.open).update();
		assertNoDrift();
		this.jdbc.sql("UPDATE accounts SET account_type = 'customer', owner_id = ? WHERE id = ?")
			.params(this.scenario.repC.id(), other)
			.update();
		assertNoDrift();
		this.jdbc.sql("DELETE FROM potentials WHERE id = ?").param(this.scenario.won).update();
		this.jdbc.sql("DELETE FROM accounts WHERE id = ?").param(other).update();
		assertNoDrift();
	}

	@Test
	void theTotalsFollowAStageThatChangesKind() {
		long stage = this.jdbc.sql("SELECT stage_id FROM potentials WHERE id = ?")
			.param(this.scenario.othersDeal)
			.query(Long.class)
			.single();
		try {
			this.jdbc.sql("UPDATE pipeline_stages SET kind = 'won' WHERE id = ?").param(stage).update();
			assertNoDrift();
			this.jdbc.sql("UPDATE pipeline_stages SET kind = 'lost' WHERE id = ?").param(stage).update();
			assertNoDrift();
		}
		finally {
			this.jdbc.sql("UPDATE pipeline_stages SET kind = 'open' WHERE id = ?").param(stage).update();
		}
		assertNoDrift();
	}

	@Test
	void deletedRecordsTakeTheirFiguresWithThem() {
		this.jdbc.sql("DELETE FROM potentials WHERE id = ?").param(this.scenario.usdDeal).update();
		assertNoDrift();
		this.jdbc.sql("DELETE FROM potentials WHERE account_id = ?").param(this.scenario.account).update();
		this.jdbc.sql("DELETE FROM accounts WHERE id = ?").param(this.scenario.account).update();
		assertNoDrift();
	}

	@Test
	void theReportReadsTheTotalsOnlyWhereTheyAnswerIt() {
		Scope year = Scope.months(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12));
		assertThat(this.figures.answeredByTotals(year, Grouping.OWNER)).isTrue();
		assertThat(this.figures.answeredByTotals(year, null)).isTrue();
		assertThat(this.figures.answeredByTotals(year.filters(null, null, "customer"), Grouping.OWNER)).isTrue();
		assertThat(this.figures.answeredByTotals(year, Grouping.ACCOUNT)).isFalse();
		assertThat(this.figures.answeredByTotals(year.account(this.scenario.account), null)).isFalse();
		assertThat(this.figures.answeredByTotals(year.inGroup(Grouping.ACCOUNT, this.scenario.account), Grouping.OWNER))
			.isFalse();
		// Rep A's report by owner, read from the totals, is the sum of rep A's rows: the
		// budget 1500, forecast 2000, billing 750 of the account; the won 2000, and the
		// open deal's 2000 weighted at 50%. Rep C's deal on rep A's account is not seen.
		List<CurrencyGroups> report = this.figures.groups(year, Grouping.OWNER, this.scenario.repA.currentUser(),
				Locale.ENGLISH);
		CurrencyGroups eur = report.get(0);
		assertThat(eur.currency()).isEqualTo("EUR");
		assertThat(eur.groups()).singleElement()
			.satisfies((group) -> assertThat(group.id()).isEqualTo(this.scenario.repA.id()));
		assertThat(eur.total().budget()).isEqualByComparingTo("1500");
		assertThat(eur.total().forecast()).isEqualByComparingTo("2000");
		assertThat(eur.total().billing()).isEqualByComparingTo("750");
		assertThat(eur.total().committed()).isEqualByComparingTo("2000");
		assertThat(eur.total().weighted()).isEqualByComparingTo("1000");
		assertThat(eur.total().unweighted()).isEqualByComparingTo("2000");
	}

	private void moveTo(long opportunity, String stage) {
		this.jdbc
			.sql("UPDATE potentials SET stage_id = (SELECT id FROM pipeline_stages WHERE module = 'potentials'"
					+ " AND code = ?) WHERE id = ?")
			.params(stage, opportunity)
			.update();
	}

	private void assertNoDrift() {
		assertThat(this.jdbc.sql(DRIFT).query(Long.class).single()).as("kept totals that differ from the rows")
			.isZero();
	}

}
