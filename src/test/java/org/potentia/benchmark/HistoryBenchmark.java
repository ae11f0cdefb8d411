package org.potentia.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.potentia.PotentiaApplication;
import org.potentia.history.HistoryReports;
import org.potentia.history.SnapshotService;
import org.potentia.history.SnapshotsAt;
import org.potentia.platform.security.CurrentUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times the history module on the benchmark data set ({@link BenchmarkData}, PostgreSQL)
 * against the targets of issue 5, and prints the figures as Markdown tables:
 *
 * <ol>
 * <li>the monthly snapshot of the last complete month, taken live by the application's
 * own {@link SnapshotService} (as the scheduler takes it right after the month ends),
 * against a hand-written {@code INSERT … SELECT} of the same opportunities into a copy of
 * the snapshot table (its other periods and indexes included), in turns, several times
 * each in the same run (and, for comparison, the same month rebuilt from the history
 * rows, as after downtime); then the same for yesterday's daily snapshot, taken live now
 * as the scheduler takes it. The data set's dates run to the day it was made, so the
 * month's snapshot taken "at its end" finds the changes of the weeks after it and reads
 * their state at the end from the history; the benchmark prints how many;</li>
 * <li>twelve monthly snapshots and the daily snapshots of that month (and of the day
 * before it), taken if missing, live at each period's end;</li>
 * <li>the report pages <i>pipeline as of a month end</i> and <i>movement between two
 * dates</i> with BI on (so from the daily snapshots), over HTTP as an admin and as a rep,
 * and the movement with BI off (from the history rows) for comparison.</li>
 * </ol>
 *
 * The benchmark starts the application itself (on a free port, scheduled snapshots off)
 * against the database, so that it can run the snapshot service on a clock set to a
 * period's end; the reports go through the pages over HTTP, signed in as
 * {@code bench-admin} and {@code bench-rep-01}.
 *
 * <p>
 * The data set has no history rows; the first run writes them (source {@code import},
 * changed by {@code benchmark}): a {@code created} row for every opportunity at its
 * creation, open (a closed one in an open stage chosen by its id), and for every closed
 * one a {@code changed} row when it was closed. So the history holds every opportunity's
 * state at any moment, as it would in a live system. Opportunities, leads, accounts and
 * contacts are never changed. The BI settings are put back as they were at the end.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@bench-history -Dexec.args="--url=jdbc:postgresql://127.0.0.1:5432/potentia_bench --user=postgres"
 * </pre>
 *
 * Arguments (the database ones also read from the environment): {@code --url}
 * ({@code POTENTIA_DB_URL}), {@code --user} ({@code POTENTIA_DB_USER}),
 * {@code --password} ({@code POTENTIA_DB_PASSWORD}), {@code --month=2026-10} (default the
 * last complete month), {@code --repeat} (5 timings of each snapshot statement),
 * {@code --requests} (20) and {@code --warmup} (3) per report case,
 * {@code --user-password} (the benchmark users' password), {@code --skip-snapshot} to
 * time only the reports.
 */
public final class HistoryBenchmark {

	static final int CHUNK = 100_000;

	static final String SCRATCH = "bench_history_scratch";

	static final List<String> HISTORY_SETTINGS = List.of("history.time_zone", "history.bi_enabled",
			"history.bi_enabled_since", "history.daily_retention_days");

	private static final String HISTORY_COLUMNS = "potential_id, changed_at, changed_by, source, event, stage_id,"
			+ " previous_stage_id, stage_kind, amount, previous_amount, probability, previous_probability,"
			+ " weighted_amount, expected_close_date, previous_close_date, closed_date, owner_id, team_id,"
			+ " business_area_id, account_id";

	/**
	 * The open opportunity stages in order, numbered from 0, and how many there are.
	 */
	private static final String OPEN_STAGES = "SELECT id, probability, ROW_NUMBER() OVER (ORDER BY sort_order, id) - 1 AS i,"
			+ " COUNT(*) OVER () AS n FROM pipeline_stages WHERE module = 'potentials' AND kind = 'open'";

	private final Connection connection;

	private final int repeat;

	private final int requests;

	private final int warmup;

	private HistoryBenchmark(Connection connection, int repeat, int requests, int warmup) {
		this.connection = connection;
		this.repeat = repeat;
		this.requests = requests;
		this.warmup = warmup;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			options.put(arg.substring(2, (equals < 0) ? arg.length() : equals),
					(equals < 0) ? "" : arg.substring(equals + 1));
		}
		String url = option(options, "url", "POTENTIA_DB_URL", "jdbc:postgresql://127.0.0.1:5432/potentia_bench");
		String user = option(options, "user", "POTENTIA_DB_USER", "postgres");
		String password = option(options, "password", "POTENTIA_DB_PASSWORD", "");
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(true);
			HistoryBenchmark benchmark = new HistoryBenchmark(connection,
					Integer.parseInt(options.getOrDefault("repeat", "5")),
					Integer.parseInt(options.getOrDefault("requests", "20")),
					Integer.parseInt(options.getOrDefault("warmup", "3")));
			benchmark.run(url, user, password, options);
		}
	}

	private void run(String url, String user, String password, Map<String, String> options) throws Exception {
		System.out.printf(Locale.ROOT, "Potentia history benchmark on %s, %s, %d cores, load %s%n", url,
				ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), loadAverage());
		System.out.printf(Locale.ROOT, "schema versions applied: %s%n", queryString(
				"SELECT STRING_AGG(version, ', ' ORDER BY installed_rank) FROM flyway_schema_history WHERE success"));
		System.out.printf(Locale.ROOT, "%d opportunities, %d leads, %d history rows, %d snapshot periods%n",
				count("potentials"), count("leads"), count("potential_history"), count("snapshot_periods"));
		prepareHistory();

		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PotentiaApplication.class)
			.profiles("postgres")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--server.port=0", "--potentia.snapshots.enabled=false",
					"--potentia.demo=false", "--spring.thymeleaf.cache=true", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN", "--logging.level.org.potentia.history=INFO");
		try {
			System.out.printf(Locale.ROOT, "application started in %.1f s%n%n", seconds(started));
			SnapshotService snapshots = context.getBean(SnapshotService.class);
			ZoneId zone = snapshots.zone();
			YearMonth month = options.containsKey("month") ? YearMonth.parse(options.get("month"))
					: YearMonth.now(zone).minusMonths(1);
			if (!options.containsKey("skip-snapshot")) {
				timeSnapshots(context, zone, month);
			}
			takeMissing(context, zone, month);
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			timeReports(context, snapshots, month, "http://localhost:" + port,
					options.getOrDefault("user-password", BenchmarkData.PASSWORD));
		}
		finally {
			context.close();
		}
		System.out.printf(Locale.ROOT, "%nload after: %s%n", loadAverage());
	}

	// History rows ---------------------------------------------------------------------

	/**
	 * Writes the history the data set lacks, unless an earlier run has: every
	 * opportunity's creation, open, and the closing of the closed ones, in this order so
	 * that a later row has a larger id.
	 */
	private void prepareHistory() throws SQLException {
		long present = queryLong("SELECT COUNT(*) FROM potential_history WHERE changed_by = 'benchmark'");
		if (present > 0) {
			System.out.printf(Locale.ROOT, "history rows of an earlier run: %d%n", present);
			return;
		}
		long started = System.nanoTime();
		long last = queryLong("SELECT COALESCE(MAX(id), 0) FROM potentials");
		String created = "INSERT INTO potential_history (" + HISTORY_COLUMNS + ") SELECT p.id, p.created_at,"
				+ " 'benchmark', 'import', 'created', CASE WHEN s.kind = 'open' THEN p.stage_id ELSE o.id END, NULL,"
				+ " 'open', p.amount, NULL, CASE WHEN s.kind = 'open' THEN p.probability ELSE o.probability END, NULL,"
				+ " CASE WHEN s.kind = 'open' THEN p.weighted_amount ELSE ROUND(p.amount * o.probability / 100, 2) END,"
				+ " p.expected_close_date, NULL, NULL, p.owner_id, u.team_id, p.business_area_id, p.account_id"
				+ " FROM potentials p JOIN pipeline_stages s ON s.id = p.stage_id JOIN (" + OPEN_STAGES
				+ ") o ON o.i = p.id % o.n LEFT JOIN users u ON u.id = p.owner_id WHERE p.id > ? AND p.id <= ?";
		String closed = "INSERT INTO potential_history (" + HISTORY_COLUMNS + ") SELECT p.id,"
				+ " GREATEST(p.updated_at, p.created_at + INTERVAL '1 minute'), 'benchmark', 'import', 'changed',"
				+ " p.stage_id, o.id, s.kind, p.amount, p.amount, p.probability, o.probability, p.weighted_amount,"
				+ " p.expected_close_date, p.expected_close_date, p.closed_date, p.owner_id, u.team_id,"
				+ " p.business_area_id, p.account_id FROM potentials p"
				+ " JOIN pipeline_stages s ON s.id = p.stage_id AND s.kind <> 'open' JOIN (" + OPEN_STAGES
				+ ") o ON o.i = p.id % o.n LEFT JOIN users u ON u.id = p.owner_id WHERE p.id > ? AND p.id <= ?";
		long rows = 0;
		for (String sql : List.of(created, closed)) {
			for (long from = 0; from < last; from += CHUNK) {
				try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
					statement.setLong(1, from);
					statement.setLong(2, from + CHUNK);
					rows += statement.executeUpdate();
				}
			}
		}
		// As autovacuum would in time: statistics, and the visibility map for index-only
		// scans.
		execute("VACUUM (ANALYZE) potential_history");
		System.out.printf(Locale.ROOT, "wrote %d history rows in %.1f s%n", rows, seconds(started));
	}

	// Snapshots ------------------------------------------------------------------------

	/**
	 * A period of the snapshot tables, and how the application takes it.
	 */
	private record Period(String kind, String table, String column, LocalDate start, LocalDate end,
			Function<SnapshotService, Boolean> take) {

		static Period month(YearMonth month) {
			return new Period("month", "potential_monthly_snapshots", "period_month", month.atDay(1),
					month.plusMonths(1).atDay(1), (snapshots) -> snapshots.takeMonthly(month));
		}

		static Period day(LocalDate day) {
			return new Period("day", "potential_daily_snapshots", "period_day", day, day.plusDays(1),
					(snapshots) -> snapshots.takeDaily(day));
		}

		@Override
		public String toString() {
			return this.kind + " " + this.start;
		}

	}

	/**
	 * The timings of one statement, in seconds, and the rows it wrote.
	 */
	private record Timing(String name, List<Double> seconds, long rows) {
	}

	/**
	 * The application's live monthly snapshot against the hand-written statement (and,
	 * for comparison, the same month rebuilt from the history), then the same for
	 * yesterday's daily snapshot, which is taken live now with the few opportunities
	 * changed since midnight, as in operation. The month is left taken live; the day is
	 * removed again unless it was taken before.
	 */
	private void timeSnapshots(ConfigurableApplicationContext context, ZoneId zone, YearMonth month) throws Exception {
		Period monthly = Period.month(month);
		SnapshotService live = SnapshotsAt.on(context, justAfter(monthly.end(), zone));
		SnapshotService late = SnapshotsAt.on(context,
				Clock.fixed(monthly.end().atStartOfDay(zone).toInstant().plus(Duration.ofDays(2)), zone));
		List<Timing> monthTimings = compare(monthly, live);
		Timing rebuilt = timeTakes("SnapshotService.takeMonthly, rebuilt from the history (after downtime)", monthly,
				late, true, Math.max(1, this.repeat / 2));
		clear(monthly);
		if (!live.takeMonthly(month)) {
			throw new IllegalStateException("the month " + month + " was taken by someone else meanwhile");
		}
		System.out.printf(Locale.ROOT,
				"Monthly snapshot of %s over %d opportunities, %d opportunities changed since the month's end,"
						+ " %d rounds, load %s%n%n",
				month, count("potentials"), changedSince(monthly, zone), this.repeat, loadAverage());
		printTimings(List.of(monthTimings.get(0), monthTimings.get(1), rebuilt));

		Period daily = Period.day(LocalDate.now(zone).minusDays(1));
		boolean existed = taken(daily);
		List<Timing> dayTimings = compare(daily, context.getBean(SnapshotService.class));
		if (!existed) {
			clear(daily);
		}
		System.out.printf(Locale.ROOT,
				"Daily snapshot of %s taken now, %d opportunities changed since the day's end, %d rounds, load %s%n%n",
				daily.start(), changedSince(daily, zone), this.repeat, loadAverage());
		printTimings(dayTimings);
	}

	/**
	 * The application's live snapshot of the period and the hand-written statement, taken
	 * in turns (each first in every other round), each after a VACUUM of its table and a
	 * CHECKPOINT.
	 */
	private List<Timing> compare(Period period, SnapshotService live) throws Exception {
		// A copy with the table's other periods and its indexes, so that both statements
		// add to indexes of the same size: adding to an empty table's indexes is cheaper.
		execute("DROP TABLE IF EXISTS " + SCRATCH);
		execute("CREATE TABLE " + SCRATCH + " (LIKE " + period.table() + " INCLUDING ALL)");
		execute("INSERT INTO " + SCRATCH + " SELECT * FROM " + period.table() + " WHERE " + period.column()
				+ " <> DATE '" + period.start() + "'");
		execute("SELECT setval(pg_get_serial_sequence('" + SCRATCH + "', 'id'), (SELECT MAX(id) FROM " + SCRATCH
				+ "))");
		String handWritten = "INSERT INTO " + SCRATCH + " (" + period.column() + ", potential_id, stage_id, kind,"
				+ " amount, probability, weighted_amount, expected_close_date, closed_date, owner_id, team_id,"
				+ " business_area_id, account_id, rebuilt) SELECT DATE '" + period.start() + "', p.id, p.stage_id,"
				+ " s.kind, p.amount, p.probability, p.weighted_amount, p.expected_close_date, p.closed_date,"
				+ " p.owner_id, u.team_id, p.business_area_id, p.account_id, FALSE FROM potentials p"
				+ " JOIN pipeline_stages s ON s.id = p.stage_id LEFT JOIN users u ON u.id = p.owner_id"
				+ " WHERE s.kind = 'open' OR (p.closed_date >= DATE '" + period.start() + "' AND p.closed_date < DATE '"
				+ period.end() + "')";
		List<Double> app = new ArrayList<>();
		List<Double> hand = new ArrayList<>();
		long appRows = 0;
		long handRows = 0;
		try {
			for (int round = 0; round < this.repeat; round++) {
				for (int step = 0; step < 2; step++) {
					if ((step == 0) == (round % 2 == 0)) {
						app.add(timeTakes("", period, live, false, 1).seconds().get(0));
						appRows = rows(period);
					}
					else {
						execute("DELETE FROM " + SCRATCH + " WHERE " + period.column() + " = DATE '" + period.start()
								+ "'");
						settle(SCRATCH);
						long begin = System.nanoTime();
						handRows = update(handWritten);
						hand.add(seconds(begin));
					}
				}
			}
		}
		finally {
			execute("DROP TABLE IF EXISTS " + SCRATCH);
		}
		String method = period.kind().equals("month") ? "takeMonthly" : "takeDaily";
		return List.of(new Timing("SnapshotService." + method + ", live", app, appRows), new Timing(
				"hand-written INSERT … SELECT into a copy of the table (other periods included)", hand, handRows));
	}

	/**
	 * Takes the period the given number of times, each after removing it.
	 */
	private Timing timeTakes(String name, Period period, SnapshotService snapshots, boolean expectRebuilt, int times)
			throws Exception {
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			clear(period);
			settle(period.table());
			long begin = System.nanoTime();
			boolean taken = period.take().apply(snapshots);
			seconds.add(seconds(begin));
			if (!taken) {
				throw new IllegalStateException("the " + period + " was taken by someone else meanwhile");
			}
			boolean rebuilt = queryLong("SELECT COUNT(*) FROM snapshot_periods WHERE kind = '" + period.kind()
					+ "' AND period = DATE '" + period.start() + "' AND rebuilt") > 0;
			if (rebuilt != expectRebuilt) {
				throw new IllegalStateException("the " + period + " was " + (rebuilt ? "rebuilt" : "taken live"));
			}
		}
		return new Timing(name, seconds, rows(period));
	}

	private void printTimings(List<Timing> timings) {
		System.out.println("| statement | rows | median s | min s | max s | each round, s |");
		System.out.println("|---|---:|---:|---:|---:|---|");
		for (Timing timing : timings) {
			List<Double> sorted = new ArrayList<>(timing.seconds());
			Collections.sort(sorted);
			System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %s |%n", timing.name(), timing.rows(),
					median(sorted), sorted.get(0), sorted.get(sorted.size() - 1),
					timing.seconds()
						.stream()
						.map((value) -> String.format(Locale.ROOT, "%.2f", value))
						.collect(Collectors.joining(" ")));
		}
		System.out.printf(Locale.ROOT, "%nlive snapshot / hand-written, medians: %.2f (target: at most 1.5)%n%n",
				median(timings.get(0).seconds()) / median(timings.get(1).seconds()));
	}

	private void clear(Period period) throws SQLException {
		execute("DELETE FROM " + period.table() + " WHERE " + period.column() + " = DATE '" + period.start() + "'");
		execute("DELETE FROM snapshot_periods WHERE kind = '" + period.kind() + "' AND period = DATE '" + period.start()
				+ "'");
	}

	private boolean taken(Period period) throws SQLException {
		return queryLong("SELECT COUNT(*) FROM snapshot_periods WHERE kind = '" + period.kind()
				+ "' AND period = DATE '" + period.start() + "'") > 0;
	}

	private long rows(Period period) throws SQLException {
		return queryLong("SELECT COUNT(*) FROM " + period.table() + " WHERE " + period.column() + " = DATE '"
				+ period.start() + "'");
	}

	/**
	 * The opportunities changed since the period ended: a live snapshot reads their state
	 * at the end from the history.
	 */
	private long changedSince(Period period, ZoneId zone) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT COUNT(*) FROM potentials WHERE updated_at >= ?")) {
			statement.setTimestamp(1, java.sql.Timestamp.from(period.end().atStartOfDay(zone).toInstant()));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/**
	 * Removes the dead rows of the table and writes every dirty page out, so that one
	 * timing does not pay for the one before.
	 */
	private void settle(String table) throws SQLException {
		execute("VACUUM (ANALYZE) " + table);
		execute("CHECKPOINT");
	}

	// Periods for the reports ----------------------------------------------------------

	/**
	 * Takes the twelve months up to {@code month} and the days of that month (and the day
	 * before it) that are missing, each live at its period's end, as the scheduler would
	 * have.
	 */
	private void takeMissing(ConfigurableApplicationContext context, ZoneId zone, YearMonth month) throws Exception {
		long begin = System.nanoTime();
		int months = 0;
		for (YearMonth m = month.minusMonths(11); !m.isAfter(month); m = m.plusMonths(1)) {
			if (SnapshotsAt.on(context, justAfter(m.plusMonths(1).atDay(1), zone)).takeMonthly(m)) {
				months++;
			}
		}
		int days = 0;
		for (LocalDate d = month.atDay(1).minusDays(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			if (SnapshotsAt.on(context, justAfter(d.plusDays(1), zone)).takeDaily(d)) {
				days++;
			}
		}
		if (months + days > 0) {
			execute("VACUUM (ANALYZE) potential_monthly_snapshots");
			execute("VACUUM (ANALYZE) potential_daily_snapshots");
		}
		System.out.printf(Locale.ROOT,
				"took %d monthly and %d daily snapshots in %.1f s; present: %d months (%d rows), %d days (%d rows)%n%n",
				months, days, seconds(begin), queryLong("SELECT COUNT(*) FROM snapshot_periods WHERE kind = 'month'"),
				count("potential_monthly_snapshots"),
				queryLong("SELECT COUNT(*) FROM snapshot_periods WHERE kind = 'day'"),
				count("potential_daily_snapshots"));
	}

	private static Clock justAfter(LocalDate end, ZoneId zone) {
		return Clock.fixed(end.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(30)), zone);
	}

	// Reports --------------------------------------------------------------------------

	private void timeReports(ConfigurableApplicationContext context, SnapshotService snapshots, YearMonth month,
			String base, String password) throws Exception {
		Map<String, String> saved = savedSettings();
		try {
			snapshots.configure(snapshots.zone(), true, snapshots.retentionDays(), null, "benchmark");
			HistoryReports reports = context.getBean(HistoryReports.class);
			LocalDate from = month.atDay(1);
			LocalDate to = month.atEndOfMonth();
			HistoryReports.Movement movement = reports.movement(from, to, CurrentUser.SYSTEM);
			System.out.printf(Locale.ROOT, "movement %s to %s for everyone: from daily snapshots %s, adds up %s, %s%n",
					from, to, movement.fromSnapshots(), movement.addsUp(), movement.counts());
			if (!movement.fromSnapshots()) {
				System.out.println("WARNING: the movement was not read from the daily snapshots");
			}

			BenchmarkRun http = new BenchmarkRun(base, this.requests, this.warmup);
			List<BenchmarkRun.Session> sessions = List.of(http.signIn("bench-admin", password),
					http.signIn("bench-rep-01", password));
			System.out.printf(Locale.ROOT, "%nReports over HTTP, %d warm-up and %d timed requests each, load %s%n%n",
					this.warmup, this.requests, loadAverage());
			System.out.println("| report | user | median ms | p90 ms | max ms | answer |");
			System.out.println("|---|---|---:|---:|---:|---|");
			String movementPath = "/reports/movement?from=" + from + "&to=" + to;
			for (BenchmarkRun.Session session : sessions) {
				for (String group : List.of("stage", "owner", "team", "business_area")) {
					time("Pipeline as of " + month + " beside " + month.minusMonths(1) + ", by " + group, session,
							"/reports/pipeline?month=" + month + "&compare=" + month.minusMonths(1) + "&group=" + group,
							base);
				}
				time("Movement " + from + " to " + to + " (BI on: daily snapshots)", session, movementPath, base);
			}
			// For comparison only, and slow: one warm-up and three timed requests.
			snapshots.configure(snapshots.zone(), false, snapshots.retentionDays(), null, "benchmark");
			for (BenchmarkRun.Session session : sessions) {
				time("Movement " + from + " to " + to + " (BI off: history rows)", session, movementPath, base, 1, 3);
			}
		}
		finally {
			restoreSettings(saved);
		}
	}

	private void time(String name, BenchmarkRun.Session session, String path, String base) throws Exception {
		time(name, session, path, base, this.warmup, this.requests);
	}

	private void time(String name, BenchmarkRun.Session session, String path, String base, int warmups, int timed)
			throws Exception {
		for (int i = 0; i < warmups; i++) {
			get(session, base + path);
		}
		List<Double> millis = new ArrayList<>();
		int bytes = 0;
		for (int i = 0; i < timed; i++) {
			long start = System.nanoTime();
			bytes = get(session, base + path);
			millis.add((System.nanoTime() - start) / 1_000_000.0);
		}
		Collections.sort(millis);
		System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | 200, %d KB |%n", name, session.role(),
				median(millis), percentile(millis, 90), millis.get(millis.size() - 1), bytes / 1024);
	}

	private static int get(BenchmarkRun.Session session, String url) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = session.browser()
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			String body = new String(response.body(), StandardCharsets.UTF_8);
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
					+ body.substring(0, Math.min(300, body.length())));
		}
		return response.body().length;
	}

	/**
	 * The history settings as they are, to put back at the end (null for a setting that
	 * has no row).
	 */
	private Map<String, String> savedSettings() throws SQLException {
		Map<String, String> saved = new LinkedHashMap<>();
		for (String key : HISTORY_SETTINGS) {
			try (PreparedStatement statement = this.connection
				.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
				statement.setString(1, key);
				try (ResultSet rs = statement.executeQuery()) {
					saved.put(key, rs.next() ? rs.getString(1) : null);
				}
			}
		}
		return saved;
	}

	private void restoreSettings(Map<String, String> saved) throws SQLException {
		for (Map.Entry<String, String> setting : saved.entrySet()) {
			String sql = (setting.getValue() != null) ? "UPDATE settings SET setting_value = ? WHERE setting_key = ?"
					: "DELETE FROM settings WHERE setting_key = ?";
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				int index = 1;
				if (setting.getValue() != null) {
					statement.setString(index++, setting.getValue());
				}
				statement.setString(index, setting.getKey());
				statement.executeUpdate();
			}
		}
	}

	// Helpers --------------------------------------------------------------------------

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int size = sorted.size();
		return (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
	}

	private static double percentile(List<Double> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private long count(String table) throws SQLException {
		return queryLong("SELECT COUNT(*) FROM " + table);
	}

	private long queryLong(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private String queryString(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long update(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			return statement.executeLargeUpdate(sql);
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static String option(Map<String, String> options, String name, String variable, String fallback) {
		String value = options.get(name);
		if (value == null) {
			value = System.getenv(variable);
		}
		return (value != null) ? value : fallback;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
