package org.potentia.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a home page widget shows: one of the built-in sales widgets, the module tiles, or
 * a saved report. Each kind has a code (kept in the database and sent by the page), the
 * width it starts with and whether a new user's home page has it.
 */
public enum WidgetKind {

	PIPELINE("pipeline", 2, true), WON("won", 1, true), FORECAST("forecast", 2, true), CLOSING("closing", 1, true),
	OVERDUE("overdue", 1, true), LEAD_SOURCES("lead_sources", 2, true), LEAD_CONVERSION("lead_conversion", 1, true),
	TARGETS("targets", 3, true), RECORDS("records", 3, true), REPORT("report", 2, false);

	private final String code;

	private final int defaultWidth;

	private final boolean byDefault;

	WidgetKind(String code, int defaultWidth, boolean byDefault) {
		this.code = code;
		this.defaultWidth = defaultWidth;
		this.byDefault = byDefault;
	}

	public String code() {
		return this.code;
	}

	public int defaultWidth() {
		return this.defaultWidth;
	}

	/**
	 * The message key of the widget's title.
	 */
	public String titleKey() {
		return "widget." + this.code + ".title";
	}

	public static Optional<WidgetKind> of(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.code.equals(code)).findFirst();
	}

	/**
	 * The widgets of a home page that nobody arranged yet, in order.
	 */
	public static List<WidgetKind> defaults() {
		return Arrays.stream(values()).filter((kind) -> kind.byDefault).toList();
	}

	/**
	 * The kinds a user may add by choosing them (a report widget is added by choosing a
	 * saved report).
	 */
	public static List<WidgetKind> builtIn() {
		return Arrays.stream(values()).filter((kind) -> kind != REPORT).toList();
	}

}
