package org.potentia.reporting;

import java.util.Locale;

/**
 * How a report is shown: a table with group subtotals and a grand total, or a chart drawn
 * from that table.
 */
public enum ReportView {

	TABLE, BAR, STACKED_BAR, LINE, PIE, FUNNEL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isChart() {
		return this != TABLE;
	}

	/**
	 * The view of a code; an unknown code is the table.
	 */
	public static ReportView of(String code) {
		for (ReportView view : values()) {
			if (view.code().equals(code)) {
				return view;
			}
		}
		return TABLE;
	}

}
