package org.potentia.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * With whom a widget is shared: nobody (its owner's own), the owner's chosen team, or
 * everyone.
 */
public enum WidgetSharing {

	NOBODY, TEAM, EVERYONE;

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<WidgetSharing> of(String code) {
		return Arrays.stream(values()).filter((sharing) -> sharing.code().equals(code)).findFirst();
	}

}
