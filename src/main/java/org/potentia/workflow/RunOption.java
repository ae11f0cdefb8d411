package org.potentia.workflow;

/**
 * When a workflow whose conditions hold runs.
 */
public enum RunOption {

	/**
	 * Only when the record is created.
	 */
	FIRST_SAVE("first_save"),

	/**
	 * The first time the record meets the conditions, never again for that record.
	 */
	FIRST_MATCH("first_match"),

	/**
	 * On every save while the conditions hold.
	 */
	EVERY_SAVE("every_save");

	private final String code;

	RunOption(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static RunOption of(String code) {
		for (RunOption option : values()) {
			if (option.code.equals(code)) {
				return option;
			}
		}
		throw new IllegalArgumentException("Unknown run option " + code);
	}

}
