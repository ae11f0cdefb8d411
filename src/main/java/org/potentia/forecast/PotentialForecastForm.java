package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * One invoicing forecast row as sent to the API. The month must be the first of a month;
 * the service checks it, the amount and the business area with its own messages.
 */
public class PotentialForecastForm {

	@NotNull
	private Long potentialId;

	@NotNull
	private LocalDate forecastMonth;

	private Long businessAreaId;

	@NotNull
	private BigDecimal amount;

	private Long version;

	static PotentialForecastForm of(PotentialForecast row) {
		PotentialForecastForm form = new PotentialForecastForm();
		form.potentialId = row.getPotentialId();
		form.forecastMonth = row.getForecastMonth();
		form.businessAreaId = row.getBusinessAreaId();
		form.amount = row.getAmount();
		form.version = row.getVersion();
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

	public Long getBusinessAreaId() {
		return this.businessAreaId;
	}

	public void setBusinessAreaId(Long businessAreaId) {
		this.businessAreaId = businessAreaId;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
