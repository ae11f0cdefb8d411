package org.potentia.workflow;

/**
 * How a condition compares a field with its value.
 */
public enum Operator {

	EQUALS("equals", true), NOT_EQUALS("not_equals", true), LESS("less", true), GREATER("greater", true),
	CONTAINS("contains", true), EMPTY("empty", false), CHANGED("changed", false), CHANGED_TO("changed_to", true);

	private final String code;

	private final boolean takesValue;

	Operator(String code, boolean takesValue) {
		this.code = code;
		this.takesValue = takesValue;
	}

	public String code() {
		return this.code;
	}

	/**
	 * Whether the condition compares with a value (all but "is empty" and "changed").
	 */
	public boolean takesValue() {
		return this.takesValue;
	}

	/**
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static Operator of(String code) {
		for (Operator operator : values()) {
			if (operator.code.equals(code)) {
				return operator;
			}
		}
		throw new IllegalArgumentException("Unknown operator " + code);
	}

}
