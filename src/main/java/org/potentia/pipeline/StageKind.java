package org.potentia.pipeline;

/**
 * Whether a stage is still open, or closes the record as won or lost.
 */
public enum StageKind {

	OPEN, WON, LOST;

	public String code() {
		return name().toLowerCase();
	}

	public boolean isClosed() {
		return this != OPEN;
	}

	public static StageKind of(String code) {
		return valueOf(code.toUpperCase());
	}

}
