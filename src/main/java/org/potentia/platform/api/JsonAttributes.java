package org.potentia.platform.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The attributes of a JSON:API document as the plain values {@link AttributeBinder}
 * takes. Only the API controllers, which receive JSON, use it; everything else that
 * writes records builds its values as Java values to begin with.
 */
public final class JsonAttributes {

	private JsonAttributes() {
	}

	/**
	 * The object's members in their order: text as text, numbers as numbers, booleans,
	 * and JSON {@code null} as null. An array or object member stays a list or map, which
	 * the binder reports as a type error of that attribute, beside the others' errors.
	 * @param attributes a JSON object, or null or a JSON null for none
	 */
	public static Map<String, Object> of(JsonNode attributes) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (attributes != null) {
			attributes.properties().forEach((entry) -> values.put(entry.getKey(), value(entry.getValue())));
		}
		return values;
	}

	private static Object value(JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isArray()) {
			List<Object> elements = new ArrayList<>();
			node.forEach((element) -> elements.add(value(element)));
			return elements;
		}
		if (node.isObject()) {
			return of(node);
		}
		return node.asString();
	}

}
