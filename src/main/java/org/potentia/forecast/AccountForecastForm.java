package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * An account's rolling forecast for one month and business area, as sent to the API or a
 * CSV import. The month may be any day of it; the first is stored.
 */
public class AccountForecastForm extends AccountFigureForm {

	@NotNull
	private LocalDate forecastMonth;

	public LocalDate getForecastMonth() {
		return this.forecastMonth;
	}

	public void setForecastMonth(LocalDate forecastMonth) {
		this.forecastMonth = forecastMonth;
	}

	@Override
	LocalDate month() {
		return this.forecastMonth;
	}

	@Override
	void month(LocalDate month) {
		this.forecastMonth = month;
	}

	/**
	 * The amount, which a rolling forecast never has below 0.
	 */
	@Override
	@DecimalMin(value = "0", message = "{figures.error.negative}")
	public BigDecimal getAmount() {
		return super.getAmount();
	}

}
