package org.potentia.opportunity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.potentia.platform.settings.Settings;
import org.springframework.stereotype.Component;

/**
 * The admin's rules for opportunities: which fields are mandatory beyond the name, and
 * whether a lost opportunity needs a lost reason. Read from the settings on every save,
 * so the form, the board, import and the API all apply the same rules.
 */
@Component
public class OpportunityRules {

	/**
	 * The fields an admin may make mandatory, in form order.
	 */
	public static final List<String> MANDATORY_CANDIDATES = List.of("amount", "probability", "expected_close_date",
			"business_area_id", "billing_start_date", "account_id", "contact_id", "lead_source", "next_step",
			"description");

	static final String MANDATORY = "potentials.mandatory";

	static final String LOST_REASON_REQUIRED = "potentials.lost_reason_required";

	private final Settings settings;

	OpportunityRules(Settings settings) {
		this.settings = settings;
	}

	public Set<String> mandatoryFields() {
		return this.settings.get(MANDATORY)
			.map((text) -> Arrays.stream(text.split(","))
				.map(String::trim)
				.filter(MANDATORY_CANDIDATES::contains)
				.collect(Collectors.toCollection(LinkedHashSet::new)))
			.orElseGet(LinkedHashSet::new);
	}

	public boolean isLostReasonRequired() {
		return this.settings.getBoolean(LOST_REASON_REQUIRED, true);
	}

	/**
	 * The rules' version, for the page to carry.
	 */
	public long version() {
		return this.settings.version(List.of(MANDATORY, LOST_REASON_REQUIRED));
	}

	/**
	 * Changes the rules.
	 * @param seen the version the page showed, or null if it did not say
	 * @throws org.potentia.platform.ConflictException if they were changed since
	 */
	@org.springframework.transaction.annotation.Transactional
	public void change(Set<String> mandatory, boolean lostReasonRequired, Long seen, String who) {
		this.settings.checkVersion(List.of(MANDATORY, LOST_REASON_REQUIRED), seen);
		String value = MANDATORY_CANDIDATES.stream().filter(mandatory::contains).collect(Collectors.joining(","));
		this.settings.set(MANDATORY, value, who);
		this.settings.set(LOST_REASON_REQUIRED, String.valueOf(lostReasonRequired), who);
	}

}
