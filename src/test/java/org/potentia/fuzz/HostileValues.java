package org.potentia.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The hostile values the fuzz test sends, and a seeded choice among them: huge, empty,
 * control characters, wrong types, injections, deep nesting, numbers and dates out of any
 * column's range.
 */
final class HostileValues {

	static final String HUGE = "x".repeat(100_000);

	static final String DEEP_ARRAY = "[".repeat(5_000) + "]".repeat(5_000);

	static final List<String> TEXT = List.of("", " ", "\u0000", "a\u0000b", "\r\n", "\t\u0007\u001b[0m\u007f", "\uFEFF",
			"\u202Egnp.exe", "\uD83D\uDE00\uD835\uDD18", "\uD800", "' OR '1'='1", "\"; DROP TABLE accounts; --",
			"<script>alert(1)</script>", "${7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x", "*{7*7}", "#{7*7}",
			"{{7*7}}", "../../../etc/passwd", "%00", "%", "\\", "null", "[]", "{}", "a".repeat(300),
			"x@" + "y".repeat(260) + ".example", HUGE, DEEP_ARRAY, "{\"$regex\":[\"name\",\"(\"]}");

	static final List<String> NUMBERS = List.of("-1", "0", "1.5", "1e999999999", "-1e-999999999", "9223372036854775808",
			"-9223372036854775809", "NaN", "Infinity", "0x1F", "1,5", "1 000",
			"99999999999999999999999999999999999999999");

	static final List<String> DATES = List.of("0000-00-00", "2024-02-30", "9999-12-31", "0001-01-01", "-0001-01-01",
			"+999999999-12-31", "2024-01-01T25:61:61Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00",
			"23:59:60", "$now -999999999999 days", "$now +1e9 days", "P-1D");

	static final List<String> ALL;

	static {
		List<String> all = new ArrayList<>(TEXT);
		all.addAll(NUMBERS);
		all.addAll(DATES);
		ALL = List.copyOf(all);
	}

	/**
	 * Values that are always sent for an input of the given HTML or catalogue type.
	 */
	static List<String> core(String type) {
		String kind = (type != null) ? type.toLowerCase() : "";
		if (kind.contains("date") || kind.contains("time") || kind.contains("month")) {
			return List.of("", "+999999999-12-31", "+999999999-12-31T23:59:59Z", "0000-00-00", "\u0000");
		}
		if (kind.equals("number") || kind.equals("range") || kind.equals("integer") || kind.equals("decimal")
				|| kind.equals("money") || kind.equals("percent") || kind.equals("relation")) {
			return List.of("", "1e999999999", "-1e-999999999", "9223372036854775808", "abc");
		}
		return List.of("", "\u0000", HUGE, "a".repeat(300));
	}

	private final Random random;

	HostileValues(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * The core values of the type and a few more chosen by the seed.
	 */
	List<String> pick(String type, int more) {
		Set<String> values = new LinkedHashSet<>(core(type));
		for (int i = 0; i < more; i++) {
			values.add(ALL.get(this.random.nextInt(ALL.size())));
		}
		return List.copyOf(values);
	}

	/**
	 * A few values chosen by the seed from the list.
	 */
	<T> List<T> sample(List<T> from, int count) {
		if (from.size() <= count) {
			return from;
		}
		List<T> copy = new ArrayList<>(from);
		java.util.Collections.shuffle(copy, this.random);
		return copy.subList(0, count);
	}

}
