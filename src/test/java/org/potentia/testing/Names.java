package org.potentia.testing;

import java.util.UUID;

/**
 * Unique names, so that tests never collide with each other's data in a shared database.
 */
public final class Names {

	private Names() {
	}

	/**
	 * A short lower-case tag (letters and digits only, safe in regular expressions and
	 * LIKE patterns) to prefix the names of one test's records.
	 */
	public static String tag() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	public static String unique(String prefix) {
		return prefix + "-" + tag();
	}

}
