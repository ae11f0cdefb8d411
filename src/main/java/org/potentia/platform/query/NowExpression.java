package org.potentia.platform.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filter language's {@code $now} expressions: {@code $now}, {@code $now.date},
 * {@code $now.time}, each optionally cut to the start of its period ({@code /day},
 * {@code /week} from Monday, {@code /month}, {@code /quarter}, {@code /year}) and
 * followed by terms such as {@code -7 days} or {@code +1 month}. Evaluated by the server
 * at query time: "this quarter" is {@code $now.date/quarter} to
 * {@code $now.date/quarter +3 months -1 day}.
 */
final class NowExpression {

	private static final Pattern HEAD = Pattern.compile("^\\$now(\\.date|\\.time)?(?:/(day|week|month|quarter|year))?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TERM = Pattern
		.compile("\\s*([+-])\\s*(\\d{1,6})\\s*(second|minute|hour|day|week|month|year)s?", Pattern.CASE_INSENSITIVE);

	private NowExpression() {
	}

	static boolean isNow(String text) {
		return text.startsWith("$now");
	}

	/**
	 * Evaluates the expression: an {@link OffsetDateTime}, a {@link LocalDate} for
	 * {@code $now.date} or a {@link LocalTime} for {@code $now.time}.
	 */
	static Object evaluate(String text, Clock clock) {
		Matcher head = HEAD.matcher(text);
		if (!head.find()) {
			throw new BadQueryException("error.query.now", text);
		}
		OffsetDateTime value = OffsetDateTime.now(clock);
		if (head.group(2) != null) {
			value = startOf(value, head.group(2).toLowerCase());
		}
		String rest = text.substring(head.end());
		Matcher term = TERM.matcher(rest);
		int position = 0;
		while (position < rest.length()) {
			if (!term.find(position) || term.start() != position) {
				if (rest.substring(position).isBlank()) {
					break;
				}
				throw new BadQueryException("error.query.now", text);
			}
			long amount = Long.parseLong(term.group(2)) * ("-".equals(term.group(1)) ? -1 : 1);
			value = value.plus(amount, unit(term.group(3)));
			position = term.end();
		}
		String kind = Optional.ofNullable(head.group(1)).orElse("").toLowerCase();
		return switch (kind) {
			case ".date" -> value.toLocalDate();
			case ".time" -> value.toLocalTime();
			default -> value;
		};
	}

	/**
	 * The first moment of the period the value is in.
	 */
	private static OffsetDateTime startOf(OffsetDateTime value, String period) {
		OffsetDateTime day = value.truncatedTo(ChronoUnit.DAYS);
		return switch (period) {
			case "week" -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
			case "month" -> day.withDayOfMonth(1);
			case "quarter" -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
			case "year" -> day.withDayOfYear(1);
			default -> day;
		};
	}

	private static ChronoUnit unit(String name) {
		return switch (name.toLowerCase()) {
			case "second" -> ChronoUnit.SECONDS;
			case "minute" -> ChronoUnit.MINUTES;
			case "hour" -> ChronoUnit.HOURS;
			case "day" -> ChronoUnit.DAYS;
			case "week" -> ChronoUnit.WEEKS;
			case "month" -> ChronoUnit.MONTHS;
			default -> ChronoUnit.YEARS;
		};
	}

}
