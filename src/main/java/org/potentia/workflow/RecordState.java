package org.potentia.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.query.Values;

/**
 * A record's values at one moment (by catalogue field name, as a save's event or a query
 * row holds them), typed by the catalogue on reading, with the records it links to read
 * on demand. Values that came back from JSON (an event the registry republished) are
 * strings and numbers; they compare the same as the originals.
 */
final class RecordState {

	private final Map<String, Object> values;

	private final LinkedRecords linked;

	RecordState(Map<String, Object> values, LinkedRecords linked) {
		this.values = (values != null) ? values : Map.of();
		this.linked = linked;
	}

	Map<String, Object> values() {
		return this.values;
	}

	/**
	 * The typed value of a field of the record, or of the record it links to (null if the
	 * link is empty or the linked record is gone).
	 */
	Object get(FieldPath path) {
		if (!path.isLinked()) {
			return typed(path.field(), this.values.get(path.field().name()));
		}
		Object id = typed(path.relation(), this.values.get(path.relation().name()));
		if (!(id instanceof Long linkedId)) {
			return null;
		}
		return this.linked.find(path.target().name(), linkedId)
			.map((row) -> typed(path.field(), row.get(path.field().name())))
			.orElse(null);
	}

	/**
	 * A raw value converted to the field's Java type; left as it is if it does not
	 * convert.
	 */
	static Object typed(Field field, Object raw) {
		if (raw == null || (raw instanceof String text && text.isEmpty())) {
			return null;
		}
		try {
			return Values.convert(field, raw);
		}
		catch (IllegalArgumentException ex) {
			return raw;
		}
	}

	/**
	 * Reads linked records by module and id, each at most once.
	 */
	static final class LinkedRecords {

		private final BiFunction<String, Long, Optional<Map<String, Object>>> reader;

		private final Map<String, Optional<Map<String, Object>>> cache = new HashMap<>();

		LinkedRecords(BiFunction<String, Long, Optional<Map<String, Object>>> reader) {
			this.reader = reader;
		}

		Optional<Map<String, Object>> find(String module, long id) {
			return this.cache.computeIfAbsent(module + "/" + id, (key) -> this.reader.apply(module, id));
		}

	}

}
