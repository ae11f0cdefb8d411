package org.potentia.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.reporting.DashboardService;
import org.potentia.reporting.DashboardWidget;
import org.potentia.reporting.WidgetKind;
import org.potentia.testing.DemoDataTest;
import org.potentia.testing.RecordingDemoContributor;
import org.potentia.tool.ConversionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start with {@code potentia.demo=true} on an empty database fills it with demo data
 * once.
 */
@DemoDataTest
class DemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoData demoData;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	RecordingDemoContributor contributor;

	@Autowired
	ConversionService conversions;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DashboardService dashboards;

	@Test
	void createsTeamsUsersAccountsAndContacts() {
		assertThat(this.jdbc.sql("select name from teams order by name").query(String.class).list())
			.containsExactly("Nord", "Süd");
		assertThat(count("select count(*) from users where role = 'MANAGER' and team_id is not null")).isEqualTo(2);
		assertThat(count("select count(*) from users where role = 'REP' and team_id is not null")).isEqualTo(4);

		assertThat(count("select count(*) from accounts")).isBetween(25L, 40L);
		assertThat(this.jdbc.sql("select distinct account_type from accounts").query(String.class).list())
			.containsExactlyInAnyOrder("customer", "prospect", "partner", "competitor", "other");
		assertThat(count("select count(*) from accounts where street is null or city is null or country is null"))
			.isZero();
		assertThat(count("select count(distinct owner_id) from accounts")).isEqualTo(6);

		assertThat(count("select count(*) from contacts")).isBetween(50L, 80L);
		assertThat(count("select count(*) from contacts where account_id is null")).isZero();
		assertThat(count("select count(distinct owner_id) from contacts")).isEqualTo(6);
		assertThat(count("select count(*) from accounts a where not exists "
				+ "(select 1 from contacts c where c.account_id = a.id)"))
			.isZero();
		assertThat(count("select count(*) from contacts where created_by <> 'admin'")).isZero();
	}

	@Test
	void setsTargetsAndSharesWidgetsSoTheHomePageWorks() {
		assertThat(count("select count(*) from targets where owner_kind = 'team'")).isEqualTo(8);
		assertThat(count("select count(*) from targets where owner_kind = 'user'")).isEqualTo(12);
		assertThat(count("select count(*) from dashboard_widgets where shared_with = 'everyone' and permanent"))
			.isEqualTo(1);
		assertThat(count("select count(*) from dashboard_widgets where shared_with = 'team'")).isEqualTo(2);
		assertThat(count("select count(*) from dashboard_widgets where shared_with <> 'nobody' and kind <> 'report'"))
			.as("the built-in widgets are on every home page already; sharing them would show them twice")
			.isZero();

		Long teamId = this.jdbc.sql("select team_id from users where username = 'lena.maier'")
			.query(Long.class)
			.single();
		long id = this.jdbc.sql("select id from users where username = 'lena.maier'").query(Long.class).single();
		List<DashboardWidget> home = this.dashboards
			.layout(new CurrentUser(id, "lena.maier", "Lena Maier", Role.REP, teamId, "de"));
		assertThat(home).extracting((widget) -> widget.kind() + ":" + widget.reportId()).doesNotHaveDuplicates();
		assertThat(home).filteredOn((widget) -> widget.kind() == WidgetKind.REPORT)
			.extracting((widget) -> this.jdbc.sql("select name from reports where id = ?")
				.param(widget.reportId())
				.query(String.class)
				.single())
			.containsExactlyInAnyOrder("Dieses Jahr nach Verantwortlichen und Phase", "Team-Pipeline nach Phase");
	}

	@Test
	void createsOpportunitiesAcrossAllStages() {
		long accounts = count("select count(*) from accounts");
		assertThat(count("select count(*) from potentials")).isEqualTo(accounts * 2);
		assertThat(count("select count(distinct stage_id) from potentials")).isEqualTo(6);
		assertThat(count("select count(*) from potentials p join pipeline_stages s on s.id = p.stage_id"
				+ " where s.kind = 'lost' and p.lost_reason_id is null"))
			.isZero();
		assertThat(count("select count(*) from potential_history")).isEqualTo(accounts * 2);
	}

	@Test
	void createsLeadsInEveryStageSomeReadyToConvert() {
		assertThat(count("select count(*) from leads")).isBetween(10L, 30L);
		assertThat(this.jdbc
			.sql("select s.code from pipeline_stages s where s.module = 'leads' and not exists"
					+ " (select 1 from leads l where l.stage_id = s.id)")
			.query(String.class)
			.list()).as("lead stages without a demo lead").isEmpty();
		assertThat(count("select count(*) from leads where converted_at is not null")).isZero();
		assertThat(count("select count(distinct owner_id) from leads")).isGreaterThan(1);
		// Qualified and complete: what a newcomer converts.
		assertThat(count("select count(*) from leads l join pipeline_stages s on s.id = l.stage_id"
				+ " where s.code = 'qualified' and l.company is not null and l.email is not null"
				+ " and l.first_name is not null"))
			.isGreaterThanOrEqualTo(3);
		// One is from a company that is a demo account already.
		assertThat(count("select count(*) from leads l join pipeline_stages s on s.id = l.stage_id"
				+ " where s.code = 'qualified' and exists (select 1 from accounts a"
				+ " where lower(a.name) = lower(l.company))"))
			.isEqualTo(1);
		assertThat(count("select count(*) from leads where created_by <> 'admin'")).isZero();
	}

	@Test
	void theQualifiedLeadsConvertAndTheKnownCompanyLinksItsAccount() {
		CurrentUser admin = this.contributor.contexts().get(0).admin();
		List<Long> qualified = this.jdbc
			.sql("select l.id from leads l join pipeline_stages s on s.id = l.stage_id"
					+ " where s.code = 'qualified' order by l.id")
			.query(Long.class)
			.list();
		long known = this.jdbc.sql(
				"select l.id from leads l where exists (select 1 from accounts a where lower(a.name) = lower(l.company))")
			.query(Long.class)
			.single();
		// Converted and rolled back, so that the other tests see the demo data as made.
		this.transactions.executeWithoutResult((status) -> {
			for (long lead : qualified) {
				ConversionService.Result result = this.conversions.convert(lead, ConversionService.Request.defaults(),
						admin, SaveSource.FORM);
				assertThat(result.opportunityId()).isNotNull();
				assertThat(result.accountCreated()).as("account created for lead " + lead).isEqualTo(lead != known);
			}
			status.setRollbackOnly();
		});
		assertThat(count("select count(*) from leads where converted_at is not null")).isZero();
	}

	@Test
	void createsAWebFormThatHandsItsLeadsToATeamInTurn() {
		assertThat(count("select count(*) from web_forms where active and owner_team_id is not null")).isEqualTo(1);
		assertThat(count("select count(*) from web_form_fixed_values")).isEqualTo(2);
	}

	@Test
	void demoUsersSignInWithTheDemoPassword() {
		assertThat(this.passwordEncoder.matches("potentia-demo-2026",
				this.users.loadUserByUsername("lena.maier").getPassword()))
			.isTrue();
	}

	@Test
	void contributorsAddTheirsToTheBaseData() {
		assertThat(this.contributor.contexts()).hasSize(1);
		DemoContext context = this.contributor.contexts().get(0);
		assertThat(context.accounts()).hasSize((int) count("select count(*) from accounts"));
		assertThat(context.contacts()).hasSize((int) count("select count(*) from contacts"));
		assertThat(context.teams()).hasSize(2);
		assertThat(context.membersOf(context.teams().get(0))).hasSize(3);
		assertThat(context.admin().isAdmin()).isTrue();
	}

	@Test
	void makesNothingOnceThereAreAccounts() throws Exception {
		long accounts = count("select count(*) from accounts");
		long contacts = count("select count(*) from contacts");
		this.demoData.runAtStartup();
		assertThat(count("select count(*) from accounts")).isEqualTo(accounts);
		assertThat(count("select count(*) from contacts")).isEqualTo(contacts);
		assertThat(this.contributor.contexts()).hasSize(1);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
