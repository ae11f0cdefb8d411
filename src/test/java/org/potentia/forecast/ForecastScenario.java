package org.potentia.forecast;

import java.time.YearMonth;

import org.potentia.identity.Team;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One account with a year of every figure, in two currencies and two business areas, and
 * opportunities in each kind of stage. Two teams: in "sales" a manager and rep A, who
 * owns the account and its deals; in "other" a manager and rep C, who owns one deal on
 * rep A's account.
 *
 * <pre>
 * EUR            Jan                          Feb                Mar          Apr      Dec of the year before
 * budget         1000 (Software)              500 (Services)                           999
 * forecast       800                                             1200
 * billing        700 (INV-1)                                                  50
 * won deal       2000
 * open deal 50%  1000                         1000 (Services)
 * lost deal      5000
 * rep C's 40%    10000
 * USD: billing Jan 300; open deal 25% Mar 400.
 * </pre>
 */
final class ForecastScenario {

	static final int YEAR = 2031;

	final String tag = Names.tag();

	final Person repA;

	final Person managerA;

	final Person repC;

	final Person managerC;

	final Person admin;

	final long software;

	final long services;

	final long account;

	final long won;

	final long open;

	final long lost;

	final long othersDeal;

	final long usdDeal;

	ForecastScenario(People people, JdbcClient jdbc) {
		people.repsSeeTeam(false);
		ForecastRows rows = new ForecastRows(jdbc);
		Team sales = people.team();
		Team other = people.team();
		this.repA = people.rep(sales);
		this.managerA = people.manager(sales);
		this.repC = people.rep(other);
		this.managerC = people.manager(other);
		this.admin = people.admin();
		this.software = rows.area("Software");
		this.services = rows.area("Services");
		this.account = rows.account(this.tag + " Account", this.repA);
		rows.budget(this.account, month(1), this.software, "1000", "EUR");
		rows.budget(this.account, month(2), this.services, "500", "EUR");
		rows.budget(this.account, YearMonth.of(YEAR - 1, 12), this.software, "999", "EUR");
		rows.forecast(this.account, month(1), this.software, "800", "EUR");
		rows.forecast(this.account, month(3), this.software, "1200", "EUR");
		rows.billing(this.account, month(1), this.software, "700", "EUR", "INV-1");
		rows.billing(this.account, month(4), this.software, "50", "EUR");
		rows.billing(this.account, month(1), this.software, "300", "USD");
		this.won = rows.opportunity(this.tag + " Won deal", this.account, this.repA, "won", 100, "EUR");
		rows.invoicing(this.won, month(1), this.software, "2000");
		this.open = rows.opportunity(this.tag + " Open deal", this.account, this.repA, "proposal", 50, "EUR");
		rows.invoicing(this.open, month(1), this.software, "1000");
		rows.invoicing(this.open, month(2), this.services, "1000");
		this.lost = rows.opportunity(this.tag + " Lost deal", this.account, this.repA, "lost", 0, "EUR");
		rows.invoicing(this.lost, month(1), this.software, "5000");
		this.othersDeal = rows.opportunity(this.tag + " Rep C deal", this.account, this.repC, "negotiation", 40, "EUR");
		rows.invoicing(this.othersDeal, month(1), this.software, "10000");
		this.usdDeal = rows.opportunity(this.tag + " Dollar deal", this.account, this.repA, "prospecting", 25, "USD");
		rows.invoicing(this.usdDeal, month(3), this.software, "400");
	}

	static YearMonth month(int month) {
		return YearMonth.of(YEAR, month);
	}

}
