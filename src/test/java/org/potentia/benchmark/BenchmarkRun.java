package org.potentia.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times the pages and API calls that must stay fast on the benchmark data set
 * ({@link BenchmarkData}), against a running Potentia over HTTP, as a rep, a manager and
 * an admin: sign-in by form for the pages (session cookie), by API token for the API.
 * Each case is warmed up, then requested {@code --requests} times one after another; the
 * table gives median, 90th percentile and maximum of the whole request (until the last
 * byte of the answer).
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@bench-run -Dexec.args="--base=http://localhost:8093"
 * </pre>
 *
 * Arguments: {@code --base} (default {@code http://localhost:8093}), {@code --requests}
 * (30), {@code --warmup} (5), {@code --password} (the benchmark users' password),
 * {@code --only=text} to run the cases whose name contains the text,
 * {@code --db-url/--db-user/--db-password} to time the lead list as SQL when the build
 * has no leads API, and {@code --statements=<app log>} to count, instead of timing, the
 * SQL statements of one request per case (start the app with
 * {@code --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG
 * --logging.level.org.hibernate.SQL=DEBUG} and its output in that file).
 */
public final class BenchmarkRun {

	static final String SEARCH = "nordwind logistik";

	static final int PAGE_SIZE = 25;

	static final long DEEP_PAGE = 1000;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final int requests;

	private final int warmup;

	private final ObjectMapper json = JsonMapper.builder().build();

	BenchmarkRun(String base, int requests, int warmup) {
		this.base = base;
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
		BenchmarkRun run = new BenchmarkRun(options.getOrDefault("base", "http://localhost:8093"),
				Integer.parseInt(options.getOrDefault("requests", "30")),
				Integer.parseInt(options.getOrDefault("warmup", "5")));
		String password = options.getOrDefault("password", BenchmarkData.PASSWORD);
		String only = options.get("only");
		String statementsLog = options.get("statements");

		List<Session> sessions = new ArrayList<>();
		for (String username : List.of("bench-rep-01", "bench-manager-1", "bench-admin")) {
			sessions.add(run.signIn(username, password));
		}
		Session admin = sessions.get(2);
		long won = run.stageId(admin, "won");
		long repId = sessions.get(0).userId;
		boolean leadsApi = run.exists(admin, "/api/v1/leads?page[size]=1");

		List<Case> cases = new ArrayList<>();
		for (Session session : sessions) {
			String filter = encode("{\"stage_id\":" + won + "}");
			String api = "/api/v1/potentials?sort=expected_close_date&filter=" + filter + "&page[size]=25";
			String deep = deepPage(run.total(session, api + "&page[number]=1"));
			cases.add(new Case("API list, stage won, page 1", session, api + "&page[number]=1"));
			cases.add(new Case("API list, stage won, " + deep, session, api + "&page[number]=" + pageNumber(deep)));
			cases.add(new Case("UI list, stage won, page 1", session,
					"/opportunities?stage_id=" + won + "&sort=expected_close_date"));
			cases.add(new Case("UI list, stage won, " + deep, session,
					"/opportunities?stage_id=" + won + "&sort=expected_close_date&page=" + pageNumber(deep)));
			cases.add(new Case("UI home", session, "/"));
			cases.add(new Case("UI board, everyone", session, "/opportunities/board"));
			cases.add(new Case("UI board, one owner", session, "/opportunities/board?owner_id=" + repId));
			cases.add(new Case("UI search '" + SEARCH + "'", session, "/opportunities?q=" + encode(SEARCH)));
			cases.add(new Case("API search $cts '" + SEARCH + "'", session, "/api/v1/potentials?filter="
					+ encode("{\"$cts\":[\"name\",\"" + SEARCH + "\"]}") + "&page[size]=25"));
			if (leadsApi) {
				String deepLeads = deepPage(run.total(session, "/api/v1/leads?page[size]=25"));
				cases.add(new Case("API leads, page 1", session, "/api/v1/leads?page[size]=25"));
				cases.add(new Case("API leads, " + deepLeads, session,
						"/api/v1/leads?page[size]=25&page[number]=" + pageNumber(deepLeads)));
				cases.add(new Case("UI leads, page 1", session, "/leads"));
				cases.add(new Case("UI leads, " + deepLeads, session, "/leads?page=" + pageNumber(deepLeads)));
			}
		}
		cases.removeIf((c) -> only != null && !c.name.toLowerCase(Locale.ROOT).contains(only.toLowerCase(Locale.ROOT)));

		System.out.printf(Locale.ROOT, "Potentia benchmark %s, %s, %d cores, load %s%n", run.base,
				ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), loadAverage());
		if (statementsLog != null) {
			run.countStatements(cases, Path.of(statementsLog));
			return;
		}
		System.out.printf(Locale.ROOT, "%d warm-up requests, then %d timed requests per case, one at a time%n%n",
				run.warmup, run.requests);
		System.out.println("| case | user | median ms | p90 ms | max ms | answer |");
		System.out.println("|---|---|---:|---:|---:|---|");
		for (Case c : cases) {
			run.time(c);
		}
		if (!leadsApi) {
			System.out.println();
			System.out.println("This build has no /api/v1/leads: the lead list is timed as SQL below.");
			if (options.containsKey("db-url")) {
				run.leadsAsSql(options, sessions);
			}
		}
		System.out.printf(Locale.ROOT, "%nload after: %s%n", loadAverage());
	}

	// Cases ----------------------------------------------------------------------------

	/**
	 * The deep page a case asks for: page 1,000 of 25 rows, or the last page when there
	 * are fewer (a rep sees about 10,000 won opportunities, 420 pages; page 1,000 would
	 * answer an empty page and time nothing worth knowing). Named as it is printed:
	 * {@code page 420 (last)}.
	 */
	static String deepPage(long total) {
		long last = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		return (last < DEEP_PAGE) ? "page " + last + " (last)" : "page " + DEEP_PAGE;
	}

	private static long pageNumber(String deepPage) {
		return Long.parseLong(deepPage.replaceAll("\\D+", " ").trim());
	}

	/**
	 * The total that an API list reports in its meta.
	 */
	private long total(Session session, String apiPath) throws Exception {
		return this.json.readTree(get(session, apiPath).body).path("meta").path("total").asLong();
	}

	record Case(String name, Session session, String path) {
	}

	private void time(Case c) throws Exception {
		for (int i = 0; i < this.warmup; i++) {
			send(c);
		}
		List<Double> millis = new ArrayList<>();
		Answer last = null;
		for (int i = 0; i < this.requests; i++) {
			long start = System.nanoTime();
			last = send(c);
			millis.add((System.nanoTime() - start) / 1_000_000.0);
		}
		Collections.sort(millis);
		System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s |%n", c.name, c.session.role,
				percentile(millis, 50), percentile(millis, 90), millis.get(millis.size() - 1), last.summary());
	}

	private void countStatements(List<Case> cases, Path log) throws Exception {
		System.out.println("| case | user | SQL statements | answer |");
		System.out.println("|---|---|---:|---|");
		for (Case c : cases) {
			send(c);
			Thread.sleep(300);
			long before = Files.size(log);
			Answer answer = send(c);
			Thread.sleep(300);
			int statements = 0;
			try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
				file.seek(before);
				String line;
				while ((line = file.readLine()) != null) {
					// JdbcTemplate logs a prepared statement twice: once bare, once with
					// its SQL in brackets.
					if (line.contains("Executing prepared SQL statement [") || line.contains("Executing SQL query [")
							|| line.contains("Executing SQL statement [") || line.contains("org.hibernate.SQL")) {
						statements++;
					}
				}
			}
			System.out.printf(Locale.ROOT, "| %s | %s | %d | %s |%n", c.name, c.session.role, statements,
					answer.summary());
		}
	}

	private static double percentile(List<Double> sorted, int percent) {
		if (percent == 50 && sorted.size() % 2 == 0) {
			return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	// HTTP -----------------------------------------------------------------------------

	/**
	 * A signed-in user: a browser-like client with the session cookie, and an API token.
	 */
	record Session(String role, String username, HttpClient browser, String token, long userId) {
	}

	record Answer(int status, int bytes, String body) {

		String summary() {
			String total = "";
			Matcher matcher = Pattern.compile("\"total\":(\\d+)").matcher(this.body);
			if (matcher.find()) {
				total = ", total " + matcher.group(1);
			}
			else {
				Matcher records = Pattern.compile(">(\\d[\\d.,]*) records<").matcher(this.body);
				total = records.find() ? ", " + records.group(1) + " records" : "";
			}
			return this.status + ", " + (this.bytes / 1024) + " KB" + total;
		}

	}

	Session signIn(String username, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String loginPage = browser
			.send(HttpRequest.newBuilder(URI.create(this.base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("no _csrf field on the login page");
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException(
					"sign-in as " + username + " failed: " + login.statusCode() + " " + location);
		}
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/tokens"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/vnd.api+json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"data\":{\"type\":\"tokens\",\"attributes\":{\"name\":\"benchmark\"}}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (token.statusCode() != 201) {
			throw new IllegalStateException("no token for " + username + ": " + token.body());
		}
		String bearer = this.json.readTree(token.body()).path("data").path("attributes").path("token").asString();
		HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		JsonNode me = this.json.readTree(api.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/user"))
			.header("Authorization", "Bearer " + bearer)
			.build(), HttpResponse.BodyHandlers.ofString()).body());
		String role = me.path("data").path("attributes").path("role").asString();
		return new Session(role, username, browser, bearer, Long.parseLong(me.path("data").path("id").asString()));
	}

	private Answer send(Case c) throws IOException, InterruptedException {
		return get(c.session, c.path);
	}

	private Answer get(Session session, String path) throws IOException, InterruptedException {
		// Tomcat refuses raw brackets in a query (page[number]).
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.base + path.replace("[", "%5B").replace("]", "%5D")))
			.timeout(Duration.ofSeconds(120));
		if (path.startsWith("/api/")) {
			request.header("Authorization", "Bearer " + session.token);
		}
		HttpResponse<byte[]> response = session.browser.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		String body = new String(response.body(), StandardCharsets.UTF_8);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
					+ body.substring(0, Math.min(300, body.length())));
		}
		return new Answer(response.statusCode(), response.body().length, body);
	}

	private boolean exists(Session session, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = session.browser
			.send(HttpRequest.newBuilder(URI.create(this.base + path.replace("[", "%5B").replace("]", "%5D")))
				.header("Authorization", "Bearer " + session.token)
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200;
	}

	/**
	 * The id of an opportunity stage, read from the board's column of that stage.
	 */
	private long stageId(Session session, String code) throws Exception {
		String board = get(session, "/opportunities/board").body;
		Matcher column = Pattern.compile("<section[^>]*id=\"column-" + code + "\"[^>]*data-stage-id=\"(\\d+)\"")
			.matcher(board);
		if (!column.find()) {
			throw new IllegalStateException("no board column for stage " + code);
		}
		return Long.parseLong(column.group(1));
	}

	// The lead list as SQL, for builds without the leads API ------------------------

	/**
	 * The statements {@code RecordQueries} issues for the lead list (default sort newest
	 * first, 25 rows, visibility rule, owner and stage labels) plus its count.
	 */
	private void leadsAsSql(Map<String, String> options, List<Session> sessions) throws Exception {
		try (Connection connection = DriverManager.getConnection(options.get("db-url"),
				options.getOrDefault("db-user", "postgres"), options.getOrDefault("db-password", ""))) {
			System.out.println("| case | user | median ms | p90 ms | max ms | answer |");
			System.out.println("|---|---|---:|---:|---:|---|");
			for (Session session : sessions) {
				for (int page : List.of(1, 1000)) {
					String visibility = switch (session.role) {
						case "admin" -> "1=1";
						case "manager" -> "t.owner_id IN (SELECT vu.id FROM users vu WHERE vu.team_id = "
								+ "(SELECT team_id FROM users WHERE id = " + session.userId + "))";
						default -> "t.owner_id = " + session.userId;
					};
					String rows = "SELECT t.*, (SELECT x.name_en FROM pipeline_stages x WHERE x.id = t.stage_id) AS stage,"
							+ " (SELECT concat_ws(' ', x.first_name, x.last_name) FROM users x WHERE x.id = t.owner_id) AS owner,"
							+ " concat_ws(' ', t.first_name, t.last_name) AS display FROM leads t WHERE (" + visibility
							+ ") ORDER BY t.created_at DESC, t.id ASC LIMIT 25 OFFSET " + (page - 1) * 25;
					String count = "SELECT COUNT(*) FROM leads t WHERE (" + visibility + ")";
					List<Double> millis = new ArrayList<>();
					long total = 0;
					for (int i = 0; i < this.warmup + this.requests; i++) {
						long start = System.nanoTime();
						try (PreparedStatement statement = connection.prepareStatement(rows);
								ResultSet rs = statement.executeQuery()) {
							while (rs.next()) {
								rs.getObject(1);
							}
						}
						try (PreparedStatement statement = connection.prepareStatement(count);
								ResultSet rs = statement.executeQuery()) {
							rs.next();
							total = rs.getLong(1);
						}
						if (i >= this.warmup) {
							millis.add((System.nanoTime() - start) / 1_000_000.0);
						}
					}
					Collections.sort(millis);
					System.out.printf(Locale.ROOT,
							"| SQL lead list, page %d (rows + count) | %s | %.0f | %.0f | %.0f | total %d |%n", page,
							session.role, percentile(millis, 50), percentile(millis, 90), millis.get(millis.size() - 1),
							total);
				}
			}
		}
	}

	// Helpers --------------------------------------------------------------------------

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
