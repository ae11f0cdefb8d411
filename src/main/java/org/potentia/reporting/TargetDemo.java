package org.potentia.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.potentia.identity.Team;
import org.potentia.identity.User;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportQuery.Column;
import org.potentia.reporting.ReportQuery.Group;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo targets, reports and shared widgets, so that the first start with demo data shows
 * a working home page: won amount targets for every team (month, quarter, year) and every
 * demo user (month), new leads per team and month. Every user has the built-in sales
 * widgets (the targets and the pipeline among them) on their own home page, so what is
 * shared are saved reports: the admin's "this year by owner and stage" with everyone, as
 * permanent, and each team manager's "team pipeline by stage" with the team.
 */
@Component
@Order(90)
class TargetDemo implements DemoContributor {

	/**
	 * Opportunities expected to close this calendar year.
	 */
	private static final String THIS_YEAR = "{\"$and\":[{\"$gte\":[\"expected_close_date\",\"$now.date/year\"]},"
			+ "{\"$lt\":[\"expected_close_date\",\"$now.date/year +1 year\"]}]}";

	private final JdbcClient jdbc;

	private final DashboardService dashboards;

	private final SavedReports reports;

	TargetDemo(JdbcClient jdbc, DashboardService dashboards, SavedReports reports) {
		this.jdbc = jdbc;
		this.dashboards = dashboards;
		this.reports = reports;
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
				.ifPresent((manager) -> share(
						new SavedReports.Details("Team-Pipeline nach Phase", "Team", SavedReport.Sharing.TEAM,
								team.getId(), ReportView.BAR),
						new ReportQuery(PipelineService.POTENTIALS,
								List.of(Column.of("stage_id"), new Column("amount", Aggregate.SUM, "total", null),
										new Column("id", Aggregate.COUNT, "opportunities", null)),
								THIS_YEAR, List.of(Group.of("stage_id")), List.of(), null),
						asUser(manager), WidgetSharing.TEAM, team.getId(), false));
		}
		for (User user : context.users()) {
			target(TargetMeasure.WON_AMOUNT, "user", user.getId(), TargetPeriod.Type.MONTH, today,
					40_000L + context.random().nextInt(5) * 10_000L);
			target(TargetMeasure.WON_COUNT, "user", user.getId(), TargetPeriod.Type.MONTH, today, 3);
		}
		share(new SavedReports.Details("Dieses Jahr nach Verantwortlichen und Phase", "Vertrieb",
				SavedReport.Sharing.EVERYONE, null, ReportView.STACKED_BAR),
				new ReportQuery(PipelineService.POTENTIALS,
						List.of(Column.of("owner.name"), Column.of("stage_id"),
								new Column("amount", Aggregate.SUM, "total", null)),
						THIS_YEAR, List.of(Group.of("owner.name"), Group.of("stage_id")), List.of(), null),
				context.admin(), WidgetSharing.EVERYONE, null, true);
	}

	private void share(SavedReports.Details details, ReportQuery query, CurrentUser owner, WidgetSharing sharing,
			Long teamId, boolean permanent) {
		SavedReport report = this.reports.create(details, query, owner);
		this.dashboards.createShared(report.getId(), owner, sharing, teamId, permanent);
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
