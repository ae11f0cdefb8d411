package org.potentia.opportunity;

/**
 * Where a change of an opportunity came from; kept on its history row. Every write method
 * of {@link OpportunityService} takes one, so no path can change an opportunity without
 * saying which it is.
 */
public enum ChangeSource {

	FORM, BOARD, API, IMPORT, WORKFLOW, CONVERSION, WEB_FORM;

	public String code() {
		return name().toLowerCase();
	}

	/**
	 * The source with this code ({@code workflow}).
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static ChangeSource of(String code) {
		for (ChangeSource source : values()) {
			if (source.code().equals(code)) {
				return source;
			}
		}
		throw new IllegalArgumentException("Unknown change source " + code);
	}

}
