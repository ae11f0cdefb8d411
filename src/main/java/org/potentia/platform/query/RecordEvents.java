package org.potentia.platform.query;

import java.util.LinkedHashMap;
import java.util.Map;

import org.potentia.platform.RecordSaved;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads a record's values for a {@link RecordSaved} event and publishes it. Services call
 * {@link #snapshot} before a change and {@link #saved} after it, in the same transaction.
 */
@Component
public class RecordEvents {

	private final RecordQueries queries;

	private final Catalogue catalogue;

	private final ApplicationEventPublisher events;

	public RecordEvents(RecordQueries queries, Catalogue catalogue, ApplicationEventPublisher events) {
		this.queries = queries;
		this.catalogue = catalogue;
		this.events = events;
	}

	/**
	 * The record's values now, or null if it does not exist.
	 */
	public Map<String, Object> snapshot(String module, long id) {
		ModuleDefinition definition = this.catalogue.get(module);
		return this.queries.get(definition, id, CurrentUser.SYSTEM).map(RecordEvents::plain).orElse(null);
	}

	/**
	 * Publishes that the record was saved; call after the change is flushed.
	 */
	public void saved(String module, long id, Map<String, Object> before, CurrentUser user, String source) {
		Map<String, Object> after = snapshot(module, id);
		if (after != null) {
			this.events.publishEvent(new RecordSaved(module, id, before, after, user, source));
		}
	}

	private static Map<String, Object> plain(Map<String, Object> row) {
		Map<String, Object> values = new LinkedHashMap<>();
		row.forEach((key, value) -> {
			if (!key.startsWith("__")) {
				values.put(key, value);
			}
		});
		return values;
	}

}
