package org.potentia.benchmark;

/**
 * The few SQL spellings in which H2 and PostgreSQL differ, for the data generator.
 */
enum Dialect {

	POSTGRESQL("postgresql") {

		@Override
		String series(long from, long to) {
			return "generate_series(CAST(" + from + " AS BIGINT), CAST(" + to + " AS BIGINT)) AS g(x)";
		}

		@Override
		String plusDays(String date, String days) {
			return "(" + date + " + CAST(" + days + " AS INTEGER))";
		}

		@Override
		String plusSeconds(String timestamp, String seconds) {
			return "(" + timestamp + " + CAST(" + seconds + " AS INTEGER) * INTERVAL '1 second')";
		}

		@Override
		String monthStart(String date) {
			return "CAST(date_trunc('month', " + date + ") AS DATE)";
		}

		@Override
		String plusMonths(String date, String months) {
			return "CAST(" + date + " + CAST(" + months + " AS INTEGER) * INTERVAL '1 month' AS DATE)";
		}

		@Override
		String analyze(String... tables) {
			// VACUUM too: index-only scans need the visibility map, which autovacuum
			// would otherwise fill in only some minutes after the load.
			return "VACUUM (ANALYZE) " + String.join(", ", tables);
		}

		@Override
		String truncate(String... tables) {
			return "TRUNCATE TABLE " + String.join(", ", tables);
		}

	},

	H2("h2") {

		@Override
		String series(long from, long to) {
			return "(SELECT X AS x FROM SYSTEM_RANGE(" + from + ", " + to + ")) g";
		}

		@Override
		String plusDays(String date, String days) {
			return "DATEADD(DAY, CAST(" + days + " AS INTEGER), " + date + ")";
		}

		@Override
		String plusSeconds(String timestamp, String seconds) {
			return "DATEADD(SECOND, CAST(" + seconds + " AS INTEGER), " + timestamp + ")";
		}

		@Override
		String monthStart(String date) {
			return "CAST(DATE_TRUNC('MONTH', " + date + ") AS DATE)";
		}

		@Override
		String plusMonths(String date, String months) {
			return "DATEADD(MONTH, CAST(" + months + " AS INTEGER), " + date + ")";
		}

		@Override
		String analyze(String... tables) {
			return "ANALYZE";
		}

		@Override
		String truncate(String... tables) {
			// H2 refuses TRUNCATE on tables that foreign keys point to.
			StringBuilder sql = new StringBuilder();
			for (String table : tables) {
				sql.append(sql.isEmpty() ? "" : ";").append("DELETE FROM ").append(table);
			}
			return sql.toString();
		}

	};

	private final String vendor;

	Dialect(String vendor) {
		this.vendor = vendor;
	}

	/**
	 * The folder of vendor-specific migrations ({@code db/vendor/<vendor>}), as Spring
	 * Boot's {@code {vendor}} placeholder names it.
	 */
	String vendor() {
		return this.vendor;
	}

	static Dialect of(String jdbcUrl) {
		if (jdbcUrl.startsWith("jdbc:postgresql:")) {
			return POSTGRESQL;
		}
		if (jdbcUrl.startsWith("jdbc:h2:")) {
			return H2;
		}
		throw new IllegalArgumentException("only H2 and PostgreSQL are supported: " + jdbcUrl);
	}

	/**
	 * A FROM item of the whole numbers {@code from..to} as column {@code g.x}.
	 */
	abstract String series(long from, long to);

	abstract String plusDays(String date, String days);

	abstract String plusSeconds(String timestamp, String seconds);

	/**
	 * The first day of the month of a date.
	 */
	abstract String monthStart(String date);

	/**
	 * A date some months later (or earlier).
	 */
	abstract String plusMonths(String date, String months);

	abstract String analyze(String... tables);

	/**
	 * One or more statements, separated by {@code ;}, that empty the tables.
	 */
	abstract String truncate(String... tables);

}
