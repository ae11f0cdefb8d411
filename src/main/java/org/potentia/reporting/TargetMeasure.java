package org.potentia.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a target counts. A measure is a module, an aggregate and a filter, like a report:
 * the records of the module owned by the target's user (or by the members of its team)
 * whose date falls in the target's period and which pass the filter. The SQL is written
 * for the records' alias {@code p} and the target's alias {@code tg}.
 */
public enum TargetMeasure {

	/**
	 * Opportunities won in the period: the sum of their amounts.
	 */
	WON_AMOUNT("won_amount", "potentials", "COALESCE(SUM(p.amount), 0)", "p.closed_date", true, true),

	/**
	 * Opportunities won in the period: how many.
	 */
	WON_COUNT("won_count", "potentials", "COUNT(p.id)", "p.closed_date", true, false),

	/**
	 * Opportunities created in the period: the sum of their amounts.
	 */
	NEW_OPPORTUNITY_AMOUNT("new_opportunity_amount", "potentials", "COALESCE(SUM(p.amount), 0)", "p.created_at", false,
			true),

	/**
	 * Leads created in the period.
	 */
	NEW_LEADS("new_leads", "leads", "COUNT(p.id)", "p.created_at", false, false),

	/**
	 * Leads converted in the period.
	 */
	CONVERTED_LEADS("converted_leads", "leads", "COUNT(p.id)", "p.converted_at", false, false);

	static final String WON_STAGES = "p.stage_id IN (SELECT ws.id FROM pipeline_stages ws"
			+ " WHERE ws.module = 'potentials' AND ws.kind = 'won')";

	private final String code;

	private final String module;

	private final String aggregate;

	private final String dateColumn;

	private final boolean won;

	private final boolean money;

	TargetMeasure(String code, String module, String aggregate, String dateColumn, boolean won, boolean money) {
		this.code = code;
		this.module = module;
		this.aggregate = aggregate;
		this.dateColumn = dateColumn;
		this.won = won;
		this.money = money;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The catalogue module the measure counts records of.
	 */
	public String module() {
		return this.module;
	}

	String aggregate() {
		return this.aggregate;
	}

	/**
	 * The condition on a record beyond its owner: its date in the target's period, and
	 * for the won measures a won stage.
	 */
	String condition() {
		String inPeriod = this.dateColumn + " >= tg.period_start AND " + this.dateColumn + " < tg.period_end";
		return this.won ? inPeriod + " AND " + WON_STAGES : inPeriod;
	}

	/**
	 * Whether the measure is an amount of money (else a count).
	 */
	public boolean money() {
		return this.money;
	}

	public String labelKey() {
		return "target.measure." + this.code;
	}

	public static Optional<TargetMeasure> of(String code) {
		return Arrays.stream(values()).filter((measure) -> measure.code.equals(code)).findFirst();
	}

}
