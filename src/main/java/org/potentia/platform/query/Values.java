package org.potentia.platform.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.potentia.platform.catalogue.Field;

/**
 * Turns text (from a filter, a query string or a CSV cell) into the Java value a field's
 * column is bound with.
 */
public final class Values {

	private Values() {
	}

	/**
	 * Converts a value to the field's Java type.
	 * @throws IllegalArgumentException with a message naming the expected form
	 */
	public static Object convert(Field field, Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().trim();
		try {
			return switch (field.type()) {
				case ID, RELATION, INTEGER -> (value instanceof Number number && !(value instanceof BigDecimal))
						? number.longValue() : Long.valueOf(text);
				case DECIMAL, MONEY, PERCENT -> new BigDecimal(text);
				case DATE -> (value instanceof LocalDate date) ? date
						: LocalDate.parse(text.substring(0, Math.min(10, text.length())));
				case DATETIME -> toDateTime(value, text);
				case BOOLEAN -> toBoolean(text);
				case PICKLIST -> {
					if (!field.options().isEmpty() && !field.options().contains(text)) {
						throw new IllegalArgumentException(
								"'" + text + "' is not one of " + String.join(", ", field.options()));
					}
					yield text;
				}
				default -> value.toString();
			};
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a number");
		}
		catch (DateTimeParseException | StringIndexOutOfBoundsException ex) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 date");
		}
	}

	private static OffsetDateTime toDateTime(Object value, String text) {
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime;
		}
		if (value instanceof LocalDate date) {
			return date.atStartOfDay().atOffset(ZoneOffset.UTC);
		}
		if (text.length() == 10) {
			return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
		}
	}

	private static Boolean toBoolean(String text) {
		return switch (text.toLowerCase()) {
			case "true", "1", "yes", "ja" -> Boolean.TRUE;
			case "false", "0", "no", "nein" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
		};
	}

}
