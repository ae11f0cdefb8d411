package org.potentia.forecast;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * One invoicing forecast row as sent to the API. The month must be the first of a month;
 * the service checks it, the amount and the business area with its own messages.
 */
public class PotentialForecastForm extends MonthlyAmountForm {

	@NotNull
	private Long potentialId;

	@NotNull
	private LocalDate forecastMonth;

	static PotentialForecastForm of(PotentialForecast row) {
		PotentialForecastForm form = new PotentialForecastForm();
		form.potentialId = row.getPotentialId();
		form.forecastMonth = row.getForecastMonth();
		form.setBusinessAreaId(row.getBusinessAreaId());
		form.setAmount(row.getAmount());
		form.setVersion(row.getVersion());
		return form;
	}

	public Long getPotentialId() {
		return this.potentialId;
	}

	public void setPotentialId(Long potentialId) {
		this.potentialId = potentialId;
	}

	public LocalDate getForecastMonth() {
		return this.forecastMonth;
	}

	public void setForecastMonth(LocalDate forecastMonth) {
		this.forecastMonth = forecastMonth;
	}

}
