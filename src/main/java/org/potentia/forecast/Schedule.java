package org.potentia.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How an opportunity's amount becomes invoicing forecast rows.
 */
public enum Schedule {

	/**
	 * The whole amount in the start month.
	 */
	ONE_OFF("one_off"),

	/**
	 * The amount spread evenly over N months; the last month takes the rounding
	 * remainder, so the rows add up to the amount exactly.
	 */
	EVEN("even"),

	/**
	 * A recurring monthly amount for N months: every row is the amount given, so the rows
	 * add up to N times it.
	 */
	MONTHLY("monthly");

	private final String code;

	Schedule(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * Whether the schedule takes a number of months (one-off is always one month).
	 */
	public boolean spansMonths() {
		return this != ONE_OFF;
	}

	public static Optional<Schedule> of(String code) {
		return Arrays.stream(values()).filter((schedule) -> schedule.code.equals(code)).findFirst();
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(Schedule::code).toList();
	}

}
