package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.forecast.ForecastFigures.Amounts;
import org.potentia.forecast.ForecastFigures.CurrencyGroups;
import org.potentia.forecast.ForecastFigures.CurrencyYear;
import org.potentia.forecast.ForecastFigures.Figure;
import org.potentia.forecast.ForecastFigures.Grouping;
import org.potentia.forecast.ForecastFigures.Scope;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.forecast.ForecastScenario.YEAR;
import static org.potentia.forecast.ForecastScenario.month;

/**
 * The figures of the account card and the forecast report, worked out by hand for
 * {@link ForecastScenario}: won deals count as committed, open ones weighted and
 * unweighted, lost ones not at all; currencies stay apart; the area filter, the running
 * totals and the visibility of accounts and opportunities hold.
 */
@PotentiaTest
class ForecastFiguresTests {

	@Autowired
	ForecastFigures figures;

	@Autowired
	ForecastAccuracy accuracy;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	ForecastScenario scenario;

	@BeforeEach
	void setUp() {
		this.scenario = new ForecastScenario(this.people, this.jdbc);
	}

	@Test
	void theMonthsOfTheYearCountEachFigureInItsCurrency() {
		List<CurrencyYear> years = this.figures.year(this.scenario.account, YEAR, null,
				this.scenario.repA.currentUser());
		assertThat(years).extracting(CurrencyYear::currency).containsExactly("EUR", "USD");
		CurrencyYear eur = years.get(0);
		assertThat(eur.months()).hasSize(12);
		assertThat(eur.months().get(0).month()).isEqualTo(month(1));
		// January: the lost deal and rep C's deal (not visible to rep A) do not count.
		assertAmounts(eur.months().get(0).amounts(), "1000", "800", "700", "2000", "500", "1000");
		assertAmounts(eur.months().get(1).amounts(), "500", "0", "0", "0", "500", "1000");
		assertAmounts(eur.months().get(2).amounts(), "0", "1200", "0", "0", "0", "0");
		assertAmounts(eur.months().get(3).amounts(), "0", "0", "50", "0", "0", "0");
		// The running totals; the budget of the December before does not count.
		assertAmounts(eur.months().get(2).cumulative(), "1500", "2000", "700", "2000", "1000", "2000");
		assertAmounts(eur.months().get(11).cumulative(), "1500", "2000", "750", "2000", "1000", "2000");
		assertAmounts(eur.total(), "1500", "2000", "750", "2000", "1000", "2000");
		CurrencyYear usd = years.get(1);
		assertAmounts(usd.months().get(0).amounts(), "0", "0", "300", "0", "0", "0");
		assertAmounts(usd.months().get(2).amounts(), "0", "0", "0", "0", "100", "400");
		assertAmounts(usd.total(), "0", "0", "300", "0", "100", "400");
	}

	@Test
	void anAreaNarrowsEveryFigure() {
		List<CurrencyYear> years = this.figures.year(this.scenario.account, YEAR, this.scenario.services,
				this.scenario.repA.currentUser());
		assertThat(years).extracting(CurrencyYear::currency).containsExactly("EUR");
		assertAmounts(years.get(0).months().get(0).amounts(), "0", "0", "0", "0", "0", "0");
		assertAmounts(years.get(0).total(), "500", "0", "0", "0", "500", "1000");
	}

	@Test
	void whoMaySeeAnOpportunitySeesItsForecast() {
		// The admin and rep C's manager see rep C's deal on the account: 40 % of 10,000.
		Amounts admin = this.figures.year(this.scenario.account, YEAR, null, this.scenario.admin.currentUser())
			.get(0)
			.months()
			.get(0)
			.amounts();
		assertAmounts(admin, "1000", "800", "700", "2000", "4500", "11000");
		// Rep A's manager sees what rep A sees.
		Amounts manager = this.figures.year(this.scenario.account, YEAR, null, this.scenario.managerA.currentUser())
			.get(0)
			.months()
			.get(0)
			.amounts();
		assertAmounts(manager, "1000", "800", "700", "2000", "500", "1000");
		// Rep C's manager may not see the account: only the deal of the team counts.
		Amounts other = this.figures.year(this.scenario.account, YEAR, null, this.scenario.managerC.currentUser())
			.get(0)
			.months()
			.get(0)
			.amounts();
		assertAmounts(other, "0", "0", "0", "0", "4000", "10000");
	}

	@Test
	void theReportRollsUpByGroupForAYearOrAQuarter() {
		Scope year = Scope.months(month(1), month(12)).filters(this.scenario.repA.id(), null, null);
		List<CurrencyGroups> byAccount = this.figures.groups(year, Grouping.ACCOUNT,
				this.scenario.managerA.currentUser(), Locale.ENGLISH);
		assertThat(byAccount).extracting(CurrencyGroups::currency).containsExactly("EUR", "USD");
		assertThat(byAccount.get(0).groups()).hasSize(1);
		assertThat(byAccount.get(0).groups().get(0).label()).isEqualTo(this.scenario.tag + " Account");
		assertAmounts(byAccount.get(0).groups().get(0).amounts(), "1500", "2000", "750", "2000", "1000", "2000");

		Scope firstQuarter = Scope.months(month(1), month(3)).filters(this.scenario.repA.id(), null, null);
		List<CurrencyGroups> quarter = this.figures.groups(firstQuarter, Grouping.BUSINESS_AREA,
				this.scenario.admin.currentUser(), Locale.ENGLISH);
		assertThat(quarter.get(0).groups()).extracting(ForecastFigures.Group::label)
			.containsExactly("Services", "Software");
		assertAmounts(quarter.get(0).groups().get(0).amounts(), "500", "0", "0", "0", "500", "1000");
		assertAmounts(quarter.get(0).groups().get(1).amounts(), "1000", "2000", "700", "2000", "500", "1000");
		assertAmounts(quarter.get(0).total(), "1500", "2000", "700", "2000", "1000", "2000");
	}

	@Test
	void theReportGroupsByOwnerAndTeamUnderTheVisibilityRule() {
		Scope year = Scope.months(month(1), month(12)).filters(null, this.scenario.repC.teamId(), null);
		// Rep C's team: the admin sees rep C's deal, on an account of the other team.
		List<CurrencyGroups> admin = this.figures.groups(year, Grouping.OWNER, this.scenario.admin.currentUser(),
				Locale.ENGLISH);
		assertThat(admin).hasSize(1);
		assertThat(admin.get(0).groups()).singleElement()
			.satisfies((group) -> assertThat(group.id()).isEqualTo(this.scenario.repC.id()));
		assertAmounts(admin.get(0).total(), "0", "0", "0", "0", "4000", "10000");
		// Rep A sees nothing of the other team.
		assertThat(this.figures.groups(year, Grouping.TEAM, this.scenario.repA.currentUser(), Locale.ENGLISH))
			.isEmpty();
		// By team, for rep A's manager: only rep A's figures, under rep A's team.
		Scope sales = Scope.months(month(1), month(12)).filters(null, this.scenario.repA.teamId(), null);
		List<CurrencyGroups> byTeam = this.figures.groups(sales, Grouping.TEAM, this.scenario.managerA.currentUser(),
				Locale.ENGLISH);
		assertThat(byTeam.get(0).groups()).singleElement()
			.satisfies((group) -> assertThat(group.id()).isEqualTo(this.scenario.repA.teamId()));
		assertAmounts(byTeam.get(0).total(), "1500", "2000", "750", "2000", "1000", "2000");
	}

	@Test
	void theAccountTypeFiltersAccountsAndTheirOpportunities() {
		Scope partners = Scope.months(month(1), month(12)).filters(this.scenario.repA.id(), null, "partner");
		assertThat(this.figures.groups(partners, Grouping.ACCOUNT, this.scenario.admin.currentUser(), Locale.ENGLISH))
			.isEmpty();
		Scope customers = Scope.months(month(1), month(12)).filters(this.scenario.repA.id(), null, "customer");
		assertThat(this.figures.groups(customers, Grouping.ACCOUNT, this.scenario.admin.currentUser(), Locale.ENGLISH))
			.hasSize(2);
	}

	@Test
	void theRowsBehindAFigureAreThoseItCounts() {
		Scope january = Scope.months(month(1), month(1)).account(this.scenario.account).currency("EUR");
		List<ForecastFigures.Row> weighted = this.figures.rows(january, Figure.WEIGHTED,
				this.scenario.repA.currentUser(), Locale.ENGLISH, 100);
		assertThat(weighted).singleElement().satisfies((row) -> {
			assertThat(row.opportunityId()).isEqualTo(this.scenario.open);
			assertThat(row.amount()).isEqualByComparingTo("1000");
			assertThat(row.counted()).isEqualByComparingTo("500");
			assertThat(row.detail()).isEqualTo("Proposal");
		});
		assertThat(this.figures.rows(january, Figure.WEIGHTED, this.scenario.admin.currentUser(), Locale.ENGLISH, 100))
			.extracting(ForecastFigures.Row::opportunityId)
			.containsExactlyInAnyOrder(this.scenario.open, this.scenario.othersDeal);
		assertThat(this.figures.rows(january, Figure.COMMITTED, this.scenario.admin.currentUser(), Locale.ENGLISH, 100))
			.extracting(ForecastFigures.Row::opportunityId)
			.containsExactly(this.scenario.won);
		assertThat(this.figures.rows(january, Figure.BILLING, this.scenario.repA.currentUser(), Locale.ENGLISH, 100))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.detail()).isEqualTo("INV-1");
				assertThat(row.accountId()).isEqualTo(this.scenario.account);
			});
		assertThat(this.figures.rows(january, Figure.BUDGET, this.scenario.managerC.currentUser(), Locale.ENGLISH, 100))
			.isEmpty();
		Scope byOwner = Scope.months(month(1), month(12))
			.currency("EUR")
			.inGroup(Grouping.OWNER, this.scenario.repA.id());
		assertThat(
				this.figures.rows(byOwner, Figure.UNWEIGHTED, this.scenario.admin.currentUser(), Locale.ENGLISH, 100))
			.extracting(ForecastFigures.Row::month)
			.containsExactly(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 2, 1));
	}

	@Test
	void theAccuracyComparesTheForecastAsItStoodWithTheBilling() {
		ForecastRows rows = new ForecastRows(this.jdbc);
		YearMonth june = YearMonth.of(2025, 6);
		ZoneId zone = this.accuracy.zone();
		rows.forecastVersion(this.scenario.account, june, this.scenario.software, "800", "EUR",
				at(LocalDate.of(2025, 2, 10), zone));
		rows.forecastVersion(this.scenario.account, june, this.scenario.services, "100", "EUR",
				at(LocalDate.of(2025, 2, 11), zone));
		rows.forecastVersion(this.scenario.account, june, this.scenario.software, "1100", "EUR",
				at(LocalDate.of(2025, 4, 15), zone));
		// After the cut-off of one month before (1 May): not counted.
		rows.forecastVersion(this.scenario.account, june, this.scenario.software, "1300", "EUR",
				at(LocalDate.of(2025, 5, 20), zone));
		rows.billing(this.scenario.account, june, this.scenario.software, "1000", "EUR");
		rows.billing(this.scenario.account, june, this.scenario.services, "200", "EUR");

		Scope mine = Scope.months(june, june).filters(this.scenario.repA.id(), null, null);
		List<ForecastAccuracy.CurrencyLines> lines = this.accuracy.of(june, mine, this.scenario.repA.currentUser());
		assertThat(lines).singleElement().satisfies((eur) -> {
			assertThat(eur.currency()).isEqualTo("EUR");
			ForecastAccuracy.Line line = eur.lines().get(0);
			assertThat(line.accountId()).isEqualTo(this.scenario.account);
			assertThat(line.forecastOneMonth()).isEqualByComparingTo("1200");
			assertThat(line.forecastThreeMonths()).isEqualByComparingTo("900");
			assertThat(line.billing()).isEqualByComparingTo("1200");
			assertThat(line.accuracy(1)).isEqualByComparingTo("100.0");
			assertThat(line.accuracy(3)).isEqualByComparingTo("75.0");
			assertThat(eur.total().billing()).isEqualByComparingTo("1200");
		});
		Scope software = mine.area(this.scenario.software);
		ForecastAccuracy.Line line = this.accuracy.of(june, software, this.scenario.admin.currentUser())
			.get(0)
			.lines()
			.get(0);
		assertThat(line.forecastOneMonth()).isEqualByComparingTo("1100");
		assertThat(line.forecastThreeMonths()).isEqualByComparingTo("800");
		assertThat(line.accuracy(1)).isEqualByComparingTo("90.0");
		assertThat(line.accuracy(3)).isEqualByComparingTo("80.0");
		// Rep C's manager may not see the account.
		assertThat(this.accuracy.of(june, Scope.months(june, june).account(this.scenario.account),
				this.scenario.managerC.currentUser()))
			.isEmpty();
	}

	private static Instant at(LocalDate day, ZoneId zone) {
		return day.atTime(10, 0).atZone(zone).toInstant();
	}

	private static void assertAmounts(Amounts amounts, String budget, String forecast, String billing, String committed,
			String weighted, String unweighted) {
		assertThat(List.of(amounts.budget(), amounts.forecast(), amounts.billing(), amounts.committed(),
				amounts.weighted(), amounts.unweighted()))
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal(budget), new BigDecimal(forecast), new BigDecimal(billing),
					new BigDecimal(committed), new BigDecimal(weighted), new BigDecimal(unweighted));
	}

}
