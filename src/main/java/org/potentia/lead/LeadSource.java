package org.potentia.lead;

import java.util.Arrays;
import java.util.List;

/**
 * Where a lead came from.
 */
public enum LeadSource {

	MANUAL, WEB_FORM, IMPORT, API, CAMPAIGN, REFERRAL, OTHER;

	public String code() {
		return name().toLowerCase();
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(LeadSource::code).toList();
	}

}
