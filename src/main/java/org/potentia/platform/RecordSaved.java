package org.potentia.platform;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.potentia.platform.security.CurrentUser;

/**
 * A record of some module was created or changed: published by every module's service
 * after the save, inside its transaction, with the record's field values (catalogue
 * names) before and after. Listeners that need not hold at commit (workflows) react after
 * the commit through Spring Modulith's event publication registry, so a crash in between
 * loses nothing.
 *
 * @param module the API module name
 * @param id the record's id
 * @param before the values before, or null for a new record
 * @param after the values after
 * @param user who saved
 * @param source where the save came from
 * @param eventId unique per save, so that a listener the registry calls again (after a
 * crash) can tell that it has already reacted
 */
public record RecordSaved(String module, long id, Map<String, Object> before, Map<String, Object> after,
		CurrentUser user, SaveSource source, UUID eventId) {

	public RecordSaved {
		eventId = (eventId != null) ? eventId : UUID.randomUUID();
	}

	public RecordSaved(String module, long id, Map<String, Object> before, Map<String, Object> after, CurrentUser user,
			SaveSource source) {
		this(module, id, before, after, user, source, UUID.randomUUID());
	}

	public boolean isNew() {
		return this.before == null;
	}

	/**
	 * Whether a field's value differs between before and after (always true for a new
	 * record with a value).
	 */
	public boolean changed(String field) {
		Object old = (this.before != null) ? this.before.get(field) : null;
		Object now = this.after.get(field);
		if (old instanceof java.math.BigDecimal a && now instanceof java.math.BigDecimal b) {
			return a.compareTo(b) != 0;
		}
		return !Objects.equals(old, now);
	}

	/**
	 * Whether a workflow made this save: workflows never trigger on their own changes.
	 */
	public boolean byWorkflow() {
		return this.source == SaveSource.WORKFLOW;
	}

}
