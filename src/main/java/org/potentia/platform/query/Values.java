package org.potentia.platform.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;

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
				case ID, RELATION, INTEGER -> toLong(value, text);
				case DECIMAL, MONEY, PERCENT -> toDecimal(field, text);
				case DATE -> inRange((value instanceof LocalDate date) ? date
						: LocalDate.parse(text.substring(0, Math.min(10, text.length()))), text);
				case DATETIME -> inRange(toDateTime(value, text), text);
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

	/**
	 * A date typed into a page's query or field ({@code yyyy-MM-dd}), under the same
	 * range rule as a field's dates: the years 1 to 9999.
	 * @throws IllegalArgumentException if the text is no such date
	 */
	public static LocalDate date(String text) {
		try {
			return inRange(LocalDate.parse(text.trim()), text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 date");
		}
	}

	/**
	 * A month typed into a page's query ({@code yyyy-MM}), in the years 1 to 9999.
	 * @throws IllegalArgumentException if the text is no such month
	 */
	public static YearMonth month(String text) {
		try {
			return inRange(YearMonth.parse(text.trim()), text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 month");
		}
	}

	/**
	 * A whole number; one that a 64-bit column cannot hold, or one with a fraction, is
	 * refused rather than cut.
	 */
	private static Long toLong(Object value, String text) {
		BigDecimal number;
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		try {
			number = (value instanceof BigDecimal decimal) ? decimal : new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a number");
		}
		if (number.signum() != 0 && number.precision() - number.scale() > 19) {
			throw new OutOfRangeException(text);
		}
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw (number.stripTrailingZeros().scale() > 0)
					? new IllegalArgumentException("'" + text + "' is not a whole number")
					: new OutOfRangeException(text);
		}
	}

	/**
	 * A number with no more digits before the point than the column has (precision minus
	 * scale) and no more decimal places than its scale: what the column cannot hold is
	 * refused, not rounded, so that a filter never compares with another number than the
	 * one asked for. A field without a declared precision takes what PostgreSQL's
	 * {@code numeric} of 38 digits does.
	 */
	private static BigDecimal toDecimal(Field field, String text) {
		BigDecimal number = new BigDecimal(text);
		if (number.signum() == 0) {
			return BigDecimal.ZERO;
		}
		// Percentages without a declared precision are whole numbers in integer columns.
		int precision = (field.size() > 0) ? field.size() : (field.type() == FieldType.PERCENT) ? 9 : 38;
		int scale = (field.size() > 0) ? field.scale() : (field.type() == FieldType.PERCENT) ? 0 : 10;
		BigDecimal stripped = number.stripTrailingZeros();
		if ((long) stripped.precision() - stripped.scale() > precision - scale || stripped.scale() > scale) {
			throw new OutOfRangeException(text);
		}
		return number;
	}

	/**
	 * A date in the years 1 to 9999: what every supported database stores and what ISO
	 * 8601 writes without a sign.
	 */
	private static <T extends Temporal> T inRange(T value, String text) {
		int year = value.get(ChronoField.YEAR);
		if (year < 1 || year > 9999) {
			throw new OutOfRangeException(text);
		}
		return value;
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

	/**
	 * A value of the right form that the field's column cannot hold: a number with too
	 * many digits or decimal places, a date outside the years 1 to 9999.
	 */
	public static final class OutOfRangeException extends IllegalArgumentException {

		private final String value;

		OutOfRangeException(String value) {
			super("'" + abbreviate(value) + "' is out of range");
			this.value = abbreviate(value);
		}

		/**
		 * The refused value as given, cut to a length fit to show.
		 */
		public String getValue() {
			return this.value;
		}

		private static String abbreviate(String text) {
			return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
		}

	}

}
