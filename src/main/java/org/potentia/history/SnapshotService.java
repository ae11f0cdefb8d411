package org.potentia.history;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.ValidationException;
import org.potentia.platform.settings.Settings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the monthly (and, with BI on, daily) snapshots of every opportunity that was open
 * at the end of the period or closed during it. Each period is one set-based
 * {@code INSERT … SELECT}, taken exactly once: its row in {@code snapshot_periods} is
 * inserted in the same transaction, so a second take (another instance, a rerun) fails on
 * the primary key and changes nothing. A period taken right after it ends reads the
 * opportunities themselves (and, for the few changed since the period ended, their
 * history); a period missed while the system was down is rebuilt from the history rows
 * and marked as rebuilt.
 */
@Service
public class SnapshotService {

	static final String TIME_ZONE = "history.time_zone";

	static final String BI_ENABLED = "history.bi_enabled";

	static final String BI_SINCE = "history.bi_enabled_since";

	static final String RETENTION_DAYS = "history.daily_retention_days";

	/**
	 * The settings the history page saves together (the day BI was switched on with
	 * them).
	 */
	private static final List<String> SETTINGS = List.of(TIME_ZONE, BI_ENABLED, BI_SINCE, RETENTION_DAYS);

	static final int DEFAULT_RETENTION_DAYS = 400;

	/**
	 * The shortest retention of daily snapshots an admin may set, in days.
	 */
	public static final int MIN_RETENTION_DAYS = 1;

	/**
	 * The longest retention of daily snapshots an admin may set, in days (ten years).
	 */
	public static final int MAX_RETENTION_DAYS = 3650;

	/**
	 * How long after a period's end its snapshot still counts as taken live.
	 */
	static final Duration LIVE_WINDOW = Duration.ofDays(1);

	private static final Logger logger = LoggerFactory.getLogger(SnapshotService.class);

	/**
	 * The last history row of each opportunity before a moment (the one parameter).
	 */
	private static final String LAST_ROWS_BEFORE = "SELECT MAX(h2.id) FROM potential_history h2 WHERE h2.changed_at < ?"
			+ " GROUP BY h2.potential_id";

	private static final String COLUMNS = "potential_id, stage_id, kind, amount, probability, weighted_amount,"
			+ " expected_close_date, closed_date, owner_id, team_id, business_area_id, account_id, rebuilt";

	private final JdbcClient jdbc;

	private final Settings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	@org.springframework.beans.factory.annotation.Autowired
	SnapshotService(JdbcClient jdbc, Settings settings, TransactionTemplate transactions) {
		this(jdbc, settings, transactions, Clock.systemUTC());
	}

	SnapshotService(JdbcClient jdbc, Settings settings, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	public ZoneId zone() {
		try {
			return this.settings.get(TIME_ZONE).map(ZoneId::of).orElse(ZoneId.systemDefault());
		}
		catch (DateTimeException ex) {
			return ZoneId.systemDefault();
		}
	}

	public boolean isBiEnabled() {
		return this.settings.getBoolean(BI_ENABLED, false);
	}

	public int retentionDays() {
		return this.settings.get(RETENTION_DAYS).map(Integer::parseInt).orElse(DEFAULT_RETENTION_DAYS);
	}

	/**
	 * The day BI was last switched on, if it ever was.
	 */
	public Optional<LocalDate> biEnabledSince() {
		return this.settings.get(BI_SINCE).map(LocalDate::parse);
	}

	/**
	 * The settings' version, for the page to carry.
	 */
	public long settingsVersion() {
		return this.settings.version(SETTINGS);
	}

	/**
	 * Changes the settings, all or none; switching BI on remembers the day, so that daily
	 * snapshots are caught up from then on, not for all of history.
	 * @param seen the version the page showed, or null if it did not say
	 * @throws ValidationException if the retention is outside
	 * {@value #MIN_RETENTION_DAYS}–{@value #MAX_RETENTION_DAYS} days
	 * @throws org.potentia.platform.ConflictException if the settings were changed since
	 */
	public void configure(ZoneId zone, boolean biEnabled, int retentionDays, Long seen, String who) {
		if (retentionDays < MIN_RETENTION_DAYS || retentionDays > MAX_RETENTION_DAYS) {
			throw ValidationException.of("retention_days", "error.history.retention", MIN_RETENTION_DAYS,
					MAX_RETENTION_DAYS);
		}
		this.transactions.executeWithoutResult((status) -> {
			this.settings.checkVersion(SETTINGS, seen);
			if (biEnabled && !isBiEnabled()) {
				this.settings.set(BI_SINCE, LocalDate.now(zone).toString(), who);
			}
			this.settings.set(TIME_ZONE, zone.getId(), who);
			this.settings.set(BI_ENABLED, String.valueOf(biEnabled), who);
			this.settings.set(RETENTION_DAYS, String.valueOf(retentionDays), who);
		});
	}

	/**
	 * Takes every period that has ended and is not taken yet: the job run by the
	 * scheduler.
	 * @return the periods taken now
	 */
	public List<String> catchUp() {
		List<String> taken = new ArrayList<>();
		ZoneId zone = zone();
		YearMonth lastComplete = YearMonth.now(this.clock.withZone(zone)).minusMonths(1);
		Optional<YearMonth> first = firstActivity().map((day) -> YearMonth.from(day.atZone(zone)));
		if (first.isPresent()) {
			for (YearMonth month = first.get(); !month.isAfter(lastComplete); month = month.plusMonths(1)) {
				if (takeMonthly(month)) {
					taken.add("month " + month);
				}
			}
		}
		if (isBiEnabled()) {
			LocalDate yesterday = LocalDate.now(this.clock.withZone(zone)).minusDays(1);
			LocalDate since = this.settings.get(BI_SINCE).map(LocalDate::parse).orElse(yesterday);
			LocalDate oldest = yesterday.minusDays(retentionDays() - 1L);
			LocalDate from = since.minusDays(1).isAfter(oldest) ? since.minusDays(1) : oldest;
			for (LocalDate day = from; !day.isAfter(yesterday); day = day.plusDays(1)) {
				if (takeDaily(day)) {
					taken.add("day " + day);
				}
			}
			pruneDaily(oldest);
		}
		return taken;
	}

	/**
	 * Takes the snapshot of a month, unless it exists.
	 * @return whether it was taken now
	 */
	public boolean takeMonthly(YearMonth month) {
		LocalDate start = month.atDay(1);
		return take(Period.MONTH, start, start.plusMonths(1));
	}

	/**
	 * Takes the snapshot of a day, unless it exists.
	 * @return whether it was taken now
	 */
	public boolean takeDaily(LocalDate day) {
		return take(Period.DAY, day, day.plusDays(1));
	}

	/**
	 * Rebuilds a period from the history even if it could be taken live (tests compare
	 * both ways).
	 */
	boolean rebuild(Period period, LocalDate start) {
		LocalDate end = (period == Period.MONTH) ? start.plusMonths(1) : start.plusDays(1);
		return take(period, start, end, true);
	}

	/**
	 * The periods taken, most recently taken first, a page at a time. The table holds one
	 * row per month and per retained day, a few thousand at most, so sorting it needs no
	 * index.
	 */
	public Page<TakenPeriod> takenPeriods(Pageable pageable) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM snapshot_periods").query(Long.class).single();
		List<TakenPeriod> periods = this.jdbc
			.sql("SELECT kind, period, row_count, rebuilt, taken_at FROM snapshot_periods"
					+ " ORDER BY taken_at DESC, period DESC, kind LIMIT ? OFFSET ?")
			.params(pageable.getPageSize(), pageable.getOffset())
			.query((rs, rowNum) -> new TakenPeriod(rs.getString("kind"), rs.getObject("period", LocalDate.class),
					rs.getLong("row_count"), rs.getBoolean("rebuilt"), rs.getTimestamp("taken_at").toInstant()))
			.list();
		return new PageImpl<>(periods, pageable, total);
	}

	private boolean take(Period period, LocalDate start, LocalDate end) {
		Instant endInstant = end.atStartOfDay(zone()).toInstant();
		Instant now = this.clock.instant();
		if (now.isBefore(endInstant)) {
			throw new IllegalArgumentException("The period starting " + start + " has not ended yet");
		}
		return take(period, start, end, now.isAfter(endInstant.plus(LIVE_WINDOW)));
	}

	private boolean take(Period period, LocalDate start, LocalDate end, boolean rebuild) {
		if (exists(period, start)) {
			return false;
		}
		Instant endInstant = end.atStartOfDay(zone()).toInstant();
		try {
			Long rows = this.transactions.execute((status) -> {
				this.jdbc.sql(
						"INSERT INTO snapshot_periods (kind, period, taken_at, row_count, rebuilt) VALUES (?, ?, ?, 0, ?)")
					.params(period.code, start, Timestamp.from(this.clock.instant()), rebuild)
					.update();
				long count = rebuild ? rebuildRows(period, start, end, endInstant)
						: liveRows(period, start, end, endInstant);
				this.jdbc.sql("UPDATE snapshot_periods SET row_count = ? WHERE kind = ? AND period = ?")
					.params(count, period.code, start)
					.update();
				return count;
			});
			logger.info("Took the {} snapshot of {}{}: {} opportunities", period.code, start,
					rebuild ? " (rebuilt from history)" : "", rows);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another instance took it at the same moment: exactly once either way.
			return false;
		}
	}

	boolean exists(Period period, LocalDate start) {
		return this.jdbc.sql("SELECT COUNT(*) FROM snapshot_periods WHERE kind = ? AND period = ?")
			.params(period.code, start)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The opportunities as they are, for those unchanged since the period ended, plus the
	 * history's state at the period's end for those changed or deleted since.
	 */
	private long liveRows(Period period, LocalDate start, LocalDate end, Instant endInstant) {
		Timestamp endTime = Timestamp.from(endInstant);
		long unchanged = this.jdbc.sql("INSERT INTO " + period.table + " (" + period.column + ", " + COLUMNS + ")"
				+ " SELECT ?, p.id, p.stage_id, s.kind, p.amount, p.probability, p.weighted_amount,"
				+ " p.expected_close_date, p.closed_date, p.owner_id, u.team_id, p.business_area_id, p.account_id, FALSE"
				+ " FROM potentials p JOIN pipeline_stages s ON s.id = p.stage_id LEFT JOIN users u ON u.id = p.owner_id"
				+ " WHERE p.updated_at < ? AND (s.kind = 'open' OR (p.closed_date >= ? AND p.closed_date < ?))")
			.params(start, endTime, start, end)
			.update();
		// The last row before the end is looked up for each of the few opportunities
		// changed since, through the index on (potential_id, changed_at), rather than for
		// every opportunity and then thrown away for all but those few.
		long changedSince = this.jdbc.sql(historyInsert(period, false,
				"SELECT (SELECT MAX(h2.id) FROM potential_history h2 WHERE h2.potential_id = c.id AND h2.changed_at < ?)"
						+ " FROM (SELECT p.id FROM potentials p WHERE p.updated_at >= ? UNION SELECT hd.potential_id"
						+ " FROM potential_history hd WHERE hd.event = 'deleted' AND hd.changed_at >= ?) c"))
			.params(start, endTime, endTime, endTime, start, end)
			.update();
		return unchanged + changedSince;
	}

	private long rebuildRows(Period period, LocalDate start, LocalDate end, Instant endInstant) {
		return this.jdbc.sql(historyInsert(period, true, LAST_ROWS_BEFORE))
			.params(start, Timestamp.from(endInstant), start, end)
			.update();
	}

	/**
	 * Each opportunity's state now, with the columns of the snapshot tables: what a
	 * snapshot taken now would hold.
	 */
	static String currentState() {
		return "SELECT p.id AS potential_id, p.stage_id, s.kind, p.amount, p.probability, p.weighted_amount,"
				+ " p.expected_close_date, p.closed_date, p.owner_id, u.team_id, p.business_area_id, p.account_id"
				+ " FROM potentials p JOIN pipeline_stages s ON s.id = p.stage_id LEFT JOIN users u ON u.id = p.owner_id";
	}

	/**
	 * Each opportunity's state at a moment (the one parameter), as a rebuilt snapshot
	 * holds it, with the columns of the snapshot tables: the last history row before the
	 * moment, unless the opportunity had been deleted by then. The pipeline report reads
	 * it for a day that no snapshot covers.
	 */
	static String stateFromHistory() {
		return "SELECT h.potential_id, h.stage_id, h.stage_kind AS kind, h.amount, h.probability, h.weighted_amount,"
				+ " h.expected_close_date, h.closed_date, h.owner_id, h.team_id, h.business_area_id, h.account_id"
				+ " FROM potential_history h WHERE h.id IN (" + LAST_ROWS_BEFORE + ") AND h.event <> 'deleted'";
	}

	/**
	 * The history rows with the given ids (each an opportunity's last row before the
	 * period's end), if the opportunity then existed and was open, or closed during the
	 * period.
	 */
	private static String historyInsert(Period period, boolean rebuilt, String lastRows) {
		return "INSERT INTO " + period.table + " (" + period.column + ", " + COLUMNS + ")"
				+ " SELECT ?, h.potential_id, h.stage_id, h.stage_kind, h.amount, h.probability, h.weighted_amount,"
				+ " h.expected_close_date, h.closed_date, h.owner_id, h.team_id, h.business_area_id, h.account_id, "
				+ (rebuilt ? "TRUE" : "FALSE") + " FROM potential_history h WHERE h.id IN (" + lastRows + ")"
				+ " AND h.event <> 'deleted' AND (h.stage_kind = 'open' OR (h.closed_date >= ? AND h.closed_date < ?))";
	}

	/**
	 * When the first history row was written; empty on a new installation, whose
	 * {@code MIN} is one row holding null (which {@code single()} would refuse).
	 */
	private Optional<Instant> firstActivity() {
		return this.jdbc.sql("SELECT MIN(changed_at) FROM potential_history")
			.query((rs, rowNum) -> rs.getTimestamp(1))
			.optional()
			.map(Timestamp::toInstant);
	}

	private void pruneDaily(LocalDate oldest) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM potential_daily_snapshots WHERE period_day < ?").param(oldest).update();
			this.jdbc.sql("DELETE FROM snapshot_periods WHERE kind = 'day' AND period < ?").param(oldest).update();
		});
	}

	/**
	 * A period whose snapshot has been taken.
	 *
	 * @param kind {@code month} or {@code day}
	 * @param period the month's first day, or the day
	 * @param rows how many opportunities the snapshot holds
	 * @param rebuilt whether it was rebuilt from the history (taken late)
	 * @param takenAt when it was taken
	 */
	public record TakenPeriod(String kind, LocalDate period, long rows, boolean rebuilt, Instant takenAt) {

		public boolean isMonth() {
			return Period.MONTH.code.equals(this.kind);
		}

	}

	/**
	 * The two kinds of period.
	 */
	enum Period {

		MONTH("month", "potential_monthly_snapshots", "period_month"),
		DAY("day", "potential_daily_snapshots", "period_day");

		final String code;

		final String table;

		final String column;

		Period(String code, String table, String column) {
			this.code = code;
			this.table = table;
			this.column = column;
		}

	}

}
