package org.potentia.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.potentia.identity.Team;
import org.potentia.identity.User;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo targets and shared widgets, so that the first start with demo data shows a working
 * home page: won amount targets for every team (month, quarter, year) and every demo user
 * (month), new leads per team and month; the admin shares the targets widget with
 * everyone as permanent, and each team's manager shares the pipeline with the team.
 */
@Component
@Order(90)
class TargetDemo implements DemoContributor {

	private final JdbcClient jdbc;

	private final DashboardService dashboards;

	TargetDemo(JdbcClient jdbc, DashboardService dashboards) {
		this.jdbc = jdbc;
		this.dashboards = dashboards;
	}

	@Override
	public void contribute(DemoContext context) {
		LocalDate today = LocalDate.now();
		for (Team team : context.teams()) {
			int members = Math.max(1, context.membersOf(team).size());
			target(TargetMeasure.WON_AMOUNT, "team", team.getId(), TargetPeriod.Type.MONTH, today, 60_000L * members);
			target(TargetMeasure.WON_AMOUNT, "team", team.getId(), TargetPeriod.Type.QUARTER, today,
					180_000L * members);
			target(TargetMeasure.WON_AMOUNT, "team", team.getId(), TargetPeriod.Type.YEAR, today, 720_000L * members);
			target(TargetMeasure.NEW_LEADS, "team", team.getId(), TargetPeriod.Type.MONTH, today, 10L * members);
			context.membersOf(team)
				.stream()
				.filter((user) -> user.getRole() == Role.MANAGER)
				.findFirst()
				.ifPresent((manager) -> this.dashboards.createShared(WidgetKind.PIPELINE, asUser(manager),
						WidgetSharing.TEAM, team.getId(), false));
		}
		for (User user : context.users()) {
			target(TargetMeasure.WON_AMOUNT, "user", user.getId(), TargetPeriod.Type.MONTH, today,
					40_000L + context.random().nextInt(5) * 10_000L);
			target(TargetMeasure.WON_COUNT, "user", user.getId(), TargetPeriod.Type.MONTH, today, 3);
		}
		this.dashboards.createShared(WidgetKind.TARGETS, context.admin(), WidgetSharing.EVERYONE, null, true);
	}

	private static CurrentUser asUser(User user) {
		return new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
				user.getTeamId(), null);
	}

	private void target(TargetMeasure measure, String ownerKind, long ownerId, TargetPeriod.Type type, LocalDate today,
			long amount) {
		TargetPeriod period = TargetPeriod.containing(type, today);
		OffsetDateTime now = OffsetDateTime.now();
		this.jdbc
			.sql("INSERT INTO targets (measure, owner_kind, owner_id, period_type, period_start, period_end, amount,"
					+ " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(measure.code(), ownerKind, ownerId, type.code(), period.start(), period.end(),
					BigDecimal.valueOf(amount), now, "demo", now, "demo")
			.update();
	}

}
