package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.potentia.platform.FieldError;
import org.potentia.platform.catalogue.DateRange;

/**
 * The bounds every forecast figure keeps, whichever form, grid or import brings it: its
 * month in the years {@value #MIN_YEAR} to {@value #MAX_YEAR}, and its amount with at
 * most two decimals and below {@link #LIMIT}, which a column of numeric(19, 2) holds. The
 * years are those of every date field ({@link DateRange}): a month field's date the API
 * or an import brings is refused by that rule, with its message; a month typed in a grid
 * or a form, or made by a schedule, has this one. An amount out of bounds keeps the
 * message of the form or grid it was typed in.
 */
final class ForecastBounds {

	/**
	 * The first year a forecast month may be in: the first of every date field.
	 */
	static final int MIN_YEAR = DateRange.FIRST_YEAR;

	/**
	 * The last year a forecast month may be in: the last of every date field.
	 */
	static final int MAX_YEAR = DateRange.LAST_YEAR;

	/**
	 * The largest amount a column of numeric(19, 2) holds, exclusive.
	 */
	static final BigDecimal LIMIT = new BigDecimal("100000000000000000");

	private ForecastBounds() {
	}

	/**
	 * Whether a month of this year may hold figures; if not, says so under the field.
	 */
	static boolean checkYear(int year, String field, List<FieldError> errors) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			errors.add(new FieldError(field, "error.forecast.month_range", MIN_YEAR, MAX_YEAR));
			return false;
		}
		return true;
	}

	/**
	 * Whether a schedule of this many months from this start keeps every month in the
	 * years; if not, says so under the field, naming the month it would run to.
	 */
	static boolean checkSpan(YearMonth start, int months, String field, List<FieldError> errors) {
		if (monthsFrom(start) < months) {
			errors.add(new FieldError(field, "error.forecast.schedule_range", start.plusMonths(months - 1L).toString(),
					MIN_YEAR, MAX_YEAR));
			return false;
		}
		return true;
	}

	/**
	 * How many months from the start, itself included, lie in the years: none if the
	 * start does not.
	 */
	static int monthsFrom(YearMonth start) {
		if (start.getYear() < MIN_YEAR || start.getYear() > MAX_YEAR) {
			return 0;
		}
		return (int) start.until(YearMonth.of(MAX_YEAR, 12), ChronoUnit.MONTHS) + 1;
	}

	/**
	 * Whether the amount is below {@link #LIMIT}, positive or negative.
	 */
	static boolean fitsColumn(BigDecimal amount) {
		return amount.abs().compareTo(LIMIT) < 0;
	}

	/**
	 * Whether the amount has at most two decimals and fits the column.
	 */
	static boolean fits(BigDecimal amount) {
		return amount.stripTrailingZeros().scale() <= 2 && fitsColumn(amount);
	}

}
