package org.potentia.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link RecordWriter} by module name, and the one way to write a record
 * from values by field name: bound onto the module's form by {@link AttributeBinder},
 * then saved through the module's service in the name of a user and a source. The
 * JSON:API controller, the CSV import, workflows and web forms write through it.
 */
@Component
public class RecordWriters {

	private final Map<String, RecordWriter<?>> writers = new LinkedHashMap<>();

	private final AttributeBinder binder;

	RecordWriters(List<RecordWriter<?>> writers, AttributeBinder binder) {
		writers.forEach((writer) -> this.writers.put(writer.definition().name(), writer));
		this.binder = binder;
	}

	/**
	 * Whether records of the module can be written; a module without a writer is
	 * read-only.
	 */
	public boolean canWrite(String module) {
		return this.writers.containsKey(module);
	}

	/**
	 * The module's writer, for a caller that fills the form itself (the CSV import).
	 * @throws IllegalStateException if the module is read-only
	 */
	@SuppressWarnings("unchecked")
	public RecordWriter<Object> writer(String module) {
		RecordWriter<?> writer = this.writers.get(module);
		if (writer == null) {
			throw new IllegalStateException("Records of " + module + " cannot be written");
		}
		return (RecordWriter<Object>) writer;
	}

	/**
	 * Binds the values onto a new record's form and validates it, without saving: what
	 * the module's rules say about them before anything is kept.
	 * @throws org.potentia.platform.ValidationException with the module's errors
	 */
	public void check(String module, Map<String, ?> values, CurrentUser user) {
		RecordWriter<Object> writer = writer(module);
		this.binder.bind(writer.definition(), values, writer.newForm(user));
	}

	/**
	 * Creates a record from the module's defaults and these values.
	 * @param values by field name, as {@link AttributeBinder#bind} takes them
	 * @return the new record's id
	 * @throws org.potentia.platform.ValidationException if the module's rules refuse them
	 */
	public long create(String module, Map<String, ?> values, CurrentUser user, SaveSource source) {
		RecordWriter<Object> writer = writer(module);
		Object form = this.binder.bind(writer.definition(), values, writer.newForm(user));
		return writer.create(form, user, source);
	}

	/**
	 * Changes these fields of a record the user may see; the others keep their values.
	 * @throws org.potentia.platform.NotFoundException if it does not exist or is hidden
	 * @throws org.potentia.platform.ValidationException if the module's rules refuse them
	 */
	public void update(String module, long id, Map<String, ?> values, CurrentUser user, SaveSource source) {
		RecordWriter<Object> writer = writer(module);
		Object form = writer.formOf(id, user);
		this.binder.bind(writer.definition(), values, form);
		writer.update(id, form, user, source);
	}

	public void delete(String module, long id, CurrentUser user, SaveSource source) {
		writer(module).delete(id, user, source);
	}

}
