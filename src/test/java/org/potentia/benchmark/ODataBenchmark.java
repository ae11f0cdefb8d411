package org.potentia.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.potentia.PotentiaApplication;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Times the OData feed on the benchmark data set ({@link BenchmarkData}, PostgreSQL)
 * against the hand-written SQL of the same page (issue 10: within 1.3x), and prints the
 * figures as a Markdown table.
 *
 * <p>
 * Each case is a page of 1,000 potentials with a filter ({@code amount gt 10000 and
 * expected_close_date ge 2026-01-01} unless {@code --filter}/{@code --amount}/
 * {@code --since} say otherwise), all fields, in the feed's default order (the module's
 * default sort, the expected close date, then the id): the first page, and the page after
 * {@code --deep} (5,000) rows, as {@code bench-admin}, {@code bench-manager-1} and
 * {@code bench-rep-01}. The feed is asked over HTTP with an API token
 * ({@code Accept: application/json;odata.metadata=minimal}, as Power BI asks) and the
 * answer read whole; the SQL is one statement over JDBC with the same columns, the same
 * visibility predicate written out by hand (the rep's own records, the manager's team's),
 * {@code LIMIT 1000 OFFSET n}, values bound as the application binds them, every value
 * read, in the same order; and the feed's own statement written by hand the same way (the
 * same statement for the first two pages, further on the page's ids first, then their
 * columns). The three run in turns after warm-up.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@bench-odata -Dexec.args="--url=jdbc:postgresql://127.0.0.1:5432/potentia_bench --user=postgres"
 * </pre>
 *
 * Arguments: {@code --url}, {@code --user}, {@code --password} (also from
 * {@code POTENTIA_DB_URL}, {@code POTENTIA_DB_USER}, {@code POTENTIA_DB_PASSWORD}),
 * {@code --requests} (20 timed turns per case), {@code --warmup} (5),
 * {@code --user-password} (the benchmark users' password), {@code --users} (the users to
 * time, comma-separated; {@code bench-admin,bench-manager-1,bench-rep-01}).
 */
public final class ODataBenchmark {

	private static final int PAGE = 1000;

	private final Connection connection;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final int requests;

	private final int warmup;

	private ODataBenchmark(Connection connection, int requests, int warmup) {
		this.connection = connection;
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
			new ODataBenchmark(connection, Integer.parseInt(options.getOrDefault("requests", "20")),
					Integer.parseInt(options.getOrDefault("warmup", "5")))
				.run(url, user, password, options);
		}
	}

	private static String option(Map<String, String> options, String name, String variable, String fallback) {
		if (options.containsKey(name)) {
			return options.get(name);
		}
		String value = System.getenv(variable);
		return (value != null) ? value : fallback;
	}

	private void run(String url, String user, String password, Map<String, String> options) throws Exception {
		System.out.printf(Locale.ROOT, "Potentia OData benchmark on %s, %s, %d cores, load %s%n", url,
				ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), loadAverage());
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PotentiaApplication.class)
			.profiles("postgres")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--server.port=0", "--potentia.snapshots.enabled=false",
					"--potentia.demo=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
		try {
			System.out.printf(Locale.ROOT, "application started in %.1f s%n%n", (System.nanoTime() - started) / 1e9);
			String base = "http://localhost" + ":"
					+ context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			ModuleDefinition potentials = context.getBean(Catalogue.class).get("potentials");
			List<Field> fields = potentials.fields();
			// The feed's default order: the module's default sort, then the id.
			String order = "t." + potentials.field(potentials.defaultSort()).orElseThrow().column() + ", t.id";
			String userPassword = options.getOrDefault("user-password", BenchmarkData.PASSWORD);
			BigDecimalText amount = new BigDecimalText(options.getOrDefault("amount", "10000"));
			LocalDate since = LocalDate.parse(options.getOrDefault("since", "2026-01-01"));
			long deep = Long.parseLong(options.getOrDefault("deep", "5000"));
			String filter = "amount gt " + amount.text() + " and expected_close_date ge " + since;
			System.out.printf(Locale.ROOT, "filter: %s; %d potentials match%n", filter,
					queryLong("SELECT COUNT(*) FROM potentials WHERE amount > " + amount.text()
							+ " AND expected_close_date >= DATE '" + since + "'"));
			List<String[]> table = new ArrayList<>();
			for (String username : options.getOrDefault("users", "bench-admin,bench-manager-1,bench-rep-01")
				.split(",")) {
				String token = token(base, username, userPassword);
				Visible visible = visible(username);
				System.out.printf(Locale.ROOT, "%s sees %d matching potentials%n", username,
						queryLong("SELECT COUNT(*) FROM potentials t WHERE " + visible.sql(amount, since)));
				for (long offset : List.of(0L, deep)) {
					String odata = base + "/odata/potentials?$filter=" + encode(filter)
							+ ((offset > 0) ? "&$skip=" + offset : "");
					String columns = fields.stream()
						.map((field) -> "t." + field.column())
						.collect(Collectors.joining(", "));
					String sql = "SELECT " + columns + " FROM potentials t WHERE " + visible.bound() + " ORDER BY "
							+ order + " LIMIT ? OFFSET ?";
					// The feed's statement has the plain statement's shape for its first
					// two pages and reads a page's ids first further on
					// (RecordQueries.window).
					String feeds = (offset <= PAGE) ? sql
							: "SELECT " + columns + " FROM potentials t JOIN (SELECT t.id FROM potentials t WHERE "
									+ visible.bound() + " ORDER BY " + order
									+ " LIMIT ? OFFSET ?) page_ids ON page_ids.id = t.id ORDER BY " + order;
					List<Object> parameters = visible.parameters(amount, since, offset);
					table.add(compare(username + ", " + ((offset == 0) ? "first page" : "after " + offset + " rows"),
							odata, token, new Statement(sql, parameters), new Statement(feeds, parameters)));
				}
			}
			System.out.printf(Locale.ROOT, "%n| case | rows | feed median | feed p90 | SQL median | SQL p90 | ratio |"
					+ " feed's SQL median | feed's SQL p90 | ratio | feed CPU |%n");
			System.out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
			table.forEach((row) -> System.out.println("| " + String.join(" | ", row) + " |"));
		}
		finally {
			context.close();
		}
		System.out.printf(Locale.ROOT, "%nload after: %s%n", loadAverage());
	}

	private record BigDecimalText(String text) {

		BigDecimalText {
			new java.math.BigDecimal(text);
		}

	}

	/**
	 * The visibility predicate of a benchmark user, written by hand.
	 */
	private record Visible(String role, long id, Long team) {

		String sql(BigDecimalText amount, LocalDate since) {
			String filter = "t.amount > " + amount.text() + " AND t.expected_close_date >= DATE '" + since + "'";
			return switch (this.role) {
				case "admin" -> filter;
				case "manager" ->
					"t.owner_id IN (SELECT u.id FROM users u WHERE u.team_id = " + this.team + ") AND " + filter;
				default -> "t.owner_id = " + this.id + " AND " + filter;
			};
		}

		/**
		 * The same condition with its values bound, as the application binds them.
		 */
		String bound() {
			String filter = "t.amount > ? AND t.expected_close_date >= ?";
			return switch (this.role) {
				case "admin" -> filter;
				case "manager" -> "t.owner_id IN (SELECT u.id FROM users u WHERE u.team_id = ?) AND " + filter;
				default -> "t.owner_id = ? AND " + filter;
			};
		}

		List<Object> parameters(BigDecimalText amount, LocalDate since, long offset) {
			List<Object> parameters = new ArrayList<>();
			switch (this.role) {
				case "admin" -> {
				}
				case "manager" -> parameters.add(this.team);
				default -> parameters.add(this.id);
			}
			parameters.add(new java.math.BigDecimal(amount.text()));
			parameters.add(since);
			parameters.add(PAGE);
			parameters.add(offset);
			return parameters;
		}

	}

	private Visible visible(String username) throws Exception {
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT role, id, team_id FROM users WHERE username = ?")) {
			statement.setString(1, username);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				long team = rs.getLong(3);
				return new Visible(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2), rs.wasNull() ? null : team);
			}
		}
	}

	/**
	 * The feed, the plain SQL and the feed's own statement written by hand, in turns,
	 * each first in every third round.
	 * @return the table row: case, rows, the feed's median and p90, then each SQL's
	 * median, p90 and the feed's ratio to it, and the CPU time this process (client and
	 * server) spent per feed request
	 */
	private String[] compare(String name, String odata, String token, Statement sql, Statement twoStep)
			throws Exception {
		List<List<Double>> timings = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		long feedCpu = 0;
		for (int round = 0; round < this.warmup + this.requests; round++) {
			for (int turn = 0; turn < 3; turn++) {
				int which = (round + turn) % 3;
				long cpu = processCpu();
				double elapsed = switch (which) {
					case 0 -> timeFeed(odata, token);
					case 1 -> timeSql(sql);
					default -> timeSql(twoStep);
				};
				if (round >= this.warmup) {
					timings.get(which).add(elapsed);
					if (which == 0) {
						feedCpu += processCpu() - cpu;
					}
				}
			}
		}
		int rows = feedRows(odata, token);
		int sqlRows = sqlRows(sql);
		if (rows != sqlRows || rows != sqlRows(twoStep)) {
			throw new IllegalStateException(name + ": the feed gave " + rows + " rows, the SQL " + sqlRows);
		}
		double feedMedian = percentile(timings.get(0), 50);
		double sqlMedian = percentile(timings.get(1), 50);
		double twoStepMedian = percentile(timings.get(2), 50);
		String[] row = { name, String.valueOf(rows), ms(feedMedian), ms(percentile(timings.get(0), 90)), ms(sqlMedian),
				ms(percentile(timings.get(1), 90)), String.format(Locale.ROOT, "%.2f", feedMedian / sqlMedian),
				ms(twoStepMedian), ms(percentile(timings.get(2), 90)),
				String.format(Locale.ROOT, "%.2f", feedMedian / twoStepMedian), ms(feedCpu / 1e6 / this.requests) };
		System.out.println(String.join(" | ", row));
		return row;
	}

	private double timeFeed(String url, String token) throws Exception {
		long started = System.nanoTime();
		HttpResponse<byte[]> response = this.http.send(feedRequest(url, token),
				HttpResponse.BodyHandlers.ofByteArray());
		double elapsed = (System.nanoTime() - started) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return elapsed;
	}

	private int feedRows(String url, String token) throws Exception {
		HttpResponse<String> response = this.http.send(feedRequest(url, token), HttpResponse.BodyHandlers.ofString());
		JsonNode body = this.json.readTree(response.body());
		return body.path("value").size();
	}

	private static HttpRequest feedRequest(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json;odata.metadata=minimal")
			.build();
	}

	/**
	 * A statement and its bound values.
	 */
	private record Statement(String sql, List<Object> parameters) {
	}

	private double timeSql(Statement sql) throws Exception {
		long started = System.nanoTime();
		sqlRows(sql);
		return (System.nanoTime() - started) / 1e6;
	}

	private int sqlRows(Statement sql) throws Exception {
		int rows = 0;
		try (PreparedStatement statement = this.connection.prepareStatement(sql.sql())) {
			for (int i = 0; i < sql.parameters().size(); i++) {
				statement.setObject(i + 1, sql.parameters().get(i));
			}
			ResultSet rs = statement.executeQuery();
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int i = 1; i <= columns; i++) {
					rs.getObject(i);
				}
				rows++;
			}
		}
		return rows;
	}

	private String token(String base, String username, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/vnd.api+json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"data\":{\"type\":\"tokens\",\"attributes\":{\"name\":\"odata benchmark\"}}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("no token for " + username + ": " + response.body());
		}
		return this.json.readTree(response.body()).path("data").path("attributes").path("token").asString();
	}

	private long queryLong(String sql) throws Exception {
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static double percentile(List<Double> values, int percent) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static String ms(double millis) {
		return String.format(Locale.ROOT, "%.1f ms", millis);
	}

	/**
	 * The CPU time of this whole process so far, in nanoseconds: unlike the elapsed time,
	 * barely changed by what else the machine runs, so two builds can be compared on a
	 * busy machine.
	 */
	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String loadAverage() {
		return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

}
