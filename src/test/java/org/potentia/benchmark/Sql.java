package org.potentia.benchmark;

import java.util.List;
import java.util.SplittableRandom;

/**
 * SQL expression builders for set-based generation: deterministic pseudo-random numbers
 * from a row number, picks from lists, weighted picks. Only functions that H2 and
 * PostgreSQL spell alike ({@code MOD}, {@code FLOOR}, {@code POWER}, {@code CASE}).
 */
final class Sql {

	/**
	 * The modulus of the hash: 2^31 - 1, a prime, so that products of two residues fit a
	 * BIGINT.
	 */
	static final long M = 2147483647L;

	private Sql() {
	}

	/**
	 * A number in [0, 1) that depends only on the row expression and the stream number
	 * {@code k}: the same row gives the same number in every statement, so a value
	 * computed in one table (a contact's account) can be recomputed in another (the
	 * opportunity that picked the contact) without a join. The product of two linear
	 * residues is not linear, so streams look independent of each other and of the row
	 * order.
	 * @param row a BIGINT SQL expression, typically the row number
	 * @param k the stream
	 */
	static String u(String row, int k) {
		SplittableRandom random = new SplittableRandom(1_000_003L * k + 12_345L);
		long a = 1 + random.nextLong(M - 1);
		long b = random.nextLong(M);
		long c = 1 + random.nextLong(M - 1);
		long d = random.nextLong(M);
		long e = random.nextLong(M);
		// Cast: H2 types MOD(x, INTEGER) as INTEGER, and the product would overflow.
		String x = "CAST(" + row + " AS BIGINT)";
		String first = "CAST(MOD(" + x + " * " + a + " + " + b + ", " + M + ") AS BIGINT)";
		String second = "CAST(MOD(" + x + " * " + c + " + " + d + ", " + M + ") AS BIGINT)";
		return "((CAST(MOD(" + first + " * " + second + " + " + e + ", " + M + ") AS DOUBLE PRECISION) + 0.5) / " + M
				+ ")";
	}

	/**
	 * {@code FLOOR(n * u)} as an INTEGER in [0, n).
	 */
	static String index(String u, long n) {
		return "CAST(FLOOR(" + n + " * " + u + ") AS INTEGER)";
	}

	/**
	 * A skewed index in [0, n): small indexes are picked more often the larger the
	 * exponent ({@code n * u^exponent}).
	 */
	static String skewed(String u, long n, double exponent) {
		return "CAST(FLOOR(" + n + " * POWER(" + u + ", " + exponent + ")) AS INTEGER)";
	}

	/**
	 * A bijection of [0, n) that scatters neighbouring indexes, so that "popular" indexes
	 * from {@link #skewed} are not all at the start of a table.
	 */
	static String permute(String index, long n) {
		long[] primes = { 7919, 104729, 15485863, 2147483629L };
		for (long prime : primes) {
			if (n % prime != 0 && prime < M) {
				return "MOD(CAST(" + index + " AS BIGINT) * " + prime + ", " + n + ")";
			}
		}
		throw new IllegalArgumentException("no permutation for " + n);
	}

	/**
	 * The list element at an index expression in [0, size).
	 */
	static String pick(String index, List<?> values) {
		StringBuilder sql = new StringBuilder("CASE ").append(index);
		for (int i = 0; i < values.size() - 1; i++) {
			sql.append(" WHEN ").append(i).append(" THEN ").append(literal(values.get(i)));
		}
		return sql.append(" ELSE ").append(literal(values.get(values.size() - 1))).append(" END").toString();
	}

	/**
	 * A list element chosen by a uniform number, each with its weight.
	 */
	static String weighted(String u, List<?> values, double... weights) {
		if (values.size() != weights.length) {
			throw new IllegalArgumentException("one weight per value");
		}
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		StringBuilder sql = new StringBuilder("CASE");
		double cumulative = 0;
		for (int i = 0; i < values.size() - 1; i++) {
			cumulative += weights[i];
			sql.append(" WHEN ").append(u).append(" < ").append(cumulative / total).append(" THEN ");
			sql.append(literal(values.get(i)));
		}
		return sql.append(" ELSE ").append(literal(values.get(values.size() - 1))).append(" END").toString();
	}

	static String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return "'" + value.toString().replace("'", "''") + "'";
	}

	/**
	 * A whole number as text, for concatenation.
	 */
	static String text(String number) {
		return "CAST(" + number + " AS VARCHAR(20))";
	}

}
