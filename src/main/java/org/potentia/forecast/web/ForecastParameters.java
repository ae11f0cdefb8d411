package org.potentia.forecast.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.potentia.account.AccountType;
import org.potentia.forecast.ForecastFigures.Figure;
import org.potentia.forecast.ForecastFigures.Grouping;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Reads the parameters of the forecast pages: a value that is not one the page knows
 * (year 99999, quarter 7, an unknown business area, text for a number) is refused with a
 * {@link ValidationException}, which the pages answer with 400 and a message in the
 * user's language, instead of being ignored or failing in the database.
 */
@Component
class ForecastParameters {

	static final int FIRST_YEAR = 1970;

	static final int LAST_YEAR = 2999;

	private final PipelineService pipeline;

	ForecastParameters(PipelineService pipeline) {
		this.pipeline = pipeline;
	}

	int year(String text, LocalDate today) {
		if (blank(text)) {
			return today.getYear();
		}
		Integer year = integer(text);
		if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
			throw ValidationException.of("year", "forecast.error.year", text.trim(), String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR));
		}
		return year;
	}

	Integer quarter(String text) {
		if (blank(text)) {
			return null;
		}
		Integer quarter = integer(text);
		if (quarter == null || quarter < 1 || quarter > 4) {
			throw ValidationException.of("quarter", "forecast.error.quarter", text.trim());
		}
		return quarter;
	}

	/**
	 * A month of the year ({@code 1} to {@code 12}), or {@code null} for the whole year.
	 */
	Integer month(String text) {
		if (blank(text)) {
			return null;
		}
		Integer month = integer(text);
		if (month == null || month < 1 || month > 12) {
			throw ValidationException.of("month", "forecast.error.month", text.trim());
		}
		return month;
	}

	/**
	 * A month as {@code yyyy-MM}, the given one if none.
	 */
	YearMonth yearMonth(String text, YearMonth fallback) {
		if (blank(text)) {
			return fallback;
		}
		try {
			YearMonth month = YearMonth.parse(text.trim());
			if (month.getYear() >= FIRST_YEAR && month.getYear() <= LAST_YEAR) {
				return month;
			}
		}
		catch (DateTimeParseException ex) {
			// told below
		}
		throw ValidationException.of("month", "forecast.error.year_month", text.trim());
	}

	Long area(String text) {
		if (blank(text)) {
			return null;
		}
		Long id = id(text);
		if (id == null || this.pipeline.businessArea(id).isEmpty()) {
			throw ValidationException.of("area", "forecast.error.area", text.trim());
		}
		return id;
	}

	Long id(String name, String text) {
		if (blank(text)) {
			return null;
		}
		Long id = id(text);
		if (id == null) {
			throw ValidationException.of(name, "forecast.error.id", text.trim());
		}
		return id;
	}

	String accountType(String text) {
		if (blank(text)) {
			return null;
		}
		if (!AccountType.codes().contains(text.trim())) {
			throw ValidationException.of("type", "forecast.error.type", text.trim());
		}
		return text.trim();
	}

	Grouping grouping(String text) {
		if (blank(text)) {
			return Grouping.ACCOUNT;
		}
		Grouping grouping = Grouping.of(text.trim().toLowerCase(Locale.ROOT));
		if (grouping == null) {
			throw ValidationException.of("group", "forecast.error.group", text.trim());
		}
		return grouping;
	}

	Figure figure(String text) {
		Figure figure = blank(text) ? null : Figure.of(text.trim().toLowerCase(Locale.ROOT));
		if (figure == null) {
			throw ValidationException.of("figure", "forecast.error.figure", String.valueOf(text).trim());
		}
		return figure;
	}

	String currency(String text) {
		if (blank(text)) {
			return null;
		}
		String code = text.trim().toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z]{3}")) {
			throw ValidationException.of("currency", "forecast.error.currency", text.trim());
		}
		return code;
	}

	String format(String text) {
		if (blank(text)) {
			return null;
		}
		String format = text.trim().toLowerCase(Locale.ROOT);
		if (!format.equals("csv") && !format.equals("xlsx")) {
			throw ValidationException.of("format", "forecast.error.format", text.trim());
		}
		return format;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static Integer integer(String text) {
		String trimmed = text.trim();
		if (!trimmed.matches("-?\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(trimmed);
	}

	private static Long id(String text) {
		String trimmed = text.trim();
		return trimmed.matches("\\d{1,18}") ? Long.valueOf(trimmed) : null;
	}

}
