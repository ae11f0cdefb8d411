package org.potentia.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.potentia.PotentiaApplication;
import org.potentia.identity.IdentityService;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.reporting.ReportEngine;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportQuery.Column;
import org.potentia.reporting.ReportQuery.DateBucket;
import org.potentia.reporting.ReportQuery.Group;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times the report engine on the benchmark data set ({@link BenchmarkData}, PostgreSQL)
 * against the targets of issue 10: a grouped report (opportunities by stage and month of
 * the expected close date, sum of amount and count, over one calendar year) for an admin
 * (under 1 s) and for a rep (under 300 ms), each within 1.3 times the hand-written SQL
 * timed in the same run, in turns; and the same report through
 * {@code POST /api/v1/reporting} over HTTP.
 *
 * <p>
 * The benchmark starts the application itself (on a free port, scheduled snapshots off)
 * against the database, runs the report through the application's {@link ReportEngine}
 * (one statement, the visibility rule inside it) as {@code bench-admin} and
 * {@code bench-rep-01}, and the hand-written statements over plain JDBC: the same
 * grouping with the stage's name joined, and for the rep {@code owner_id = ?}.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@bench-reporting -Dexec.args="--url=jdbc:postgresql://127.0.0.1:5432/potentia_bench --user=postgres"
 * </pre>
 *
 * Arguments: {@code --url}, {@code --user}, {@code --password} (also from
 * {@code POTENTIA_DB_URL}, {@code POTENTIA_DB_USER}, {@code POTENTIA_DB_PASSWORD}),
 * {@code --year} (default this year), {@code --requests} (20) and {@code --warmup} (3).
 */
public final class ReportingBenchmark {

	private ReportingBenchmark() {
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
		int year = Integer.parseInt(options.getOrDefault("year", String.valueOf(LocalDate.now().getYear())));
		int requests = Integer.parseInt(options.getOrDefault("requests", "20"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
		System.out.printf(Locale.ROOT, "Potentia reporting benchmark on %s, %s, %d cores, load %s%n", url,
				ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), loadAverage());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PotentiaApplication.class)
			.profiles("postgres")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--server.port=0", "--potentia.snapshots.enabled=false",
					"--potentia.demo=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			ReportEngine engine = context.getBean(ReportEngine.class);
			IdentityService identity = context.getBean(IdentityService.class);
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			LocalDate from = LocalDate.of(year, 1, 1);
			LocalDate to = from.plusYears(1);
			String filter = "{\"$and\":[{\"$gte\":[\"expected_close_date\",\"" + from
					+ "\"]},{\"$lt\":[\"expected_close_date\",\"" + to + "\"]}]}";
			ReportQuery query = new ReportQuery("potentials",
					List.of(Column.of("stage_id"), new Column("expected_close_date", null, "month", DateBucket.MONTH),
							new Column("amount", Aggregate.SUM, "total"), new Column("id", Aggregate.COUNT, "records")),
					filter, List.of(Group.of("stage_id"), new Group("expected_close_date", DateBucket.MONTH)),
					List.of(), null);
			String body = "{\"from\":\"potentials\",\"select\":\"stage_id, $month(expected_close_date) as month, "
					+ "$sum(amount) as total, $count(id) as records\",\"where\":" + filter
					+ ",\"group\":\"stage_id, $month(expected_close_date)\"}";
			// HTTP/1.1 as the server speaks it: the client's default, HTTP/2, would
			// ask for an upgrade that the server declines.
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			System.out.printf(Locale.ROOT, "%d opportunities; year %d%n%n", count(connection), year);
			System.out.println("| case | user | median | p90 | max | rows |");
			System.out.println("|---|---|---:|---:|---:|---:|");
			for (String username : List.of("bench-admin", "bench-rep-01")) {
				CurrentUser current = user(connection, username);
				String token = identity.createToken(current, "reporting benchmark");
				String hand = "SELECT p.stage_id, s.name_en, CAST(DATE_TRUNC('month', p.expected_close_date) AS DATE) AS month,"
						+ " SUM(p.amount) AS total, COUNT(p.id) AS records FROM potentials p"
						+ " JOIN pipeline_stages s ON s.id = p.stage_id"
						+ " WHERE p.expected_close_date >= ? AND p.expected_close_date < ?"
						+ (current.isAdmin() ? "" : " AND p.owner_id = ?")
						+ " GROUP BY p.stage_id, s.name_en, CAST(DATE_TRUNC('month', p.expected_close_date) AS DATE)"
						+ " ORDER BY p.stage_id, month";
				Map<String, Callable<Integer>> cases = new LinkedHashMap<>();
				cases.put("hand-written SQL", () -> {
					try (PreparedStatement statement = connection.prepareStatement(hand)) {
						statement.setObject(1, from);
						statement.setObject(2, to);
						if (!current.isAdmin()) {
							statement.setLong(3, current.id());
						}
						int rows = 0;
						try (ResultSet rs = statement.executeQuery()) {
							while (rs.next()) {
								rows++;
							}
						}
						return rows;
					}
				});
				cases.put("ReportEngine.run", () -> engine.run(query, current).rows().size());
				cases.put("POST /api/v1/reporting", () -> {
					HttpResponse<String> response = http
						.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reporting"))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						throw new IllegalStateException(response.statusCode() + " " + response.body());
					}
					return Integer.parseInt(response.body().replaceAll("(?s).*\"results\":(\\d+).*", "$1"));
				});
				Map<String, List<Double>> timings = new LinkedHashMap<>();
				Map<String, Integer> rows = new LinkedHashMap<>();
				for (int i = 0; i < warmup; i++) {
					for (Callable<Integer> task : cases.values()) {
						task.call();
					}
				}
				// In turns, so that each case meets the same state of the machine.
				for (int i = 0; i < requests; i++) {
					for (Map.Entry<String, Callable<Integer>> task : cases.entrySet()) {
						long started = System.nanoTime();
						rows.put(task.getKey(), task.getValue().call());
						timings.computeIfAbsent(task.getKey(), (key) -> new ArrayList<>())
							.add((System.nanoTime() - started) / 1e6);
					}
				}
				double handMedian = 0;
				for (Map.Entry<String, List<Double>> timing : timings.entrySet()) {
					List<Double> sorted = new ArrayList<>(timing.getValue());
					Collections.sort(sorted);
					double median = percentile(sorted, 50);
					if (timing.getKey().startsWith("hand")) {
						handMedian = median;
					}
					String ratio = timing.getKey().startsWith("hand") ? ""
							: String.format(Locale.ROOT, " (%.2fx)", median / handMedian);
					System.out.printf(Locale.ROOT, "| %s | %s | %.0f ms%s | %.0f ms | %.0f ms | %d |%n",
							timing.getKey(), current.role().name().toLowerCase(Locale.ROOT), median, ratio,
							percentile(sorted, 90), sorted.get(sorted.size() - 1), rows.get(timing.getKey()));
				}
			}
		}
		finally {
			context.close();
		}
		System.out.printf(Locale.ROOT, "%nload after: %s%n", loadAverage());
	}

	private static CurrentUser user(Connection connection, String username) throws Exception {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT id, role, team_id, first_name, last_name FROM users WHERE username = ?")) {
			statement.setString(1, username);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("No user " + username + ": make the data set with BenchmarkData");
				}
				long team = rs.getLong("team_id");
				return new CurrentUser(rs.getLong("id"), username,
						rs.getString("first_name") + " " + rs.getString("last_name"),
						Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.wasNull() ? null : team, "en");
			}
		}
	}

	private static long count(Connection connection) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM potentials");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static double percentile(List<Double> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static String option(Map<String, String> options, String name, String environment, String fallback) {
		if (options.containsKey(name)) {
			return options.get(name);
		}
		String value = System.getenv(environment);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

}
