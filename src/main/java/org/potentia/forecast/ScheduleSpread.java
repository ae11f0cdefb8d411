package org.potentia.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes the month rows of a schedule: pure arithmetic, no database. Amounts are money
 * with two decimals. An even spread rounds every month but the last towards zero and puts
 * the remainder on the last month, so the rows add up to the amount exactly and the last
 * month never has the other sign (negative amounts spread the same way).
 */
public final class ScheduleSpread {

	/**
	 * The most months a schedule may span: ten years of monthly invoicing.
	 */
	public static final int MAX_MONTHS = 120;

	private ScheduleSpread() {
	}

	/**
	 * The rows of the schedule.
	 * @param schedule the schedule
	 * @param amount the opportunity's amount (one-off, even) or the monthly amount
	 * (monthly), at most two decimals
	 * @param months how many months (ignored for one-off), 1 to {@link #MAX_MONTHS}
	 * @param start the first month
	 * @return one line per month, in order
	 * @throws IllegalArgumentException if the months are out of range or the amount has
	 * more than two decimals
	 */
	public static List<Line> spread(Schedule schedule, BigDecimal amount, int months, YearMonth start) {
		Objects.requireNonNull(schedule, "schedule");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(start, "start");
		int count = schedule.spansMonths() ? months : 1;
		if (count < 1 || count > MAX_MONTHS) {
			throw new IllegalArgumentException("months must be 1 to " + MAX_MONTHS + ", not " + months);
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("amount has more than two decimals: " + amount);
		}
		BigDecimal total = amount.setScale(2, RoundingMode.UNNECESSARY);
		List<Line> lines = new ArrayList<>(count);
		if (schedule == Schedule.MONTHLY) {
			for (int i = 0; i < count; i++) {
				lines.add(new Line(start.plusMonths(i), total));
			}
			return lines;
		}
		BigDecimal each = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
		BigDecimal sum = BigDecimal.ZERO.setScale(2);
		for (int i = 0; i < count - 1; i++) {
			lines.add(new Line(start.plusMonths(i), each));
			sum = sum.add(each);
		}
		lines.add(new Line(start.plusMonths(count - 1L), total.subtract(sum)));
		return lines;
	}

	/**
	 * What the rows of a schedule add up to: the amount, or for monthly the amount times
	 * the months.
	 */
	public static BigDecimal total(Schedule schedule, BigDecimal amount, int months) {
		return (schedule == Schedule.MONTHLY) ? amount.multiply(BigDecimal.valueOf(months)) : amount;
	}

	/**
	 * One month's row of a schedule.
	 *
	 * @param month the month
	 * @param amount its amount, two decimals
	 */
	public record Line(YearMonth month, BigDecimal amount) {
	}

}
