package org.potentia.platform.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;

/**
 * Turns catalogue rows into JSON:API resource objects.
 */
public final class Resources {

	public static final String BASE = "/api/v1/";

	private Resources() {
	}

	/**
	 * A resource: id, type, attributes (all fields but the id, or the sparse fieldset),
	 * relationships to the linked records (with {@code meta.visible=false} for a record
	 * the user may not see), and its own link.
	 */
	public static Map<String, Object> of(ModuleDefinition module, Map<String, Object> row, Set<String> fieldset) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		Map<String, Object> relationships = new LinkedHashMap<>();
		for (Field field : module.fields()) {
			if ("id".equals(field.name())) {
				continue;
			}
			if (fieldset == null || fieldset.contains(field.name())) {
				attributes.put(field.name(), json(row.get(field.name())));
			}
			if (field.isRelation() && (fieldset == null || fieldset.contains(field.name()))) {
				Object target = row.get(field.name());
				Map<String, Object> data = (target != null)
						? Map.of("type", field.relationModule(), "id", String.valueOf(target)) : null;
				Map<String, Object> relationship = new LinkedHashMap<>();
				relationship.put("data", data);
				if (Boolean.TRUE.equals(row.get(field.name() + RecordQueries.HIDDEN_SUFFIX))) {
					// Linked, but to a record the user may not see: never in "included".
					relationship.put("meta", Map.of("visible", false));
				}
				relationships.put(field.relationName(), relationship);
			}
		}
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("id", String.valueOf(row.get("id")));
		resource.put("type", module.name());
		resource.put("attributes", attributes);
		if (!relationships.isEmpty()) {
			resource.put("relationships", relationships);
		}
		resource.put("links", Map.of("self", BASE + module.name() + "/" + row.get("id")));
		return resource;
	}

	/**
	 * Dates and times as RFC 3339 text: a date-time always with its seconds (which
	 * {@code OffsetDateTime.toString()} leaves out when they are zero).
	 */
	static Object json(Object value) {
		if (value instanceof OffsetDateTime dateTime) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
		}
		if (value instanceof java.time.temporal.TemporalAccessor) {
			return value.toString();
		}
		return value;
	}

}
