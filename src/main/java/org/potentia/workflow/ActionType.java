package org.potentia.workflow;

/**
 * What an action does.
 */
public enum ActionType {

	SET_FIELD("set_field"), RUN_TOOL("run_tool"), SEND_EMAIL("send_email"), NOTIFY("notify"), WEBHOOK("webhook");

	private final String code;

	ActionType(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static ActionType of(String code) {
		for (ActionType type : values()) {
			if (type.code.equals(code)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown action type " + code);
	}

}
