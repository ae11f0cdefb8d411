package org.potentia.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A target with what was realised so far: the gap still to close and the pace needed to
 * close it, per working day (Monday to Friday) left in the period, or per calendar day
 * where no working day is left.
 *
 * @param target the target
 * @param realised the figure reached
 * @param today the day the figures are for
 */
public record TargetProgress(Target target, BigDecimal realised, LocalDate today) {

	/**
	 * What is still missing, never below zero.
	 */
	public BigDecimal gap() {
		return this.target.amount().subtract(this.realised).max(BigDecimal.ZERO);
	}

	/**
	 * Realised as a percentage of the target (0 for a target of zero).
	 */
	public int percent() {
		if (this.target.amount().signum() == 0) {
			return (this.realised.signum() > 0) ? 100 : 0;
		}
		return this.realised.multiply(BigDecimal.valueOf(100))
			.divide(this.target.amount(), 0, RoundingMode.DOWN)
			.intValue();
	}

	public boolean reached() {
		return this.gap().signum() == 0;
	}

	/**
	 * Whether the period is over.
	 */
	public boolean over() {
		return !this.today.isBefore(this.target.period().end());
	}

	/**
	 * The working days from today (or the period's start, if later) to the period's end.
	 */
	public int workingDaysLeft() {
		LocalDate from = this.today.isAfter(this.target.period().start()) ? this.today : this.target.period().start();
		int days = 0;
		for (LocalDate day = from; day.isBefore(this.target.period().end()); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}

	/**
	 * The gap divided by the working days left (by the calendar days left when only a
	 * weekend is left), or null when the period is over or the target reached.
	 */
	public BigDecimal pace() {
		if (over() || reached()) {
			return null;
		}
		int days = workingDaysLeft();
		if (days == 0) {
			LocalDate from = this.today.isAfter(this.target.period().start()) ? this.today
					: this.target.period().start();
			days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, this.target.period().end());
		}
		int scale = this.target.measure().money() ? 2 : 1;
		return gap().divide(BigDecimal.valueOf(Math.max(days, 1)), scale, RoundingMode.UP);
	}

}
