package org.potentia.platform.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.potentia.platform.AuditedEntity;
import org.potentia.platform.RecordSaved;
import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;

/**
 * Reads a record's values for a {@link RecordSaved} event and publishes it. Services call
 * {@link #snapshot} before a change and {@link #saved} after it, in the same transaction.
 */
@Component
public class RecordEvents {

	/**
	 * The source that the saved events of the work {@link #inNameOf} runs carry, whatever
	 * each save states. Every other path passes its source explicitly.
	 */
	private static final ThreadLocal<SaveSource> SOURCE = new ThreadLocal<>();

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
	 * Saves the record, flushed so that the event reads its values, and publishes that it
	 * was saved.
	 * @param before the record's values before the change ({@link #snapshot}), or null
	 * for a new record
	 */
	public <E extends AuditedEntity> E save(String module, E record, JpaRepository<E, Long> repository,
			Map<String, Object> before, CurrentUser user, SaveSource source) {
		repository.saveAndFlush(record);
		saved(module, record.getId(), before, user, source);
		return record;
	}

	/**
	 * Publishes that the record was saved; call after the change is flushed.
	 */
	public void saved(String module, long id, Map<String, Object> before, CurrentUser user, SaveSource source) {
		Map<String, Object> after = snapshot(module, id);
		if (after != null) {
			SaveSource effective = (SOURCE.get() != null) ? SOURCE.get() : source;
			this.events.publishEvent(new RecordSaved(module, id, before, after, user, effective));
		}
	}

	/**
	 * Runs work whose saved events, in whatever module and through whatever service, all
	 * carry this source, while each save keeps its own for anything else it records. Only
	 * a lead conversion that a workflow runs needs this: its opportunity's history row
	 * says {@code conversion}, yet none of the records it saves may trigger a workflow
	 * again, so one save has two sources and a single parameter cannot carry both.
	 */
	public static <T> T inNameOf(SaveSource source, Supplier<T> work) {
		SaveSource previous = SOURCE.get();
		SOURCE.set(source);
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				SOURCE.set(previous);
			}
			else {
				SOURCE.remove();
			}
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
