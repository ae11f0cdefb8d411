package org.potentia.history;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.pipeline.StageKind;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports on history: pipeline as of any day (from the snapshot that covers it, else
 * from the history rows), movement between two dates, time in stage and the stage funnel
 * (from history rows). Each is a few set-based queries; each applies the visibility rule
 * to the owner the rows record, so a rep's report covers what the rep may see.
 */
@Service
@Transactional(readOnly = true)
public class HistoryReports {

	/**
	 * What a pipeline report can be grouped by, with the SQL of the group and its label.
	 */
	public enum Grouping {

		STAGE("t.stage_id",
				"(SELECT CASE WHEN ? = 'de' THEN g.name_de ELSE g.name_en END FROM pipeline_stages g WHERE g.id = t.stage_id)",
				"(SELECT g.sort_order FROM pipeline_stages g WHERE g.id = t.stage_id)"),
		OWNER("t.owner_id", "(SELECT concat_ws(' ', g.first_name, g.last_name) FROM users g WHERE g.id = t.owner_id)",
				null),
		TEAM("t.team_id", "(SELECT g.name FROM teams g WHERE g.id = t.team_id)", null),
		BUSINESS_AREA("t.business_area_id",
				"(SELECT CASE WHEN ? = 'de' THEN g.name_de ELSE g.name_en END FROM business_areas g WHERE g.id = t.business_area_id)",
				null);

		final String column;

		final String label;

		final String order;

		Grouping(String column, String label, String order) {
			this.column = column;
			this.label = label;
			this.order = order;
		}

		boolean labelTakesLanguage() {
			return this.label.contains("?");
		}

		public static Grouping of(String code) {
			for (Grouping grouping : values()) {
				if (grouping.name().equalsIgnoreCase(code)) {
					return grouping;
				}
			}
			return STAGE;
		}

		public String code() {
			return name().toLowerCase();
		}

	}

	private final JdbcClient jdbc;

	private final Visibility visibility;

	private final SnapshotService snapshots;

	private final PipelineService pipeline;

	HistoryReports(JdbcClient jdbc, Visibility visibility, SnapshotService snapshots, PipelineService pipeline) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.snapshots = snapshots;
		this.pipeline = pipeline;
	}

	/**
	 * The time zone whose days and month ends the reports count in.
	 */
	public ZoneId zone() {
		return this.snapshots.zone();
	}

	/**
	 * The open pipeline at a month's end, grouped.
	 * @see #pipelineAt(LocalDate, Grouping, CurrentUser, String)
	 */
	public List<Group> pipelineAt(YearMonth month, Grouping grouping, CurrentUser user, String language) {
		return pipelineAt(month.atEndOfMonth(), grouping, user, language);
	}

	/**
	 * The open pipeline at the end of a day, grouped: count, amount and weighted amount
	 * per group; read from the snapshot that covers the day if there is one (see
	 * {@link #pipelineSource}), else from the history rows, the way a rebuilt snapshot
	 * reads them.
	 */
	public List<Group> pipelineAt(LocalDate day, Grouping grouping, CurrentUser user, String language) {
		return pipelineAt(pipelineSource(day), day, grouping, user, language);
	}

	List<Group> pipelineAt(PipelineSource source, LocalDate day, Grouping grouping, CurrentUser user, String language) {
		StateTable table = stateTable(source, day);
		SqlCondition where = SqlCondition.of(table.condition(), table.conditionParameters())
			.and(SqlCondition.of("t.kind = 'open'"))
			.and(this.visibility.predicate("t.owner_id", user));
		List<Object> parameters = new ArrayList<>();
		if (grouping.labelTakesLanguage()) {
			parameters.add(language);
		}
		parameters.addAll(table.parameters());
		parameters.addAll(where.parameters());
		// The order is looked up once per group, not inside an aggregate once per row.
		String sql = "SELECT " + grouping.column + " AS g, " + grouping.label + " AS label, "
				+ ((grouping.order != null) ? grouping.order : "0") + " AS sort_key, COUNT(*) AS c,"
				+ " COALESCE(SUM(t.amount), 0) AS amount, COALESCE(SUM(t.weighted_amount), 0) AS weighted" + " FROM "
				+ table.sql() + " WHERE " + where.sql() + " GROUP BY " + grouping.column + " ORDER BY sort_key, label";
		return this.jdbc.sql(sql)
			.params(parameters)
			.query((rs, rowNum) -> new Group((Long) rs.getObject("g", Long.class), rs.getString("label"),
					rs.getLong("c"), rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
			.list();
	}

	/**
	 * The opportunities behind one group of the pipeline report at a month's end.
	 */
	public List<Map<String, Object>> pipelineRows(YearMonth month, Grouping grouping, Long group, CurrentUser user) {
		return pipelineRows(month.atEndOfMonth(), grouping, group, user);
	}

	/**
	 * The opportunities behind one group of the pipeline report at the end of a day, from
	 * the same source as the report.
	 */
	public List<Map<String, Object>> pipelineRows(LocalDate day, Grouping grouping, Long group, CurrentUser user) {
		StateTable table = stateTable(pipelineSource(day), day);
		SqlCondition where = SqlCondition.of(table.condition(), table.conditionParameters())
			.and(SqlCondition.of("t.kind = 'open'"))
			.and((group != null) ? SqlCondition.of(grouping.column + " = ?", group)
					: SqlCondition.of(grouping.column + " IS NULL"))
			.and(this.visibility.predicate("t.owner_id", user));
		return opportunities(table, where);
	}

	/**
	 * Where the pipeline at the end of a day is read from: today from the opportunities
	 * as they are; an earlier day from its daily snapshot, from the monthly snapshot if
	 * the day ends a month, else from the history rows. A snapshot holds exactly what the
	 * history gives for its moment, so the answer is the same either way; a snapshot is
	 * only faster (reading the history for a day costs about what rebuilding a snapshot
	 * does), and it keeps the picture of a day when history rows were imported later.
	 */
	public PipelineSource pipelineSource(LocalDate day) {
		if (!day.isBefore(LocalDate.now(zone()))) {
			return PipelineSource.CURRENT;
		}
		if (this.snapshots.exists(SnapshotService.Period.DAY, day)) {
			return PipelineSource.DAY_SNAPSHOT;
		}
		if (day.equals(YearMonth.from(day).atEndOfMonth())
				&& this.snapshots.exists(SnapshotService.Period.MONTH, YearMonth.from(day).atDay(1))) {
			return PipelineSource.MONTH_SNAPSHOT;
		}
		return PipelineSource.HISTORY;
	}

	private StateTable stateTable(PipelineSource source, LocalDate day) {
		return switch (source) {
			case CURRENT ->
				new StateTable("(" + SnapshotService.currentState() + ") t", List.of(), "1 = 1", new Object[0]);
			case DAY_SNAPSHOT ->
				new StateTable("potential_daily_snapshots t", List.of(), "t.period_day = ?", new Object[] { day });
			case MONTH_SNAPSHOT -> new StateTable("potential_monthly_snapshots t", List.of(), "t.period_month = ?",
					new Object[] { YearMonth.from(day).atDay(1) });
			case HISTORY -> new StateTable("(" + SnapshotService.stateFromHistory() + ") t",
					List.of(Timestamp.from(day.plusDays(1).atStartOfDay(this.snapshots.zone()).toInstant())), "1 = 1",
					new Object[0]);
		};
	}

	/**
	 * The opportunities' states at a moment, as the table expression {@code t} with the
	 * snapshot tables' columns, its parameters, and the condition that picks the moment.
	 */
	private record StateTable(String sql, List<Object> parameters, String condition, Object[] conditionParameters) {
	}

	/**
	 * How the open pipeline moved between two days: opening, new, increased, decreased,
	 * won, lost and closing amounts. The figures add up exactly: opening + new +
	 * increased − decreased − won − lost = closing. An opportunity won or lost counts
	 * with the amount it had when it left the pipeline; a change of amount before that
	 * counts as increased or decreased. With BI on, the opening and closing pipeline are
	 * read from the daily snapshots of the day before {@code from} and of {@code to} if
	 * both exist, and only the period's history rows are read besides; otherwise
	 * everything comes from the history rows. Both ways give the same figures.
	 * @param from the first day (its start is the opening moment)
	 * @param to the last day (its end is the closing moment)
	 */
	public Movement movement(LocalDate from, LocalDate to, CurrentUser user) {
		MovementData data = movementData(from, to, user, false);
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String category : Movement.CATEGORIES) {
			totals.put(category, BigDecimal.ZERO);
			counts.put(category, 0L);
		}
		for (MovementRow row : data.rows()) {
			for (String category : Movement.CATEGORIES) {
				BigDecimal amount = row.amountIn(category);
				if (amount != null) {
					totals.merge(category, amount, BigDecimal::add);
					counts.merge(category, 1L, Long::sum);
				}
			}
		}
		return new Movement(from, to, totals, counts, data.fromSnapshots());
	}

	/**
	 * The opportunities behind one figure of the movement report.
	 */
	public List<MovementRow> movementRows(LocalDate from, LocalDate to, String category, CurrentUser user) {
		return movementData(from, to, user, true).rows()
			.stream()
			.filter((row) -> row.amountIn(category) != null)
			.toList();
	}

	/**
	 * The opportunities of the movement report, with their names only if asked for: the
	 * figures need none, and looking up the name of each of a few hundred thousand
	 * opportunities costs more than the rest of the report.
	 */
	private MovementData movementData(LocalDate from, LocalDate to, CurrentUser user, boolean names) {
		if (this.snapshots.isBiEnabled() && this.snapshots.exists(SnapshotService.Period.DAY, from.minusDays(1))
				&& this.snapshots.exists(SnapshotService.Period.DAY, to)) {
			List<MovementRow> rows = movementRowsFromSnapshots(from, to, user, names);
			if (rows != null) {
				return new MovementData(rows, true);
			}
		}
		return new MovementData(movementRowsFromHistory(from, to, user, names), false);
	}

	/**
	 * Each opportunity's state at the start and at the end, as the last history row
	 * before each moment. Whatever has a row before the start has one before the end, so
	 * the end states left-joined to the start states hold every opportunity (H2 has no
	 * full outer join).
	 */
	private List<MovementRow> movementRowsFromHistory(LocalDate from, LocalDate to, CurrentUser user, boolean names) {
		ZoneId zone = this.snapshots.zone();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		SqlCondition visible = this.visibility.predicate("e.owner_id", user);
		String state = "SELECT h.potential_id, h.stage_kind, h.amount, h.owner_id, h.event FROM potential_history h"
				+ " WHERE h.id IN (SELECT MAX(h2.id) FROM potential_history h2 WHERE h2.changed_at < ?"
				+ " GROUP BY h2.potential_id)";
		String sql = "SELECT e.potential_id AS id, "
				+ (names ? "(SELECT p.name FROM potentials p WHERE p.id = e.potential_id)"
						: "CAST(NULL AS VARCHAR(200))")
				+ " AS name, s.potential_id AS start_id, s.stage_kind AS start_kind, s.amount AS start_amount,"
				+ " s.event AS start_event, e.stage_kind AS end_kind, e.amount AS end_amount, e.event AS end_event"
				+ " FROM (" + state + ") e LEFT JOIN (" + state + ") s ON s.potential_id = e.potential_id" + " WHERE "
				+ visible.sql();
		List<Object> parameters = new ArrayList<>();
		parameters.add(Timestamp.from(end));
		parameters.add(Timestamp.from(start));
		parameters.addAll(visible.parameters());
		return this.jdbc.sql(sql)
			.params(parameters)
			.query((rs, rowNum) -> MovementRow.of(rs.getLong("id"), rs.getString("name"),
					rs.getObject("start_id") != null,
					"open".equals(rs.getString("start_kind")) && !"deleted".equals(rs.getString("start_event")),
					rs.getBigDecimal("start_amount"), rs.getString("end_kind"),
					"deleted".equals(rs.getString("end_event")), rs.getBigDecimal("end_amount")))
			.list()
			.stream()
			.filter(MovementRow::counts)
			.toList();
	}

	/**
	 * The open pipeline at the start and at the end from the daily snapshots (the day
	 * before {@code from}, and {@code to}); what became of the others from the last
	 * history row each has in the period. An opportunity that was not changed in the
	 * period is in both snapshots or in neither, with the same amount; if the snapshots
	 * say otherwise they disagree with the history (taken before history was imported,
	 * say), and the answer is null so that the caller reads the history instead.
	 * <p>
	 * One pass: the snapshot rows of both days and the last history rows of the period,
	 * one row per opportunity after grouping. An opportunity counts for whoever owns it
	 * at the end (else at its last change, else at the start). For a user who sees only
	 * some owners, only the opportunities that had a visible owner on one of the two days
	 * or in one of the period's history rows are read, which includes every opportunity
	 * the user sees; the exact rule is applied to the grouped rows.
	 */
	private List<MovementRow> movementRowsFromSnapshots(LocalDate from, LocalDate to, CurrentUser user, boolean names) {
		ZoneId zone = this.snapshots.zone();
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		LocalDate dayBefore = from.minusDays(1);
		SqlCondition visible = this.visibility
			.predicate("COALESCE(MAX(y.end_owner), MAX(y.change_owner), MAX(y.start_owner))", user);
		boolean restricted = !visible.equals(SqlCondition.TRUE);
		SqlCondition dayCandidates = restricted ? movementCandidates("d.potential_id", dayBefore, to, start, end, user)
				: SqlCondition.TRUE;
		SqlCondition changeCandidates = restricted
				? movementCandidates("h2.potential_id", dayBefore, to, start, end, user) : SqlCondition.TRUE;
		String sql = "SELECT y.potential_id AS id, "
				+ (names ? "(SELECT p.name FROM potentials p WHERE p.id = y.potential_id)"
						: "CAST(NULL AS VARCHAR(200))")
				+ " AS name, MAX(y.at_start) AS at_start, MAX(y.start_amount) AS start_amount,"
				+ " MAX(y.at_end) AS at_end, MAX(y.end_amount) AS end_amount, MAX(y.changed) AS changed,"
				+ " MAX(y.change_kind) AS change_kind, MAX(y.change_event) AS change_event,"
				+ " MAX(y.change_amount) AS change_amount,"
				+ " CASE WHEN MAX(y.at_start) = 1 OR EXISTS (SELECT 1 FROM potential_history b"
				+ " WHERE b.potential_id = y.potential_id AND b.changed_at < ?) THEN 1 ELSE 0 END AS existed"
				+ " FROM (SELECT d.potential_id, CASE WHEN d.period_day = ? THEN 1 END AS at_start,"
				+ " CASE WHEN d.period_day = ? THEN d.amount END AS start_amount,"
				+ " CASE WHEN d.period_day = ? THEN d.owner_id END AS start_owner,"
				+ " CASE WHEN d.period_day = ? THEN 1 END AS at_end,"
				+ " CASE WHEN d.period_day = ? THEN d.amount END AS end_amount,"
				+ " CASE WHEN d.period_day = ? THEN d.owner_id END AS end_owner, CAST(NULL AS INTEGER) AS changed,"
				+ " CAST(NULL AS VARCHAR(10)) AS change_kind, CAST(NULL AS VARCHAR(10)) AS change_event,"
				+ " CAST(NULL AS NUMERIC(19, 2)) AS change_amount, CAST(NULL AS BIGINT) AS change_owner"
				+ " FROM potential_daily_snapshots d WHERE d.period_day IN (?, ?) AND d.kind = 'open'" + " AND "
				+ dayCandidates.sql()
				+ " UNION ALL SELECT h.potential_id, NULL, NULL, NULL, NULL, NULL, NULL, 1, h.stage_kind, h.event,"
				+ " h.amount, h.owner_id FROM potential_history h WHERE h.id IN (SELECT MAX(h2.id)"
				+ " FROM potential_history h2 WHERE h2.changed_at >= ? AND h2.changed_at < ?" + " AND "
				+ changeCandidates.sql() + " GROUP BY h2.potential_id)) y" + " GROUP BY y.potential_id"
				+ (restricted ? " HAVING " + visible.sql() : "");
		List<Object> parameters = new ArrayList<>(
				List.of(start, dayBefore, dayBefore, dayBefore, to, to, to, dayBefore, to));
		parameters.addAll(dayCandidates.parameters());
		parameters.addAll(List.of(start, end));
		parameters.addAll(changeCandidates.parameters());
		if (restricted) {
			parameters.addAll(visible.parameters());
		}
		record Found(MovementRow row, boolean consistent) {
		}
		List<Found> found = this.jdbc.sql(sql).params(parameters).query((rs, rowNum) -> {
			boolean openAtStart = rs.getObject("at_start") != null;
			boolean openAtEnd = rs.getObject("at_end") != null;
			boolean changed = rs.getObject("changed") != null;
			BigDecimal startAmount = rs.getBigDecimal("start_amount");
			MovementRow row = openAtEnd
					? MovementRow.of(rs.getLong("id"), rs.getString("name"), rs.getInt("existed") == 1, openAtStart,
							startAmount, "open", false, rs.getBigDecimal("end_amount"))
					: MovementRow.of(rs.getLong("id"), rs.getString("name"), rs.getInt("existed") == 1, openAtStart,
							startAmount, rs.getString("change_kind"), "deleted".equals(rs.getString("change_event")),
							rs.getBigDecimal("change_amount"));
			boolean consistent = changed || (openAtStart == openAtEnd
					&& (!openAtStart || zero(startAmount).compareTo(zero(row.endAmount())) == 0));
			return new Found(row, consistent);
		}).list();
		if (!found.stream().allMatch(Found::consistent)) {
			return null;
		}
		return found.stream().map(Found::row).filter(MovementRow::counts).toList();
	}

	/**
	 * The opportunities that had an owner the user sees on one of the two days or in one
	 * of the period's history rows.
	 */
	private SqlCondition movementCandidates(String idColumn, LocalDate dayBefore, LocalDate to, Timestamp start,
			Timestamp end, CurrentUser user) {
		SqlCondition onADay = this.visibility.predicate("k.owner_id", user);
		SqlCondition changedBy = this.visibility.predicate("k2.owner_id", user);
		List<Object> parameters = new ArrayList<>(List.of(dayBefore, to));
		parameters.addAll(onADay.parameters());
		parameters.addAll(List.of(start, end));
		parameters.addAll(changedBy.parameters());
		return SqlCondition.of(idColumn + " IN (SELECT k.potential_id FROM potential_daily_snapshots k"
				+ " WHERE k.period_day IN (?, ?) AND k.kind = 'open' AND " + onADay.sql()
				+ " UNION SELECT k2.potential_id FROM potential_history k2 WHERE k2.changed_at >= ?"
				+ " AND k2.changed_at < ? AND " + changedBy.sql() + ")", parameters.toArray());
	}

	private record MovementData(List<MovementRow> rows, boolean fromSnapshots) {
	}

	/**
	 * Average and median days spent in each stage before leaving it, by stage and owner
	 * or business area, for stays that ended between two days.
	 */
	public List<StageTime> timeInStage(LocalDate from, LocalDate to, Grouping grouping, CurrentUser user,
			String language) {
		ZoneId zone = this.snapshots.zone();
		SqlCondition visible = this.visibility.predicate("t.owner_id", user);
		String groupColumn = switch (grouping) {
			case BUSINESS_AREA -> "t.business_area_id";
			case OWNER -> "t.owner_id";
			default -> "CAST(NULL AS BIGINT)";
		};
		String groupLabel = switch (grouping) {
			case BUSINESS_AREA ->
				"(SELECT CASE WHEN ? = 'de' THEN g.name_de ELSE g.name_en END FROM business_areas g WHERE g.id = t.g)";
			case OWNER -> "(SELECT concat_ws(' ', g.first_name, g.last_name) FROM users g WHERE g.id = t.g)";
			default -> "CAST(NULL AS VARCHAR(10))";
		};
		String stays = "SELECT e.potential_id, e.stage_id, e.owner_id, e.business_area_id, e.changed_at AS entered,"
				+ " (SELECT MIN(n.changed_at) FROM potential_history n WHERE n.potential_id = e.potential_id"
				+ " AND n.id > e.id AND (n.stage_id <> e.stage_id OR n.event = 'deleted')) AS left_at"
				+ " FROM potential_history e WHERE e.event = 'created' OR e.stage_id <> e.previous_stage_id";
		String days = "((CAST(EXTRACT(EPOCH FROM t.left_at) AS DOUBLE PRECISION)"
				+ " - CAST(EXTRACT(EPOCH FROM t.entered) AS DOUBLE PRECISION)) / 86400.0)";
		String sql = "SELECT t.stage_id, (SELECT CASE WHEN ? = 'de' THEN s.name_de ELSE s.name_en END FROM pipeline_stages s WHERE s.id = t.stage_id) AS stage,"
				+ " (SELECT s.sort_order FROM pipeline_stages s WHERE s.id = t.stage_id) AS stage_order, t.g, "
				+ groupLabel + " AS label, COUNT(*) AS c, AVG(t.days) AS average_days,"
				+ " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.days) AS median_days" + " FROM (SELECT x.stage_id, "
				+ groupColumn.replace("t.", "x.") + " AS g, x.owner_id, " + days.replace("t.", "x.") + " AS days FROM ("
				+ stays + ") x" + " WHERE x.left_at >= ? AND x.left_at < ?) t WHERE " + visible.sql()
				+ " GROUP BY t.stage_id, t.g ORDER BY stage_order, label";
		List<Object> parameters = new ArrayList<>();
		parameters.add(language);
		if (grouping == Grouping.BUSINESS_AREA) {
			parameters.add(language);
		}
		parameters.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
		parameters.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		parameters.addAll(visible.parameters());
		return this.jdbc.sql(sql)
			.params(parameters)
			.query((rs, rowNum) -> new StageTime(rs.getLong("stage_id"), rs.getString("stage"), rs.getString("label"),
					rs.getLong("c"), rs.getDouble("average_days"), rs.getDouble("median_days")))
			.list();
	}

	/**
	 * How many opportunities reached each stage, or a later one, between two days, and
	 * the rate from each stage to the next. The steps are the open and won stages the
	 * pipeline offers now, in order; an opportunity counts in every step up to the
	 * furthest stage it entered in the period, so one that skipped a stage still counts
	 * in it and no rate exceeds 100 %.
	 */
	public List<FunnelStep> funnel(LocalDate from, LocalDate to, CurrentUser user, String language) {
		ZoneId zone = this.snapshots.zone();
		SqlCondition visible = this.visibility.predicate("h.owner_id", user);
		String sql = "SELECT f.furthest, COUNT(*) AS c FROM (SELECT MAX(s.sort_order) AS furthest"
				+ " FROM potential_history h JOIN pipeline_stages s ON s.id = h.stage_id"
				+ " WHERE (h.event = 'created' OR h.stage_id <> h.previous_stage_id) AND s.kind <> 'lost'"
				+ " AND h.changed_at >= ? AND h.changed_at < ? AND " + visible.sql()
				+ " GROUP BY h.potential_id) f GROUP BY f.furthest";
		List<Object> parameters = new ArrayList<>();
		parameters.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
		parameters.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		parameters.addAll(visible.parameters());
		record Furthest(int sortOrder, long opportunities) {
		}
		List<Furthest> furthest = this.jdbc.sql(sql)
			.params(parameters)
			.query((rs, rowNum) -> new Furthest(rs.getInt("furthest"), rs.getLong("c")))
			.list();
		List<Stage> stages = this.pipeline.offeredStages(PipelineService.POTENTIALS)
			.stream()
			.filter((stage) -> stage.getKind() != StageKind.LOST)
			.toList();
		List<Long> reached = stages.stream()
			.map((stage) -> furthest.stream()
				.filter((f) -> f.sortOrder() >= stage.getSortOrder())
				.mapToLong(Furthest::opportunities)
				.sum())
			.toList();
		Locale locale = Locale.forLanguageTag(language);
		List<FunnelStep> steps = new ArrayList<>();
		for (int i = 0; i < stages.size(); i++) {
			Double rate = (i + 1 < stages.size() && reached.get(i) > 0) ? 100.0 * reached.get(i + 1) / reached.get(i)
					: null;
			steps.add(new FunnelStep(stages.get(i).getId(), stages.get(i).name(locale), reached.get(i), rate));
		}
		return steps;
	}

	private List<Map<String, Object>> opportunities(StateTable table, SqlCondition where) {
		String sql = "SELECT t.potential_id, (SELECT p.name FROM potentials p WHERE p.id = t.potential_id) AS name,"
				+ " t.amount, t.weighted_amount, t.probability, t.expected_close_date,"
				+ " (SELECT concat_ws(' ', u.first_name, u.last_name) FROM users u WHERE u.id = t.owner_id) AS owner"
				+ " FROM " + table.sql() + " WHERE " + where.sql()
				+ " ORDER BY t.amount DESC, t.potential_id LIMIT 1000";
		List<Object> parameters = new ArrayList<>(table.parameters());
		parameters.addAll(where.parameters());
		return this.jdbc.sql(sql).params(parameters).query((rs, rowNum) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", rs.getLong("potential_id"));
			row.put("name", rs.getString("name"));
			row.put("amount", rs.getBigDecimal("amount"));
			row.put("weighted_amount", rs.getBigDecimal("weighted_amount"));
			row.put("probability", rs.getObject("probability"));
			row.put("expected_close_date", rs.getObject("expected_close_date", LocalDate.class));
			row.put("owner", rs.getString("owner"));
			return row;
		}).list();
	}

	private static BigDecimal zero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

	/**
	 * Where the pipeline report read its figures from.
	 */
	public enum PipelineSource {

		/** The opportunities as they are now (for today). */
		CURRENT,
		/** The daily snapshot of the day (BI on). */
		DAY_SNAPSHOT,
		/** The monthly snapshot of the month the day ends. */
		MONTH_SNAPSHOT,
		/** The history rows, as a rebuilt snapshot reads them. */
		HISTORY;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One group of the pipeline report.
	 */
	public record Group(Long id, String label, long count, BigDecimal amount, BigDecimal weighted) {
	}

	/**
	 * The movement report's figures.
	 *
	 * @param from the first day
	 * @param to the last day
	 * @param totals the amount of each figure
	 * @param counts the number of opportunities in each figure
	 * @param fromSnapshots whether the opening and closing pipeline were read from daily
	 * snapshots (else everything came from the history rows)
	 */
	public record Movement(LocalDate from, LocalDate to, Map<String, BigDecimal> totals, Map<String, Long> counts,
			boolean fromSnapshots) {

		public static final List<String> CATEGORIES = List.of("opening", "new", "increased", "decreased", "won", "lost",
				"closing");

		/**
		 * Whether opening + new + increased − decreased − won − lost equals closing.
		 */
		public boolean addsUp() {
			BigDecimal computed = this.totals.get("opening")
				.add(this.totals.get("new"))
				.add(this.totals.get("increased"))
				.subtract(this.totals.get("decreased"))
				.subtract(this.totals.get("won"))
				.subtract(this.totals.get("lost"));
			return computed.compareTo(this.totals.get("closing")) == 0;
		}

	}

	/**
	 * One opportunity in the movement report: whether it was open at the start and at the
	 * end of the period, its amounts then, and whether it left the pipeline won or lost
	 * in between (a deleted one counts as lost, with the amount it had).
	 *
	 * @param id the opportunity
	 * @param name its name, null if it has been deleted since
	 * @param openAtStart whether it was open at the start
	 * @param openAtEnd whether it was open at the end
	 * @param startAmount the amount at the start, null if it was not open then
	 * @param endAmount the amount at the end, or when it was closed or deleted
	 * @param outcome {@code won} or {@code lost} if it left the pipeline in the period,
	 * else null
	 * @param deleted whether it had been deleted by the end
	 */
	public record MovementRow(long id, String name, boolean openAtStart, boolean openAtEnd, BigDecimal startAmount,
			BigDecimal endAmount, String outcome, boolean deleted) {

		/**
		 * Classifies an opportunity from its state at the start and at the end.
		 * @param existedAtStart whether it existed at the start (open, closed or deleted)
		 * @param openAtStart whether it was open at the start
		 * @param endKind the stage kind at the end
		 * @param deletedAtEnd whether it had been deleted by the end
		 */
		static MovementRow of(long id, String name, boolean existedAtStart, boolean openAtStart, BigDecimal startAmount,
				String endKind, boolean deletedAtEnd, BigDecimal endAmount) {
			boolean openAtEnd = "open".equals(endKind) && !deletedAtEnd;
			String outcome = null;
			if (openAtStart && !openAtEnd) {
				outcome = ("won".equals(endKind) && !deletedAtEnd) ? "won" : "lost";
			}
			else if (!existedAtStart && !deletedAtEnd && ("won".equals(endKind) || "lost".equals(endKind))) {
				// Made and closed within the period: it came in, then went out.
				outcome = endKind;
			}
			// The amount of one that was closed at the start is no part of the pipeline.
			return new MovementRow(id, name, openAtStart, openAtEnd, openAtStart ? startAmount : null, endAmount,
					outcome, deletedAtEnd);
		}

		/**
		 * What this opportunity adds to a figure, or null if it is not part of it.
		 */
		public BigDecimal amountIn(String figure) {
			BigDecimal start = zero(this.startAmount);
			BigDecimal end = zero(this.endAmount);
			boolean inPeriod = this.openAtEnd || this.outcome != null;
			int change = end.compareTo(start);
			return switch (figure) {
				case "opening" -> this.openAtStart ? start : null;
				case "closing" -> this.openAtEnd ? end : null;
				case "new" -> (!this.openAtStart && inPeriod) ? end : null;
				case "increased" -> (this.openAtStart && inPeriod && change > 0) ? end.subtract(start) : null;
				case "decreased" -> (this.openAtStart && inPeriod && change < 0) ? start.subtract(end) : null;
				case "won", "lost" -> figure.equals(this.outcome) ? end : null;
				default -> null;
			};
		}

		boolean counts() {
			return this.openAtStart || this.openAtEnd || this.outcome != null;
		}

	}

	/**
	 * Days in one stage, for one group.
	 */
	public record StageTime(long stageId, String stage, String group, long stays, double averageDays,
			double medianDays) {
	}

	/**
	 * One step of the funnel; the rate is to the next step, in percent.
	 */
	public record FunnelStep(long stageId, String stage, long reached, Double rateToNext) {
	}

}
