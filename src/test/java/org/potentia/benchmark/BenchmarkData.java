package org.potentia.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.potentia.benchmark.Sql.index;
import static org.potentia.benchmark.Sql.literal;
import static org.potentia.benchmark.Sql.permute;
import static org.potentia.benchmark.Sql.pick;
import static org.potentia.benchmark.Sql.skewed;
import static org.potentia.benchmark.Sql.text;
import static org.potentia.benchmark.Sql.u;
import static org.potentia.benchmark.Sql.weighted;

/**
 * Fills a database with the benchmark data set: 1,000,000 opportunities, 500,000 leads,
 * 100,000 accounts, 200,000 contacts and 50 users in 5 teams (see
 * {@code docs/benchmarks.md}). Runs Flyway first, so an empty database is enough. Every
 * table is filled by {@code INSERT … SELECT} over a number series (PostgreSQL's
 * {@code generate_series}, H2's {@code SYSTEM_RANGE}) in chunks of 100,000 rows; the
 * values are deterministic functions of the row number, so two runs give the same data.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@bench-data -Dexec.args="--url=jdbc:postgresql://127.0.0.1:5432/potentia_bench --user=postgres"
 * </pre>
 *
 * Arguments (each also read from the environment): {@code --url}
 * ({@code POTENTIA_DB_URL}), {@code --user} ({@code POTENTIA_DB_USER}),
 * {@code --password} ({@code POTENTIA_DB_PASSWORD}), {@code --scale=0.01} for a smaller
 * set, {@code --today=2026-01-31} to fix the dates, {@code --reset} to empty the four
 * tables (and remove earlier benchmark users) first; without it they must be empty. Start
 * the application once on the database before, so that it creates its own admin (it does
 * so only while there are no users); the benchmark signs in as the generated users, whose
 * password is {@link #PASSWORD}.
 */
public final class BenchmarkData {

	/**
	 * The password of every benchmark user.
	 */
	public static final String PASSWORD = "bench-password";

	static final int TEAMS = 5;

	static final int REPS = 44;

	static final int YEARS_IN_DAYS = 1095;

	static final int CHUNK = 100_000;

	// Word lists. ASCII only where a word ends up in an email address or a domain.

	static final List<String> COMPANY_PREFIXES = List.of("Nordwind", "Alpen", "Rhein", "Elbe", "Sonnen", "Berg", "Wald",
			"Stern", "Falken", "Adler", "Blau", "Gruen", "Silber", "Gold", "Eichen", "Linden", "Kristall", "Nova",
			"Vita", "Terra", "Aqua", "Luna", "Polar", "Orion", "Atlas", "Delta", "Meridian", "Horizon", "Pioneer",
			"Summit", "Cascade", "Harbor", "Granite", "Maple", "Cedar", "Beacon", "Crest", "Vertex", "Quantum", "Apex",
			"Nexus", "Zenit", "Merkur", "Hansa", "Baltic", "Isar", "Main", "Weser", "Donau", "Mosel");

	static final List<String> COMPANY_CORES = List.of("Logistik", "Maschinenbau", "Software", "Systems", "Technik",
			"Bau", "Energie", "Medien", "Consulting", "Handel", "Automation", "Elektronik", "Pharma", "Chemie", "Foods",
			"Textil", "Moebel", "Druck", "Verpackung", "Solar", "Wind", "Data", "Networks", "Security", "Robotics",
			"Labs", "Health", "Finance", "Insurance", "Immobilien", "Transport", "Aviation", "Marine", "Metall",
			"Kunststoff", "Glas", "Papier", "Optik", "Sensorik", "Analytics");

	static final List<String> LEGAL_FORMS = List.of("GmbH", "AG", "GmbH & Co. KG", "KG", "SE", "Ltd", "Oy", "AB");

	static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah",
			"Jonas", "Julia", "Karl", "Lena", "Lukas", "Maria", "Max", "Mia", "Niklas", "Olivia", "Paul", "Sophie",
			"Thomas", "Laura", "Stefan", "Sarah", "Michael", "Katrin", "Andreas", "Petra", "Markus", "Sabine", "Tobias",
			"Nina", "Jan", "Eva", "Simon", "Lisa", "Matti", "Aino", "Erik", "Ingrid");

	static final List<String> LAST_NAMES = List.of("Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
			"Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schroeder", "Neumann",
			"Schwarz", "Braun", "Zimmermann", "Krueger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Koehler",
			"Maier", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Jung", "Moeller", "Keller", "Vogel",
			"Friedrich", "Guenther", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Winter", "Ludwig",
			"Berger", "Virtanen", "Korhonen", "Nieminen", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Anderson",
			"Larsson", "Nilsson", "Hansen");

	static final List<String> TITLES = List.of("CEO", "CFO", "CIO", "Head of Purchasing", "Purchasing Manager",
			"IT Manager", "Project Manager", "Sales Director", "Operations Manager", "Team Lead", "Consultant",
			"Assistant");

	static final List<String> INDUSTRIES = List.of("Manufacturing", "Retail", "Logistics", "Energy", "Healthcare",
			"Finance", "Public sector", "Construction", "IT", "Media", "Automotive", "Chemicals");

	static final List<String> CITIES = List.of("Berlin", "Hamburg", "Muenchen", "Koeln", "Frankfurt am Main",
			"Stuttgart", "Duesseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nuernberg",
			"Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Muenster", "Mannheim", "Karlsruhe", "Augsburg",
			"Wien", "Graz", "Linz", "Zuerich", "Basel", "Bern", "Helsinki");

	static final List<String> COUNTRIES = List.of("Germany", "Germany", "Germany", "Germany", "Germany", "Germany",
			"Germany", "Germany", "Germany", "Germany", "Germany", "Germany", "Germany", "Germany", "Germany",
			"Germany", "Germany", "Germany", "Germany", "Germany", "Germany", "Germany", "Germany", "Austria",
			"Austria", "Austria", "Switzerland", "Switzerland", "Switzerland", "Finland");

	static final List<String> STREETS = List.of("Hauptstrasse", "Bahnhofstrasse", "Industriestrasse", "Gartenweg",
			"Schulstrasse", "Lindenallee", "Marktplatz", "Hafenstrasse", "Am Park", "Ringstrasse");

	static final List<String> PRODUCTS = List.of("CRM licences", "Rollout", "Support contract", "Hardware refresh",
			"Consulting", "Training", "Maintenance renewal", "Cloud migration", "Data platform", "Security audit",
			"Network upgrade", "Field service", "ERP integration", "Managed services", "Pilot project",
			"Framework agreement", "Extension", "Upgrade", "Service desk", "Analytics");

	static final List<String> NEXT_STEPS = List.of("Send proposal", "Call back", "Demo scheduled", "Waiting for budget",
			"Meeting with purchasing", "Clarify requirements");

	static final List<String> LEAD_SOURCES = List.of("web_form", "import", "campaign", "manual", "referral", "api",
			"other");

	static final double[] LEAD_SOURCE_WEIGHTS = { 30, 20, 15, 15, 8, 7, 5 };

	static final List<String> OPEN_POTENTIAL_STAGES = List.of("prospecting", "first_contact", "qualification",
			"needs_analysis", "proposal", "negotiation");

	private final Connection connection;

	private final Dialect dialect;

	private final double scale;

	private final LocalDate today;

	private final int accounts;

	private final int contacts;

	private final int potentials;

	private final int leads;

	private final Map<String, Duration> timings = new LinkedHashMap<>();

	/** Owners in slot order: reps first (the skew favours them), then managers. */
	private final List<Long> owners = new ArrayList<>();

	BenchmarkData(Connection connection, Dialect dialect, double scale, LocalDate today) {
		this.connection = connection;
		this.dialect = dialect;
		this.scale = scale;
		this.today = today;
		this.accounts = scaled(100_000);
		this.contacts = scaled(200_000);
		this.potentials = scaled(1_000_000);
		this.leads = scaled(500_000);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String url = option(options, "url", "POTENTIA_DB_URL", "jdbc:postgresql://127.0.0.1:5432/potentia_bench");
		String user = option(options, "user", "POTENTIA_DB_USER", "postgres");
		String password = option(options, "password", "POTENTIA_DB_PASSWORD", "");
		double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
		LocalDate today = options.containsKey("today") ? LocalDate.parse(options.get("today"))
				: LocalDate.now(ZoneOffset.UTC);
		Dialect dialect = Dialect.of(url);

		Instant start = Instant.now();
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration", "classpath:db/vendor/" + dialect.vendor())
			.load()
			.migrate();
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(true);
			BenchmarkData data = new BenchmarkData(connection, dialect, scale, today);
			data.timings.put("flyway", Duration.between(start, Instant.now()));
			data.generate(options.containsKey("reset"));
			data.report(url, Duration.between(start, Instant.now()));
		}
	}

	void generate(boolean reset) throws SQLException {
		if (reset) {
			step("reset", this::reset);
		}
		else if (count("potentials") + count("leads") + count("accounts") + count("contacts") > 0) {
			throw new IllegalStateException(
					"the database already holds accounts, contacts, leads or opportunities; use --reset to replace them");
		}
		step("users and teams", this::users);
		// Ids are the row numbers (the tables are empty): a contact's account, and an
		// opportunity's contact and account, are computed from row numbers, not looked
		// up.
		step("accounts", () -> chunked("accounts", this.accounts, this::accounts));
		step("contacts", () -> chunked("contacts", this.contacts, this::contacts));
		step("opportunities", () -> chunked("potentials", this.potentials, this::potentials));
		step("leads", () -> chunked("leads", this.leads, this::leads));
		step("identity restart", () -> {
			for (String table : List.of("accounts", "contacts", "potentials", "leads")) {
				execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId(table) + 1));
			}
		});
		step("analyze",
				() -> execute(this.dialect.analyze("users", "teams", "accounts", "contacts", "potentials", "leads")));
		// Invoicing forecasts, budgets, rolling forecasts and their versions, billing.
		step("forecasts", () -> ForecastBenchmark.generate(this.connection, this.dialect, this.scale, this.today));
	}

	private void report(String url, Duration total) throws SQLException {
		System.out.printf(Locale.ROOT, "%nBenchmark data in %s (scale %s, today %s)%n", url, this.scale, this.today);
		this.timings.forEach((name, duration) -> System.out.printf(Locale.ROOT, "  %-18s %8.1f s%n", name,
				duration.toMillis() / 1000.0));
		System.out.printf(Locale.ROOT, "  %-18s %8.1f s%n", "total", total.toMillis() / 1000.0);
		for (String table : List.of("users", "teams", "accounts", "contacts", "potentials", "leads")) {
			System.out.printf(Locale.ROOT, "  %-18s %,10d rows%n", table, count(table));
		}
	}

	private void reset() throws SQLException {
		for (String statement : this.dialect
			.truncate("potential_forecasts", "account_forecast_versions", "account_forecasts", "account_budget_locks",
					"account_budgets", "billing", "potentials", "leads", "contacts", "accounts")
			.split(";")) {
			execute(statement);
		}
		execute("DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM users WHERE username LIKE 'bench-%')");
		execute("DELETE FROM users WHERE username LIKE 'bench-%'");
		execute("DELETE FROM teams WHERE name LIKE 'Bench %'");
	}

	// Users and teams -----------------------------------------------------------------

	private void users() throws SQLException {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		Timestamp now = Timestamp.from(Instant.now());
		List<String> teamNames = List.of("Bench North", "Bench South", "Bench East", "Bench West",
				"Bench Key Accounts");
		List<Long> teamIds = new ArrayList<>();
		try (PreparedStatement insert = this.connection.prepareStatement(
				"INSERT INTO teams (name, created_at, created_by, updated_at, updated_by, version) VALUES (?, ?, 'benchmark', ?, 'benchmark', 0)")) {
			for (String name : teamNames) {
				insert.setString(1, name);
				insert.setTimestamp(2, now);
				insert.setTimestamp(3, now);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		for (String name : teamNames) {
			teamIds.add(queryLong("SELECT id FROM teams WHERE name = " + literal(name)));
		}
		// One admin besides the bootstrap admin, a manager per team, and the reps spread
		// over the teams.
		List<Object[]> users = new ArrayList<>();
		users.add(new Object[] { "bench-admin", "Ada", "Admin", "ADMIN", null });
		for (int i = 1; i <= TEAMS; i++) {
			users.add(new Object[] { "bench-manager-" + i, FIRST_NAMES.get(i * 3), LAST_NAMES.get(i * 5), "MANAGER",
					teamIds.get(i - 1) });
		}
		for (int i = 1; i <= REPS; i++) {
			users.add(new Object[] { String.format(Locale.ROOT, "bench-rep-%02d", i),
					FIRST_NAMES.get(i % FIRST_NAMES.size()), LAST_NAMES.get((i * 7) % LAST_NAMES.size()), "REP",
					teamIds.get((i - 1) % TEAMS) });
		}
		try (PreparedStatement insert = this.connection
			.prepareStatement("INSERT INTO users (username, password_hash, first_name, last_name, email, role, team_id,"
					+ " active, locale, created_at, created_by, updated_at, updated_by, version)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 'en', ?, 'benchmark', ?, 'benchmark', 0)")) {
			for (Object[] user : users) {
				insert.setString(1, (String) user[0]);
				insert.setString(2, hash);
				insert.setString(3, (String) user[1]);
				insert.setString(4, (String) user[2]);
				insert.setString(5, user[0] + "@bench.example");
				insert.setString(6, (String) user[3]);
				insert.setObject(7, user[4]);
				insert.setTimestamp(8, now);
				insert.setTimestamp(9, now);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		this.owners.clear();
		this.owners.addAll(queryLongs("SELECT id FROM users WHERE username LIKE 'bench-rep-%' ORDER BY username"));
		this.owners.addAll(queryLongs("SELECT id FROM users WHERE username LIKE 'bench-manager-%' ORDER BY username"));
	}

	/**
	 * The owner for a uniform number: skewed, so that a few reps own much more than the
	 * managers, as in a real sales team.
	 */
	private String owner(String u) {
		return pick(skewed(u, this.owners.size(), 1.2), this.owners);
	}

	// Accounts and contacts ------------------------------------------------------------

	/** The account name of a 0-based account index: about 16,000 distinct names. */
	private static String companyName(String index, int stream) {
		return pick(index(u(index, stream), COMPANY_PREFIXES.size()), COMPANY_PREFIXES) + " || ' ' || "
				+ pick(index(u(index, stream + 1), COMPANY_CORES.size()), COMPANY_CORES) + " || ' ' || "
				+ weighted(u(index, stream + 2), LEGAL_FORMS, 50, 15, 12, 6, 5, 5, 4, 3);
	}

	/** The web domain of a company: prefix, core and the index, unique per company. */
	private static String domain(String index, int stream) {
		return "LOWER(" + pick(index(u(index, stream), COMPANY_PREFIXES.size()), COMPANY_PREFIXES) + " || '-' || "
				+ pick(index(u(index, stream + 1), COMPANY_CORES.size()), COMPANY_CORES) + ") || '-' || " + text(index)
				+ " || '.example'";
	}

	/**
	 * The owner of a 0-based account index; its contacts and most opportunities share it.
	 */
	private String accountOwner(String accountIndex) {
		return owner(u(accountIndex, 10));
	}

	/**
	 * The 0-based account of a 0-based contact index: some accounts have many contacts,
	 * many none.
	 */
	private String accountOfContact(String contactIndex) {
		return permute(skewed(u(contactIndex, 20), this.accounts, 1.3), this.accounts);
	}

	/**
	 * The age in days (1 to 1095) of row {@code g.x} of {@code rows}: row 1 is the
	 * oldest, so ids grow with the creation time as in a real database, and more rows are
	 * recent the larger the exponent.
	 */
	private static String age(long rows, double exponent) {
		return "CAST(1 + FLOOR(" + (YEARS_IN_DAYS - 1) + " * POWER(1 - (CAST(g.x AS DOUBLE PRECISION) - 0.5) / " + rows
				+ ", " + exponent + ")) AS INTEGER)";
	}

	/**
	 * Seconds from the start for row {@code g.x} of {@code rows}, evenly over the three
	 * years and growing with the id.
	 */
	private static String spread(long rows) {
		return "CAST(FLOOR((CAST(g.x AS DOUBLE PRECISION) - 0.5) / " + rows + " * " + (YEARS_IN_DAYS - 1)
				+ " * 86400) AS INTEGER)";
	}

	private String timestamp(String seconds) {
		return this.dialect
			.plusSeconds("TIMESTAMP WITH TIME ZONE '" + this.today.minusDays(YEARS_IN_DAYS) + " 00:00:00+00'", seconds);
	}

	private String date(String days) {
		return this.dialect.plusDays("DATE '" + this.today.minusDays(YEARS_IN_DAYS) + "'", days);
	}

	private String accounts(long from, long to) {
		String a = "(g.x - 1)";
		String place = index(u(a, 6), CITIES.size());
		return "INSERT INTO accounts (id, name, account_type, industry, website, email, phone, street, postal_code,"
				+ " city, country, owner_id, created_at, created_by, updated_at, updated_by, version) SELECT "
				+ String.join(", ", List.of("g.x", companyName(a, 0),
						weighted(u(a, 3), List.of("customer", "prospect", "partner", "competitor", "other"), 45, 40, 8,
								2, 5),
						pick(index(u(a, 4), INDUSTRIES.size()), INDUSTRIES), "'https://www.' || " + domain(a, 0),
						"'info@' || " + domain(a, 0),
						"'+49 ' || " + text("30 + MOD(g.x, 70)") + " || ' ' || "
								+ text("1000000 + " + index(u(a, 5), 8_999_999)),
						pick(index(u(a, 7), STREETS.size()), STREETS) + " || ' ' || " + text("1 + MOD(g.x, 120)"),
						text("10000 + " + index(u(a, 8), 89_999)), pick(place, CITIES), pick(place, COUNTRIES),
						accountOwner(a), timestamp(spread(this.accounts)), "'benchmark'",
						timestamp(spread(this.accounts)), "'benchmark'", "0"))
				+ " FROM " + this.dialect.series(from, to);
	}

	private String contacts(long from, long to) {
		String c = "(g.x - 1)";
		String account = "r.account_index";
		String first = pick(index(u(c, 21), FIRST_NAMES.size()), FIRST_NAMES);
		String last = pick(index(u(c, 22), LAST_NAMES.size()), LAST_NAMES);
		return "INSERT INTO contacts (id, first_name, last_name, title, email, phone, mobile, account_id, owner_id,"
				+ " created_at, created_by, updated_at, updated_by, version) SELECT "
				+ String.join(", ",
						List.of("r.id", "r.first_name", "r.last_name", "r.title",
								"LOWER(r.first_name || '.' || r.last_name) || '@' || " + domain(account, 0), "r.phone",
								"r.mobile", "1 + " + account, accountOwner(account), "r.created_at", "'benchmark'",
								"r.created_at", "'benchmark'", "0"))
				+ " FROM (SELECT "
				+ String.join(", ", List.of("g.x AS id", first + " AS first_name", last + " AS last_name",
						pick(index(u(c, 23), TITLES.size()), TITLES) + " AS title",
						"'+49 ' || " + text("30 + MOD(g.x, 70)") + " || ' ' || "
								+ text("1000000 + " + index(u(c, 24), 8_999_999)) + " AS phone",
						"CASE WHEN " + u(c, 25) + " < 0.6 THEN '+49 17' || " + text(index(u(c, 26), 9)) + " || ' ' || "
								+ text("1000000 + " + index(u(c, 27), 8_999_999)) + " END AS mobile",
						accountOfContact(c) + " AS account_index", timestamp(spread(this.contacts)) + " AS created_at"))
				+ " FROM " + this.dialect.series(from, to) + " OFFSET 0 ROWS) r";
	}

	// Opportunities --------------------------------------------------------------------

	private String potentials(long from, long to) throws SQLException {
		Map<String, long[]> stages = stages("potentials");
		List<Long> stageIds = new ArrayList<>();
		List<Long> probabilities = new ArrayList<>();
		for (String code : OPEN_POTENTIAL_STAGES) {
			stageIds.add(stages.get(code)[0]);
			probabilities.add(stages.get(code)[1]);
		}
		stageIds.add(stages.get("won")[0]);
		probabilities.add(stages.get("won")[1]);
		stageIds.add(stages.get("lost")[0]);
		probabilities.add(stages.get("lost")[1]);
		List<Long> areas = queryLongs("SELECT id FROM business_areas ORDER BY sort_order, id");
		List<Long> reasons = queryLongs("SELECT id FROM lost_reasons ORDER BY sort_order, id");

		String p = "(g.x - 1)";
		// Level 1: the random draws and the whole numbers derived from them.
		// Opportunities
		// are younger on average (more were created recently); most older ones are
		// closed.
		String age = age(this.potentials, 1.25);
		String closedShare = "CASE WHEN a.age < 30 THEN 0.05 WHEN a.age < 90 THEN 0.3 WHEN a.age < 180 THEN 0.6"
				+ " WHEN a.age < 365 THEN 0.88 ELSE 0.97 END";
		String contact = permute(skewed(u(p, 33), this.contacts, 1.3), this.contacts);
		String gaussian = "SQRT(-2 * LN(" + u(p, 35) + ")) * COS(2 * PI() * " + u(p, 36) + ")";
		String level1 = "SELECT g.x AS x, " + age + " AS age, " + u(p, 31) + " AS u_closed, " + u(p, 32) + " AS u_won, "
				+ u(p, 37) + " AS u_stage, " + u(p, 38) + " AS u_duration, " + u(p, 34) + " AS u_link, " + contact
				+ " AS contact_index, " + permute(skewed(u(p, 39), this.accounts, 1.5), this.accounts)
				+ " AS loose_account, " + "CASE WHEN " + u(p, 40)
				+ " < 0.02 THEN NULL ELSE CAST(LEAST(5000000, GREATEST(500, ROUND(EXP(LN(12000) + 1.1 * " + gaussian
				+ ") / 10) * 10)) AS NUMERIC(19, 2)) END AS amount" + " FROM " + this.dialect.series(from, to)
				+ " OFFSET 0 ROWS";
		// Level 2: stage (0-5 open, 6 won, 7 lost), account, days from the start.
		String stage = "CASE WHEN a.u_closed < " + closedShare
				+ " THEN (CASE WHEN a.u_won < 0.35 THEN 6 ELSE 7 END) ELSE "
				+ weighted("a.u_stage", List.of(0, 1, 2, 3, 4, 5), 18, 18, 20, 16, 16, 12) + " END";
		String level2 = "SELECT a.x, a.age, a.amount, a.u_link, a.contact_index, " + stage + " AS stage, "
				+ "CASE WHEN a.u_link < 0.8 THEN " + accountOfContact("a.contact_index")
				+ " WHEN a.u_link < 0.97 THEN a.loose_account END AS account_index, " + (YEARS_IN_DAYS + " - a.age")
				+ " AS created_day, " + "CAST(FLOOR(5 + 175 * POWER(a.u_duration, 2)) AS INTEGER) AS closed_after, "
				+ "CAST(FLOOR(14 + 300 * a.u_duration) AS INTEGER) AS open_for FROM (" + level1 + ") a OFFSET 0 ROWS";
		// Level 3: the days of closing and of the expected close.
		String pp = "(b.x - 1)";
		String closeDay = "LEAST(" + YEARS_IN_DAYS + ", b.created_day + b.closed_after)";
		String level3 = "SELECT b.*, CASE WHEN b.stage >= 6 THEN " + closeDay + " END AS closed_day, "
				+ "CASE WHEN b.stage >= 6 THEN GREATEST(b.created_day, " + closeDay + " + " + index(u(pp, 41), 31)
				+ " - 15) ELSE b.created_day + b.open_for END AS close_day, " + "CASE WHEN b.account_index IS NULL OR "
				+ u(pp, 42) + " < 0.2 THEN " + owner(u(pp, 43)) + " ELSE " + accountOwner("b.account_index")
				+ " END AS owner_id, " + pick("b.stage", probabilities) + " AS probability FROM (" + level2
				+ ") b OFFSET 0 ROWS";

		String x = "(c.x - 1)";
		String product = pick(index(u(x, 44), PRODUCTS.size()), PRODUCTS);
		String createdSeconds = "c.created_day * 86400 + 28800 + " + index(u(x, 45), 36_000);
		List<String> columns = List.of("id", "name", "amount", "currency", "probability", "weighted_amount", "stage_id",
				"expected_close_date", "business_area_id", "billing_start_date", "account_id", "contact_id", "owner_id",
				"lead_source", "next_step", "closed_date", "lost_reason_id", "created_at", "created_by", "updated_at",
				"updated_by", "version");
		List<String> values = List.of("c.x", //
				"CASE WHEN c.account_index IS NULL THEN " + product + " ELSE " + companyName("c.account_index", 0)
						+ " || ' - ' || " + product + " END || ' ' || "
						+ text("EXTRACT(YEAR FROM " + date("c.created_day") + ")"),
				"c.amount", "'EUR'", "c.probability",
				"CAST(ROUND(c.amount * c.probability / 100, 2) AS NUMERIC(19, 2))", pick("c.stage", stageIds),
				date("c.close_day"),
				"CASE WHEN " + u(x, 46) + " < 0.05 THEN NULL ELSE "
						+ weighted(u(x, 47), areas, weights(areas.size(), 40, 30, 15, 15)) + " END",
				"CASE WHEN c.stage = 6 THEN " + date("c.closed_day + " + index(u(x, 48), 60)) + " WHEN c.stage < 6 AND "
						+ u(x, 48) + " < 0.5 THEN " + date("c.close_day + 30") + " END",
				"CASE WHEN c.account_index IS NOT NULL THEN 1 + c.account_index END",
				"CASE WHEN c.u_link < 0.8 THEN 1 + c.contact_index END", "c.owner_id",
				weighted(u(x, 49), LEAD_SOURCES, LEAD_SOURCE_WEIGHTS),
				"CASE WHEN c.stage < 6 THEN " + pick(index(u(x, 50), NEXT_STEPS.size()), NEXT_STEPS) + " END",
				"CASE WHEN c.stage >= 6 THEN " + date("c.closed_day") + " END",
				"CASE WHEN c.stage = 7 THEN " + weighted(u(x, 51), reasons, weights(reasons.size(), 30, 25, 20, 15, 10))
						+ " END",
				timestamp(createdSeconds), "'benchmark'", "CASE WHEN c.stage >= 6 THEN "
						+ timestamp("c.closed_day * 86400 + 61200") + " ELSE " + timestamp(createdSeconds) + " END",
				"'benchmark'", "0");
		return "INSERT INTO potentials (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
				+ " FROM (" + level3 + ") c";
	}

	// Leads ----------------------------------------------------------------------------

	private String leads(long from, long to) throws SQLException {
		Map<String, long[]> stages = stages("leads");
		List<Long> stageIds = List.of(stages.get("new")[0], stages.get("contacted")[0], stages.get("nurturing")[0],
				stages.get("qualified")[0], stages.get("disqualified")[0]);
		String l = "(g.x - 1)";
		String age = age(this.leads, 1.4);
		String closedShare = "CASE WHEN a.age < 14 THEN 0.05 WHEN a.age < 60 THEN 0.3 WHEN a.age < 180 THEN 0.7"
				+ " ELSE 0.93 END";
		String level1 = "SELECT g.x AS x, " + age + " AS age, " + u(l, 61) + " AS u_closed, "
				+ pick(index(u(l, 64), FIRST_NAMES.size()), FIRST_NAMES) + " AS first_name, "
				+ pick(index(u(l, 65), LAST_NAMES.size()), LAST_NAMES) + " AS last_name, " + u(l, 66)
				+ " AS u_consent FROM " + this.dialect.series(from, to) + " OFFSET 0 ROWS";
		String x = "(a.x - 1)";
		String stage = "CASE WHEN a.u_closed < " + closedShare + " THEN (CASE WHEN " + u(x, 62)
				+ " < 0.35 THEN 3 ELSE 4 END) ELSE " + weighted(u(x, 63), List.of(0, 1, 2), 45, 35, 20) + " END";
		String company = "(" + this.accounts + " + " + x + ")";
		String createdSeconds = "(" + YEARS_IN_DAYS + " - a.age) * 86400 + 28800 + " + index(u(x, 67), 36_000);
		List<String> columns = List.of("id", "first_name", "last_name", "company", "title", "email", "phone", "mobile",
				"website", "street", "postal_code", "city", "country", "lead_source", "stage_id", "rating",
				"marketing_consent", "consent_date", "consent_source", "owner_id", "created_at", "created_by",
				"updated_at", "updated_by", "version");
		String place = index(u(x, 73), CITIES.size());
		List<String> values = List.of("a.x", "a.first_name", "a.last_name",
				"CASE WHEN " + u(x, 68) + " < 0.9 THEN " + companyName(company, 80) + " END",
				"CASE WHEN " + u(x, 69) + " < 0.7 THEN " + pick(index(u(x, 70), TITLES.size()), TITLES) + " END",
				"LOWER(a.first_name || '.' || a.last_name) || '@' || " + domain(company, 80),
				"'+49 ' || " + text("30 + MOD(a.x, 70)") + " || ' ' || "
						+ text("1000000 + " + index(u(x, 71), 8_999_999)),
				"CASE WHEN " + u(x, 72) + " < 0.5 THEN '+49 15' || " + text(index(u(x, 74), 9)) + " || ' ' || "
						+ text("1000000 + " + index(u(x, 75), 8_999_999)) + " END",
				"CASE WHEN " + u(x, 76) + " < 0.6 THEN 'https://www.' || " + domain(company, 80) + " END",
				pick(index(u(x, 77), STREETS.size()), STREETS) + " || ' ' || " + text("1 + MOD(a.x, 120)"),
				text("10000 + " + index(u(x, 78), 89_999)), pick(place, CITIES), pick(place, COUNTRIES),
				weighted(u(x, 79), LEAD_SOURCES, LEAD_SOURCE_WEIGHTS), pick(stage, stageIds),
				weighted(u(x, 84), java.util.Arrays.asList("hot", "warm", "cold", null), 15, 35, 30, 20),
				"a.u_consent < 0.45", "CASE WHEN a.u_consent < 0.45 THEN " + date(YEARS_IN_DAYS + " - a.age") + " END",
				"CASE WHEN a.u_consent < 0.3 THEN 'Web form' WHEN a.u_consent < 0.45 THEN 'Trade fair' END",
				"CASE WHEN " + u(x, 85) + " < 0.9 THEN " + owner(u(x, 86)) + " END", timestamp(createdSeconds),
				"'benchmark'", timestamp(createdSeconds), "'benchmark'", "0");
		return "INSERT INTO leads (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " FROM ("
				+ level1 + ") a";
	}

	// Plumbing -------------------------------------------------------------------------

	@FunctionalInterface
	private interface Chunk {

		String sql(long from, long to) throws SQLException;

	}

	@FunctionalInterface
	private interface Work {

		void run() throws SQLException;

	}

	private void chunked(String table, int rows, Chunk chunk) throws SQLException {
		for (long from = 1; from <= rows; from += CHUNK) {
			long to = Math.min(rows, from + CHUNK - 1);
			Instant start = Instant.now();
			String sql = chunk.sql(from, to);
			int inserted;
			try (Statement statement = this.connection.createStatement()) {
				inserted = statement.executeUpdate(sql);
			}
			System.out.printf(Locale.ROOT, "  %s %,d-%,d: %,d rows in %.1f s%n", table, from, to, inserted,
					Duration.between(start, Instant.now()).toMillis() / 1000.0);
		}
	}

	private void step(String name, Work work) throws SQLException {
		Instant start = Instant.now();
		System.out.println(name + " …");
		work.run();
		this.timings.put(name, Duration.between(start, Instant.now()));
	}

	private Map<String, long[]> stages(String module) throws SQLException {
		Map<String, long[]> stages = new LinkedHashMap<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT code, id, probability FROM pipeline_stages WHERE module = " + literal(module)
							+ " ORDER BY sort_order")) {
			while (rs.next()) {
				stages.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
			}
		}
		return stages;
	}

	private static double[] weights(int size, double... preferred) {
		double[] weights = new double[size];
		for (int i = 0; i < size; i++) {
			weights[i] = (i < preferred.length) ? preferred[i] : 5;
		}
		return weights;
	}

	private int scaled(int rows) {
		return Math.max(10, (int) Math.round(rows * this.scale));
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long count(String table) throws SQLException {
		return queryLong("SELECT COUNT(*) FROM " + table);
	}

	private long maxId(String table) throws SQLException {
		return queryLong("SELECT COALESCE(MAX(id), 0) FROM " + table);
	}

	private long queryLong(String sql) throws SQLException {
		List<Long> values = queryLongs(sql);
		return values.get(0);
	}

	private List<Long> queryLongs(String sql) throws SQLException {
		List<Long> values = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getLong(1));
			}
		}
		return values;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unknown argument " + arg);
			}
			int equals = arg.indexOf('=');
			options.put((equals < 0) ? arg.substring(2) : arg.substring(2, equals),
					(equals < 0) ? "" : arg.substring(equals + 1));
		}
		return options;
	}

	static String option(Map<String, String> options, String name, String environment, String fallback) {
		String value = options.get(name);
		if (value == null) {
			value = System.getenv(environment);
		}
		return (value != null) ? value : fallback;
	}

}
