package org.potentia.workflow;

/**
 * Where a "set a field" action takes its value from.
 */
public enum ValueSource {

	/**
	 * A fixed value, entered as text and converted by the target field's type.
	 */
	FIXED("fixed"),

	/**
	 * Another field of the record, or of a linked record.
	 */
	FIELD("field"),

	/**
	 * A date field of the record (or today) plus a number of days.
	 */
	DATE_PLUS("date_plus");

	private final String code;

	ValueSource(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static ValueSource of(String code) {
		for (ValueSource source : values()) {
			if (source.code.equals(code)) {
				return source;
			}
		}
		throw new IllegalArgumentException("Unknown value source " + code);
	}

}
