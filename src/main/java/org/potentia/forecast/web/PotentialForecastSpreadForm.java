package org.potentia.forecast.web;

import org.potentia.forecast.PotentialForecastService.DefaultSchedule;

/**
 * The card's re-spread: which schedule, over how many months, from which month, and for a
 * monthly schedule the monthly amount. Text, so that wrong values come back as typed.
 */
public class PotentialForecastSpreadForm {

	private String schedule;

	private String months;

	private String startMonth;

	private String amount;

	private boolean confirm;

	static PotentialForecastSpreadForm of(DefaultSchedule plan, java.time.YearMonth start) {
		PotentialForecastSpreadForm form = new PotentialForecastSpreadForm();
		form.schedule = plan.schedule().code();
		form.months = String.valueOf(plan.schedule().spansMonths() ? plan.months() : 12);
		form.startMonth = start.toString();
		return form;
	}

	public String getSchedule() {
		return this.schedule;
	}

	public void setSchedule(String schedule) {
		this.schedule = schedule;
	}

	public String getMonths() {
		return this.months;
	}

	public void setMonths(String months) {
		this.months = months;
	}

	public String getStartMonth() {
		return this.startMonth;
	}

	public void setStartMonth(String startMonth) {
		this.startMonth = startMonth;
	}

	public String getAmount() {
		return this.amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}

	public boolean isConfirm() {
		return this.confirm;
	}

	public void setConfirm(boolean confirm) {
		this.confirm = confirm;
	}

}
