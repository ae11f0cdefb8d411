package org.potentia.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How often a saved report is sent by email: never, daily, weekly (Mondays) or monthly
 * (on the 1st), each at 06:00 in the server's zone.
 */
public enum ReportSchedule {

	NONE, DAILY, WEEKLY, MONTHLY;

	static final LocalTime SEND_AT = LocalTime.of(6, 0);

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ReportSchedule of(String code) {
		for (ReportSchedule schedule : values()) {
			if (schedule.code().equals(code)) {
				return schedule;
			}
		}
		return NONE;
	}

	/**
	 * The first sending time after the given moment, or null for {@link #NONE}.
	 */
	public Instant next(Instant after, ZoneId zone) {
		LocalDate day = after.atZone(zone).toLocalDate();
		for (int i = 0; i < 40; i++) {
			LocalDate candidate = day.plusDays(i);
			boolean fits = switch (this) {
				case DAILY -> true;
				case WEEKLY -> candidate.getDayOfWeek() == DayOfWeek.MONDAY;
				case MONTHLY -> candidate.equals(candidate.with(TemporalAdjusters.firstDayOfMonth()));
				case NONE -> false;
			};
			Instant at = candidate.atTime(SEND_AT).atZone(zone).toInstant();
			if (fits && at.isAfter(after)) {
				return at;
			}
		}
		return null;
	}

}
