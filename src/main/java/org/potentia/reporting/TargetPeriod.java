package org.potentia.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.potentia.platform.ValidationException;

/**
 * The period of a target: a month ({@code 2026-12}), a quarter ({@code 2026-Q4}) or a
 * year ({@code 2026}), as its first day and the day after its last.
 *
 * @param type month, quarter or year
 * @param start the first day
 * @param end the day after the last
 */
public record TargetPeriod(Type type, LocalDate start, LocalDate end) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	/**
	 * The kinds of period.
	 */
	public enum Type {

		MONTH, QUARTER, YEAR;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Type of(String code) {
			for (Type type : values()) {
				if (type.code().equals(code)) {
					return type;
				}
			}
			throw ValidationException.of("period_type", "target.error.period_type");
		}

	}

	/**
	 * The period of the given type that contains a day.
	 */
	public static TargetPeriod containing(Type type, LocalDate day) {
		return switch (type) {
			case MONTH -> of(type, day.withDayOfMonth(1));
			case QUARTER -> of(type, day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1));
			case YEAR -> of(type, day.withDayOfYear(1));
		};
	}

	static TargetPeriod of(Type type, LocalDate start) {
		LocalDate end = switch (type) {
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
			case YEAR -> start.plusYears(1);
		};
		return new TargetPeriod(type, start, end);
	}

	/**
	 * Reads a period as written in a form or a link.
	 * @throws ValidationException if the text is not a period of the type, or its year is
	 * not between 2000 and 2999
	 */
	public static TargetPeriod parse(String typeCode, String text) {
		Type type = Type.of(typeCode);
		String value = (text != null) ? text.trim() : "";
		Matcher matcher = switch (type) {
			case MONTH -> MONTH.matcher(value);
			case QUARTER -> QUARTER.matcher(value);
			case YEAR -> YEAR.matcher(value);
		};
		if (!matcher.matches()) {
			throw ValidationException.of("period", "target.error.period", value);
		}
		int year = Integer.parseInt(matcher.group(1));
		if (year < 2000 || year > 2999) {
			throw ValidationException.of("period", "target.error.period", value);
		}
		return switch (type) {
			case MONTH -> {
				int month = Integer.parseInt(matcher.group(2));
				if (month < 1 || month > 12) {
					throw ValidationException.of("period", "target.error.period", value);
				}
				yield of(type, YearMonth.of(year, month).atDay(1));
			}
			case QUARTER -> of(type, LocalDate.of(year, (Integer.parseInt(matcher.group(2)) - 1) * 3 + 1, 1));
			case YEAR -> of(type, LocalDate.of(year, 1, 1));
		};
	}

	/**
	 * The period as written ({@code 2026-12}, {@code 2026-Q4}, {@code 2026}).
	 */
	public String text() {
		return switch (this.type) {
			case MONTH -> YearMonth.from(this.start).toString();
			case QUARTER -> this.start.getYear() + "-Q" + this.start.get(IsoFields.QUARTER_OF_YEAR);
			case YEAR -> String.valueOf(this.start.getYear());
		};
	}

	/**
	 * The period as the pages show it in the user's language: {@code Dez. 2026} or
	 * {@code Dec 2026}, {@code Q4 2026}, {@code 2026}.
	 */
	public String label(Locale locale) {
		return switch (this.type) {
			case MONTH -> YearMonth.from(this.start).format(DateTimeFormatter.ofPattern("MMM yyyy", locale));
			case QUARTER -> "Q" + this.start.get(IsoFields.QUARTER_OF_YEAR) + " " + this.start.getYear();
			case YEAR -> String.valueOf(this.start.getYear());
		};
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(this.start) && day.isBefore(this.end);
	}

}
