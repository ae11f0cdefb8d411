package org.potentia.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The forecast module on the benchmark data set: generates its rows and times its pages.
 *
 * <p>
 * {@link #generate} (a step of {@link BenchmarkData}, or {@code --generate} here on a
 * database that already holds the data set) writes, by {@code INSERT … SELECT}: six
 * monthly invoicing forecast rows per opportunity from its billing start (or close date),
 * together its amount; for the first 20,000 accounts (scaled) over three years (last
 * year, this year, next year) and five business areas, a budget and a rolling forecast
 * per month and area, billing for the months that have passed, and two versions of each
 * forecast (three months and one month before its month). Every tenth account is in USD.
 *
 * <p>
 * The timing run signs in over HTTP as {@code bench-admin} and {@code bench-rep-01} to a
 * running Potentia (as {@link BenchmarkRun}), and times in turns the account card's chart
 * fragment (for an account of the rep), the forecast report for a year grouped by owner
 * as the admin and as the rep, and the same figures by hand-written SQL on the database
 * (over the rows, and over the totals PostgreSQL keeps), and the billing bulk upsert of
 * 10,000 rows ({@code --bulk-rounds}, 3 by default).
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@bench-forecast -Dexec.args="--generate --scale=0.1"
 * ./mvnw -q test-compile exec:java@bench-forecast -Dexec.args="--base=http://localhost:8093"
 * </pre>
 */
public final class ForecastBenchmark {

	static final int AREAS = 5;

	static final int MONTHS = 36;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			options.put(arg.substring(2, (equals < 0) ? arg.length() : equals),
					(equals < 0) ? "" : arg.substring(equals + 1));
		}
		String url = BenchmarkData.option(options, "url", "POTENTIA_DB_URL",
				"jdbc:postgresql://127.0.0.1:5432/potentia_bench");
		String user = BenchmarkData.option(options, "user", "POTENTIA_DB_USER", "postgres");
		String password = BenchmarkData.option(options, "password", "POTENTIA_DB_PASSWORD", "");
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(true);
			if (options.containsKey("generate")) {
				double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
				LocalDate today = options.containsKey("today") ? LocalDate.parse(options.get("today"))
						: LocalDate.now(ZoneOffset.UTC);
				Instant start = Instant.now();
				generate(connection, Dialect.of(url), scale, today);
				System.out.printf(Locale.ROOT, "forecast rows generated in %.1f s%n",
						Duration.between(start, Instant.now()).toMillis() / 1000.0);
				return;
			}
			time(connection, options);
		}
	}

	/**
	 * Writes the forecast rows of the data set, replacing any there are.
	 */
	static void generate(Connection connection, Dialect dialect, double scale, LocalDate today) throws SQLException {
		for (String table : List.of("potential_forecasts", "account_forecast_versions", "account_forecasts",
				"account_budgets", "account_budget_locks", "billing")) {
			execute(connection, "DELETE FROM " + table);
		}
		List<Long> areas = longs(connection, "SELECT id FROM business_areas ORDER BY sort_order, id");
		for (int i = areas.size(); i < AREAS; i++) {
			execute(connection,
					"INSERT INTO business_areas (name_en, name_de, sort_order, created_at, updated_at)"
							+ " VALUES ('Bench area " + i + "', 'Bench-Bereich " + i + "', " + (100 + i)
							+ ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
		}
		areas = longs(connection, "SELECT id FROM business_areas ORDER BY sort_order, id").subList(0, AREAS);
		String area = "CASE MOD(x - 1, " + AREAS + ")";
		for (int i = 0; i < AREAS; i++) {
			area += " WHEN " + i + " THEN " + areas.get(i);
		}
		area += " END";
		String month0 = "DATE '" + LocalDate.of(today.getYear() - 1, 1, 1) + "'";
		String thisMonth = "DATE '" + today.withDayOfMonth(1) + "'";

		// Six months from the billing start (or close date, or the creation) per
		// opportunity, the amount spread evenly, the remainder on the first month.
		long potentials = longs(connection, "SELECT COALESCE(MAX(id), 0) FROM potentials").get(0);
		long firstPotential = longs(connection, "SELECT COALESCE(MIN(id), 1) FROM potentials").get(0);
		for (long from = firstPotential; from <= potentials; from += 100_000) {
			long to = Math.min(potentials, from + 99_999);
			Instant start = Instant.now();
			String start0 = dialect
				.monthStart("COALESCE(p.billing_start_date, p.expected_close_date, CAST(p.created_at AS DATE))");
			int rows = update(connection,
					"INSERT INTO potential_forecasts (potential_id, forecast_month,"
							+ " business_area_id, amount, created_at, updated_at) SELECT p.id, "
							+ dialect.plusMonths(start0, "k.x - 1") + ", p.business_area_id,"
							+ " CASE WHEN k.x = 1 THEN COALESCE(p.amount, 0) - 5 * ROUND(COALESCE(p.amount, 0) / 6, 2)"
							+ " ELSE ROUND(COALESCE(p.amount, 0) / 6, 2) END, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
							+ " FROM potentials p CROSS JOIN "
							+ dialect.series(1, 6).replace(" g(x)", " k(x)").replace(") g", ") k")
							+ " WHERE p.id BETWEEN " + from + " AND " + to);
			System.out.printf(Locale.ROOT, "  potential_forecasts %,d-%,d: %,d rows in %.1f s%n", from, to, rows,
					Duration.between(start, Instant.now()).toMillis() / 1000.0);
		}

		// Accounts: the first ones by id, each with every month and area.
		long accounts = Math.max(10, Math.round(20_000 * scale));
		long firstAccount = longs(connection, "SELECT COALESCE(MIN(id), 1) FROM accounts").get(0);
		long perAccount = (long) MONTHS * AREAS;
		long total = accounts * perAccount;
		String account = "(" + firstAccount + " + (x - 1) / " + perAccount + ")";
		String month = dialect.plusMonths(month0, "MOD((x - 1) / " + AREAS + ", " + MONTHS + ")");
		String currency = "CASE WHEN MOD(" + account + ", 10) = 0 THEN 'USD' ELSE 'EUR' END";
		String amount = "CAST(500 + MOD(x * 7919, 20000) AS NUMERIC(19, 2))";
		String forecast = "CAST(ROUND(" + amount + " * (80 + MOD(x * 31, 40)) / 100, 2) AS NUMERIC(19, 2))";
		String billed = "CAST(ROUND(" + amount + " * (70 + MOD(x * 17, 50)) / 100, 2) AS NUMERIC(19, 2))";
		for (long from = 1; from <= total; from += 500_000) {
			long to = Math.min(total, from + 499_999);
			Instant start = Instant.now();
			String rows = " FROM " + dialect.series(from, to);
			int budgets = update(connection,
					"INSERT INTO account_budgets (account_id, budget_month, business_area_id, amount, currency,"
							+ " created_at, updated_at) SELECT " + account + ", " + month + ", " + area + ", " + amount
							+ ", " + currency + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP" + rows);
			update(connection,
					"INSERT INTO account_forecasts (account_id, forecast_month, business_area_id, amount, currency,"
							+ " created_at, updated_at) SELECT " + account + ", " + month + ", " + area + ", "
							+ forecast + ", " + currency + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP" + rows);
			// Two versions: three months before the month (the budget), one month before
			// (the forecast as it is now).
			update(connection,
					"INSERT INTO account_forecast_versions (account_id, forecast_month, business_area_id, amount,"
							+ " currency, valid_from, changed_by) SELECT " + account + ", " + month + ", " + area + ", "
							+ amount + ", " + currency + ", CAST(" + dialect.plusMonths(month, "-3")
							+ " AS TIMESTAMP), 'benchmark'" + rows);
			update(connection,
					"INSERT INTO account_forecast_versions (account_id, forecast_month, business_area_id, amount,"
							+ " currency, valid_from, changed_by) SELECT " + account + ", " + month + ", " + area + ", "
							+ forecast + ", " + currency + ", CAST(" + dialect.plusMonths(month, "-1")
							+ " AS TIMESTAMP), 'benchmark'" + rows);
			int billing = update(connection,
					"INSERT INTO billing (account_id, billing_month, business_area_id, amount, currency,"
							+ " invoice_number, external_id, created_at, updated_at) SELECT " + account + ", " + month
							+ ", " + area + ", " + billed + ", " + currency
							+ ", CONCAT('INV-', CAST(x AS VARCHAR(20))),"
							+ " CONCAT('erp-', CAST(x AS VARCHAR(20))), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP" + rows
							+ " WHERE " + month + " < " + thisMonth);
			System.out.printf(Locale.ROOT,
					"  accounts' rows %,d-%,d: %,d budgets (as many forecasts, twice as many"
							+ " versions), %,d billing in %.1f s%n",
					from, to, budgets, billing, Duration.between(start, Instant.now()).toMillis() / 1000.0);
		}
		execute(connection, dialect.analyze("potential_forecasts", "account_budgets", "account_forecasts",
				"account_forecast_versions", "billing"));
	}

	private static void time(Connection connection, Map<String, String> options) throws Exception {
		String base = options.getOrDefault("base", "http://localhost:8093");
		int requests = Integer.parseInt(options.getOrDefault("requests", "20"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
		int year = Integer.parseInt(options.getOrDefault("year", String.valueOf(LocalDate.now().getYear())));
		String password = options.getOrDefault("password-users", BenchmarkData.PASSWORD);
		BenchmarkRun run = new BenchmarkRun(base, requests, warmup);
		BenchmarkRun.Session rep = run.signIn("bench-rep-01", password);
		BenchmarkRun.Session admin = run.signIn("bench-admin", password);
		long account = longs(connection, "SELECT MIN(b.account_id) FROM account_budgets b JOIN accounts a"
				+ " ON a.id = b.account_id WHERE a.owner_id = " + rep.userId())
			.get(0);
		String from = "DATE '" + year + "-01-01'";
		String to = "DATE '" + (year + 1) + "-01-01'";

		String accountSql = "SELECT currency, m, SUM(budget), SUM(forecast), SUM(billing), SUM(committed),"
				+ " SUM(weighted), SUM(unweighted) FROM ("
				+ "SELECT currency, budget_month AS m, amount AS budget, 0 AS forecast, 0 AS billing, 0 AS committed,"
				+ " 0 AS weighted, 0 AS unweighted FROM account_budgets WHERE account_id = " + account
				+ " AND budget_month >= " + from + " AND budget_month < " + to
				+ " UNION ALL SELECT currency, forecast_month, 0, amount, 0, 0, 0, 0 FROM account_forecasts"
				+ " WHERE account_id = " + account + " AND forecast_month >= " + from + " AND forecast_month < " + to
				+ " UNION ALL SELECT currency, billing_month, 0, 0, amount, 0, 0, 0 FROM billing WHERE account_id = "
				+ account + " AND billing_month >= " + from + " AND billing_month < " + to
				+ " UNION ALL SELECT p.currency, f.forecast_month, 0, 0, 0,"
				+ " CASE WHEN s.kind = 'won' THEN f.amount ELSE 0 END,"
				+ " CASE WHEN s.kind = 'open' THEN f.amount * COALESCE(p.probability, 0) / 100 ELSE 0 END,"
				+ " CASE WHEN s.kind = 'open' THEN f.amount ELSE 0 END FROM potential_forecasts f"
				+ " JOIN potentials p ON p.id = f.potential_id JOIN pipeline_stages s ON s.id = p.stage_id"
				+ " WHERE p.account_id = " + account + " AND s.kind <> 'lost' AND f.forecast_month >= " + from
				+ " AND f.forecast_month < " + to + ") x GROUP BY currency, m";
		List<Case> cases = List.of(
				new Case("account card chart fragment", "rep", rep, "/accounts/" + account + "/figures?year=" + year,
						true, accountSql, null),
				new Case("forecast report, year, by owner", "admin", admin,
						"/reports/forecast?year=" + year + "&group=owner", false, reportSql(from, to, null, null),
						totalsSql(from, to, null, null)),
				new Case("forecast report, year, by owner", "rep", rep,
						"/reports/forecast?year=" + year + "&group=owner", false,
						reportSql(from, to, rep.userId(), null), totalsSql(from, to, rep.userId(), null)),
				new Case("forecast report, year, by owner, customers", "admin", admin,
						"/reports/forecast?year=" + year + "&group=owner&type=customer", false,
						reportSql(from, to, null, "customer"), totalsSql(from, to, null, "customer")));
		System.out.println("| case | user | HTTP median ms | HTTP p90 ms | rows SQL median ms | ratio to rows SQL"
				+ " | kept totals SQL median ms |");
		System.out.println("|---|---|---:|---:|---:|---:|---:|");
		for (Case c : cases) {
			List<Double> http = new ArrayList<>();
			List<Double> sql = new ArrayList<>();
			List<Double> totals = new ArrayList<>();
			for (int i = 0; i < warmup + requests; i++) {
				double h = http(base, c);
				double s = sql(connection, c.sql());
				double t = (c.totalsSql() != null) ? sql(connection, c.totalsSql()) : Double.NaN;
				if (i >= warmup) {
					http.add(h);
					sql.add(s);
					totals.add(t);
				}
			}
			Collections.sort(http);
			Collections.sort(sql);
			Collections.sort(totals);
			double httpMedian = http.get(http.size() / 2);
			double sqlMedian = sql.get(sql.size() / 2);
			System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.2f | %s |%n", c.name(), c.role(),
					httpMedian, http.get((int) Math.floor(http.size() * 0.9)), sqlMedian, httpMedian / sqlMedian,
					(c.totalsSql() != null) ? String.format(Locale.ROOT, "%.0f", totals.get(totals.size() / 2))
							: "n/a");
		}
		bulk(connection, admin, base, Integer.parseInt(options.getOrDefault("bulk-rounds", "3")), year);
	}

	/**
	 * Times {@code POST /api/v1/billing/bulk} with 10,000 rows as the admin: rows that
	 * are new, the same body again (nothing changes), and every amount changed; a few
	 * rounds each with its own external ids, removed afterwards.
	 */
	private static void bulk(Connection connection, BenchmarkRun.Session admin, String base, int rounds, int year)
			throws Exception {
		List<Long> accounts = longs(connection, "SELECT id FROM accounts ORDER BY id FETCH FIRST 170 ROWS ONLY");
		List<Long> areas = longs(connection, "SELECT id FROM business_areas ORDER BY id");
		String prefix = "bench-bulk-" + System.currentTimeMillis();
		List<Double> created = new ArrayList<>();
		List<Double> unchanged = new ArrayList<>();
		List<Double> updated = new ArrayList<>();
		try {
			for (int round = 0; round < rounds; round++) {
				String first = bulkBody(prefix + "-" + round, accounts, areas, year, 100);
				created.add(post(base, admin, first));
				unchanged.add(post(base, admin, first));
				updated.add(post(base, admin, bulkBody(prefix + "-" + round, accounts, areas, year, 200)));
			}
		}
		finally {
			update(connection, "DELETE FROM billing WHERE external_id LIKE '" + prefix + "-%'");
		}
		System.out.println();
		System.out.println("| billing bulk upsert, 10,000 rows | median ms | max ms |");
		System.out.println("|---|---:|---:|");
		for (Map.Entry<String, List<Double>> entry : Map
			.of("all new", created, "the same again (unchanged)", unchanged, "every amount changed", updated)
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.toList()) {
			List<Double> times = new ArrayList<>(entry.getValue());
			Collections.sort(times);
			System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", entry.getKey(), times.get(times.size() / 2),
					times.get(times.size() - 1));
		}
	}

	private static String bulkBody(String prefix, List<Long> accounts, List<Long> areas, int year, int amount) {
		StringBuilder body = new StringBuilder("{\"data\":[");
		for (int i = 0; i < 10_000; i++) {
			long account = accounts.get(i % accounts.size());
			long area = areas.get((i / accounts.size()) % areas.size());
			int month = 1 + (i / (accounts.size() * areas.size())) % 12;
			body.append((i > 0) ? "," : "")
				.append("{\"type\":\"billing\",\"attributes\":{\"external_id\":\"")
				.append(prefix)
				.append('-')
				.append(i)
				.append("\",\"account_id\":")
				.append(account)
				.append(",\"billing_month\":\"")
				.append(String.format(Locale.ROOT, "%d-%02d-01", year, month))
				.append("\",\"business_area_id\":")
				.append(area)
				.append(",\"amount\":")
				.append(amount + (i % 7))
				.append(",\"currency\":\"EUR\",\"invoice_number\":\"")
				.append(prefix)
				.append('-')
				.append(i)
				.append("\"}}");
		}
		return body.append("]}").toString();
	}

	private static double post(String base, BenchmarkRun.Session session, String body) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = session.browser()
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/billing/bulk"))
				.timeout(Duration.ofSeconds(120))
				.header("Authorization", "Bearer " + session.token())
				.header("Content-Type", "application/vnd.api+json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		double millis = (System.nanoTime() - start) / 1e6;
		if (response.statusCode() != 200 && response.statusCode() != 201) {
			throw new IllegalStateException("the bulk upsert answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return millis;
	}

	/**
	 * The report's figures grouped by owner, by hand, from the totals PostgreSQL keeps
	 * (migration {@code V34_1}), over all owners or one.
	 */
	private static String totalsSql(String from, String to, Long owner, String type) {
		return "SELECT owner_id, currency, SUM(CASE WHEN figure = 'budget' THEN amount ELSE 0 END),"
				+ " SUM(CASE WHEN figure = 'forecast' THEN amount ELSE 0 END),"
				+ " SUM(CASE WHEN figure = 'billing' THEN amount ELSE 0 END),"
				+ " SUM(CASE WHEN figure = 'won' THEN amount ELSE 0 END),"
				+ " SUM(CASE WHEN figure = 'open' THEN weighted100 ELSE 0 END) / 100,"
				+ " SUM(CASE WHEN figure = 'open' THEN amount ELSE 0 END) FROM forecast_totals WHERE month >= " + from
				+ " AND month < " + to + ((owner != null) ? " AND owner_id = " + owner : "")
				+ ((type != null) ? " AND account_type = '" + type + "'" : "") + " GROUP BY owner_id, currency";
	}

	/**
	 * The report's figures grouped by owner, by hand, over all accounts or one owner's.
	 */
	private static String reportSql(String from, String to, Long owner, String type) {
		String accounts = ((owner != null) ? " AND a.owner_id = " + owner : "")
				+ ((type != null) ? " AND a.account_type = '" + type + "'" : "");
		String opportunities = ((owner != null) ? " AND p.owner_id = " + owner : "") + ((type != null)
				? " AND p.account_id IN (SELECT t.id FROM accounts t WHERE t.account_type = '" + type + "')" : "");
		return "SELECT owner_id, currency, SUM(budget), SUM(forecast), SUM(billing), SUM(committed), SUM(weighted),"
				+ " SUM(unweighted) FROM ("
				+ "SELECT a.owner_id, b.currency, b.amount AS budget, 0 AS forecast, 0 AS billing, 0 AS committed,"
				+ " 0 AS weighted, 0 AS unweighted FROM account_budgets b JOIN accounts a ON a.id = b.account_id"
				+ " WHERE b.budget_month >= " + from + " AND b.budget_month < " + to + accounts
				+ " UNION ALL SELECT a.owner_id, b.currency, 0, b.amount, 0, 0, 0, 0 FROM account_forecasts b"
				+ " JOIN accounts a ON a.id = b.account_id WHERE b.forecast_month >= " + from
				+ " AND b.forecast_month < " + to + accounts
				+ " UNION ALL SELECT a.owner_id, b.currency, 0, 0, b.amount, 0, 0, 0 FROM billing b"
				+ " JOIN accounts a ON a.id = b.account_id WHERE b.billing_month >= " + from + " AND b.billing_month < "
				+ to + accounts
				+ " UNION ALL SELECT p.owner_id, p.currency, 0, 0, 0, CASE WHEN s.kind = 'won' THEN f.amount ELSE 0 END,"
				+ " CASE WHEN s.kind = 'open' THEN f.amount * COALESCE(p.probability, 0) / 100 ELSE 0 END,"
				+ " CASE WHEN s.kind = 'open' THEN f.amount ELSE 0 END FROM potential_forecasts f"
				+ " JOIN potentials p ON p.id = f.potential_id JOIN pipeline_stages s ON s.id = p.stage_id"
				+ " WHERE s.kind <> 'lost' AND f.forecast_month >= " + from + " AND f.forecast_month < " + to
				+ opportunities + ") x GROUP BY owner_id, currency";
	}

	record Case(String name, String role, BenchmarkRun.Session session, String path, boolean htmx, String sql,
			String totalsSql) {
	}

	private static double http(String base, Case c) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.path()))
			.timeout(Duration.ofSeconds(120));
		if (c.htmx()) {
			request.header("HX-Request", "true");
		}
		long start = System.nanoTime();
		HttpResponse<byte[]> response = c.session()
			.browser()
			.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		double millis = (System.nanoTime() - start) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(c.path() + " answered " + response.statusCode());
		}
		return millis;
	}

	private static double sql(Connection connection, String sql) throws SQLException {
		long start = System.nanoTime();
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				rs.getObject(1);
			}
		}
		return (System.nanoTime() - start) / 1e6;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int update(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			return statement.executeUpdate(sql);
		}
	}

	private static List<Long> longs(Connection connection, String sql) throws SQLException {
		List<Long> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getLong(1));
			}
		}
		return values;
	}

}
