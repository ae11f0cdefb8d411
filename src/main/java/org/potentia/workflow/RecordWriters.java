package org.potentia.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.potentia.platform.SaveSource;
import org.potentia.platform.api.AttributeBinder;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Writes records of any module the way the web service does, through the module's
 * {@link RecordWriter} (so its service applies every rule), in the name of the system and
 * with source {@code workflow}.
 */
@Component
class RecordWriters {

	private final Map<String, RecordWriter<?>> writers = new LinkedHashMap<>();

	private final AttributeBinder binder;

	RecordWriters(List<RecordWriter<?>> writers, AttributeBinder binder) {
		writers.forEach((writer) -> this.writers.put(writer.definition().name(), writer));
		this.binder = binder;
	}

	boolean canWrite(String module) {
		return this.writers.containsKey(module);
	}

	/**
	 * Changes fields of a record.
	 * @param values new values by field name, as Java values or text
	 * @throws org.potentia.platform.ValidationException if the module's rules refuse them
	 */
	void update(ModuleDefinition module, long id, Map<String, Object> values) {
		RecordWriter<Object> writer = writer(module);
		Object form = writer.formOf(id, CurrentUser.SYSTEM);
		this.binder.bind(module, values, form);
		writer.update(id, form, CurrentUser.SYSTEM, SaveSource.WORKFLOW);
	}

	/**
	 * Creates a record from the module's defaults and these values.
	 * @return the new record's id
	 */
	long create(ModuleDefinition module, Map<String, Object> values) {
		RecordWriter<Object> writer = writer(module);
		Object form = writer.newForm(CurrentUser.SYSTEM);
		this.binder.bind(module, values, form);
		return writer.create(form, CurrentUser.SYSTEM, SaveSource.WORKFLOW);
	}

	@SuppressWarnings("unchecked")
	private RecordWriter<Object> writer(ModuleDefinition module) {
		return (RecordWriter<Object>) Optional.ofNullable(this.writers.get(module.name()))
			.orElseThrow(() -> new IllegalStateException("Records of " + module.name() + " cannot be written"));
	}

	/**
	 * Whether a field may be set by a workflow: written by clients, not the version.
	 */
	static boolean isWritable(Field field) {
		return !field.readOnly() && !"version".equals(field.name());
	}

}
