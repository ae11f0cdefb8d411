package org.potentia.history;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.PotentiaApplication;
import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.opportunity.Opportunity;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.platform.settings.Settings;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots: taken once per period, the same whether taken live or rebuilt from history
 * (also for opportunities changed or deleted after the period ended), and exactly once
 * when two instances race.
 */
@PotentiaTest
class SnapshotTests {

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Settings settings;

	@Autowired
	TransactionTemplate transactions;

	CurrentUser rep;

	ZoneId zone;

	YearMonth thisMonth;

	@BeforeEach
	void setUp() {
		String name = "s" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.createUser(name, "password-1234", null, name, null, Role.REP, null);
		this.rep = new CurrentUser(user.getId(), name, name, Role.REP, null, null);
		this.zone = snapshots(Clock.systemUTC()).zone();
		this.thisMonth = YearMonth.now(this.zone);
		forget(this.thisMonth.atDay(1));
	}

	@Test
	void aLiveSnapshotAndARebuiltOneHoldTheSameAndATakenPeriodIsNotTakenAgain() {
		long open = create("Open deal", "1000", null);
		long won = create("Won deal", "2500", "won");
		Clock justAfter = Clock.fixed(
				this.thisMonth.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant().plus(Duration.ofMinutes(30)),
				this.zone);

		assertThat(snapshots(justAfter).takeMonthly(this.thisMonth)).isTrue();
		List<Map<String, Object>> live = rows(open, won);
		assertThat(live).hasSize(2);
		assertThat(live).extracting((row) -> row.get("rebuilt")).containsOnly(false);
		assertThat(live).extracting((row) -> row.get("kind")).containsExactly("open", "won");

		assertThat(snapshots(justAfter).takeMonthly(this.thisMonth)).isFalse();
		assertThat(rows(open, won)).isEqualTo(live);

		forget(this.thisMonth.atDay(1));
		Clock weekLater = Clock.offset(justAfter, Duration.ofDays(7));
		assertThat(snapshots(weekLater).takeMonthly(this.thisMonth)).isTrue();
		List<Map<String, Object>> rebuilt = rows(open, won);
		assertThat(rebuilt).extracting((row) -> row.get("rebuilt")).containsOnly(true);
		assertThat(withoutFlag(rebuilt)).isEqualTo(withoutFlag(live));
		assertThat(this.jdbc.sql("SELECT rebuilt FROM snapshot_periods WHERE kind = 'month' AND period = ?")
			.param(this.thisMonth.atDay(1))
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aLiveSnapshotReadsTheStateAtTheEndOfThoseChangedOrDeletedSince() {
		YearMonth lastMonth = this.thisMonth.minusMonths(1);
		Instant during = lastMonth.atDay(10).atTime(LocalTime.NOON).atZone(this.zone).toInstant();
		long unchanged = create("Unchanged since", "100", null);
		long changed = create("Changed since", "1000", null);
		long deleted = create("Deleted since", "500", null);
		long made = create("Made since", "700", null);
		for (long id : List.of(unchanged, changed, deleted)) {
			this.jdbc.sql("UPDATE potential_history SET changed_at = ? WHERE potential_id = ?")
				.params(java.sql.Timestamp.from(during), id)
				.update();
			this.jdbc.sql("UPDATE potentials SET created_at = ?, updated_at = ? WHERE id = ?")
				.params(java.sql.Timestamp.from(during), java.sql.Timestamp.from(during), id)
				.update();
		}
		OpportunityForm form = this.opportunities.formOf(changed, this.rep);
		form.setAmount(new BigDecimal("2000"));
		this.opportunities.update(changed, form, this.rep, SaveSource.FORM);
		this.opportunities.delete(deleted, this.rep, SaveSource.FORM);
		Clock justAfter = Clock
			.fixed(this.thisMonth.atDay(1).atStartOfDay(this.zone).toInstant().plus(Duration.ofMinutes(30)), this.zone);
		forget(lastMonth.atDay(1));

		assertThat(snapshots(justAfter).takeMonthly(lastMonth)).isTrue();
		List<Map<String, Object>> live = rows(lastMonth, unchanged, changed, deleted, made);
		assertThat(live).extracting((row) -> row.get("potential_id")).containsExactly(unchanged, changed, deleted);
		assertThat(live).extracting((row) -> ((BigDecimal) row.get("amount")).toPlainString())
			.containsExactly("100", "1000", "500");
		assertThat(live).extracting((row) -> row.get("rebuilt")).containsOnly(false);

		forget(lastMonth.atDay(1));
		assertThat(snapshots(Clock.offset(justAfter, Duration.ofDays(7))).takeMonthly(lastMonth)).isTrue();
		assertThat(withoutFlag(rows(lastMonth, unchanged, changed, deleted, made))).isEqualTo(withoutFlag(live));
		forget(lastMonth.atDay(1));
	}

	@Test
	void anOpportunityClosedBeforeTheMonthIsNotInIt() {
		long won = create("Closed long ago", "10", "won");
		Clock nextMonthEnd = Clock.fixed(
				this.thisMonth.plusMonths(2).atDay(1).atStartOfDay(this.zone).toInstant().plus(Duration.ofMinutes(5)),
				this.zone);
		YearMonth nextMonth = this.thisMonth.plusMonths(1);
		forget(nextMonth.atDay(1));
		snapshots(nextMonthEnd).takeMonthly(nextMonth);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM potential_monthly_snapshots WHERE period_month = ? AND potential_id = ?")
			.params(nextMonth.atDay(1), won)
			.query(Long.class)
			.single()).isZero();
		forget(nextMonth.atDay(1));
	}

	@Test
	void twoInstancesRacingTakeAPeriodExactlyOnce() throws Exception {
		create("Raced", "300", null);
		YearMonth lastMonth = this.thisMonth.minusMonths(1);
		List<String> properties = new ArrayList<>(List.of("potentia.snapshots.enabled=false",
				"potentia.admin.password=admin-test-password", "spring.main.banner-mode=off", "server.port=0"));
		String profiles = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE"));
		if (!profiles.contains("postgres")) {
			// Both instances on one embedded database, as they would share PostgreSQL.
			properties.add("spring.datasource.url=jdbc:h2:mem:race-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		}
		try (ConfigurableApplicationContext first = instance(properties);
				ConfigurableApplicationContext second = instance(properties)) {
			JdbcClient shared = first.getBean(JdbcClient.class);
			shared.sql("DELETE FROM snapshot_periods WHERE kind = 'month' AND period = ?")
				.param(lastMonth.atDay(1))
				.update();
			shared.sql("DELETE FROM potential_monthly_snapshots WHERE period_month = ?")
				.param(lastMonth.atDay(1))
				.update();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<Boolean>> results = new ArrayList<>();
			for (ConfigurableApplicationContext context : List.of(first, second)) {
				SnapshotService service = new SnapshotService(context.getBean(JdbcClient.class),
						context.getBean(Settings.class), context.getBean(TransactionTemplate.class));
				results.add(pool.submit(() -> {
					start.await();
					return service.takeMonthly(lastMonth);
				}));
			}
			start.countDown();
			int taken = 0;
			for (Future<Boolean> result : results) {
				taken += result.get() ? 1 : 0;
			}
			pool.shutdown();
			assertThat(taken).isEqualTo(1);
			assertThat(shared.sql("SELECT COUNT(*) FROM snapshot_periods WHERE kind = 'month' AND period = ?")
				.param(lastMonth.atDay(1))
				.query(Long.class)
				.single()).isEqualTo(1);
			long recorded = shared.sql("SELECT row_count FROM snapshot_periods WHERE kind = 'month' AND period = ?")
				.param(lastMonth.atDay(1))
				.query(Long.class)
				.single();
			assertThat(shared.sql("SELECT COUNT(*) FROM potential_monthly_snapshots WHERE period_month = ?")
				.param(lastMonth.atDay(1))
				.query(Long.class)
				.single()).isEqualTo(recorded);
		}
	}

	private static ConfigurableApplicationContext instance(List<String> properties) {
		// As arguments: they win over the test's configuration files, like a real
		// instance's.
		return new SpringApplicationBuilder(PotentiaApplication.class).web(WebApplicationType.SERVLET)
			.run(properties.stream().map((property) -> "--" + property).toArray(String[]::new));
	}

	private SnapshotService snapshots(Clock clock) {
		return new SnapshotService(this.jdbc, this.settings, this.transactions, clock);
	}

	private long create(String name, String amount, String stageCode) {
		OpportunityForm form = new OpportunityForm();
		form.setName(name);
		form.setAmount(new BigDecimal(amount));
		if (stageCode != null) {
			form.setStageId(this.pipeline.stage(PipelineService.POTENTIALS, stageCode).orElseThrow().getId());
		}
		Opportunity opportunity = this.opportunities.get(this.opportunities.create(form, this.rep, SaveSource.FORM),
				this.rep);
		return opportunity.getId();
	}

	private void forget(LocalDate month) {
		this.jdbc.sql("DELETE FROM snapshot_periods WHERE kind = 'month' AND period = ?").param(month).update();
		this.jdbc.sql("DELETE FROM potential_monthly_snapshots WHERE period_month = ?").param(month).update();
	}

	private List<Map<String, Object>> rows(long... ids) {
		return rows(this.thisMonth, ids);
	}

	private List<Map<String, Object>> rows(YearMonth month, long... ids) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (long id : ids) {
			this.jdbc.sql("SELECT potential_id, stage_id, kind, amount, probability, weighted_amount, closed_date,"
					+ " owner_id, rebuilt FROM potential_monthly_snapshots WHERE period_month = ? AND potential_id = ?")
				.params(month.atDay(1), id)
				.query((rs, rowNum) -> {
					Map<String, Object> row = new java.util.LinkedHashMap<>();
					row.put("potential_id", rs.getLong("potential_id"));
					row.put("stage_id", rs.getLong("stage_id"));
					row.put("kind", rs.getString("kind"));
					row.put("amount", rs.getBigDecimal("amount").stripTrailingZeros());
					row.put("probability", rs.getInt("probability"));
					row.put("weighted_amount", rs.getBigDecimal("weighted_amount").stripTrailingZeros());
					row.put("closed_date", rs.getObject("closed_date", LocalDate.class));
					row.put("owner_id", rs.getLong("owner_id"));
					row.put("rebuilt", rs.getBoolean("rebuilt"));
					return row;
				})
				.list()
				.forEach(result::add);
		}
		return result;
	}

	private static List<Map<String, Object>> withoutFlag(List<Map<String, Object>> rows) {
		return rows.stream().map((row) -> {
			Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
			copy.remove("rebuilt");
			return copy;
		}).toList();
	}

}
