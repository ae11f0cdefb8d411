package org.potentia.lead;

import java.util.Arrays;
import java.util.List;

/**
 * How promising a lead looks.
 */
public enum LeadRating {

	HOT, WARM, COLD;

	public String code() {
		return name().toLowerCase();
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(LeadRating::code).toList();
	}

}
