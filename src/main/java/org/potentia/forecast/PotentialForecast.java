package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * One month of an opportunity's invoicing forecast, in one business area. The amount is
 * in the opportunity's currency; the row keeps no copy of the stage, so the forecast
 * follows the opportunity. A row a user changed by hand is marked edited, and a change of
 * the opportunity's amount never overwrites it silently.
 */
@Entity
@Table(name = "potential_forecasts")
public class PotentialForecast extends AuditedEntity {

	@Column(name = "potential_id", nullable = false, updatable = false)
	private Long potentialId;

	@Column(name = "forecast_month", nullable = false)
	private LocalDate forecastMonth;

	@Column(name = "business_area_id")
	private Long businessAreaId;

	@Column(nullable = false)
	private BigDecimal amount;

	@Column(nullable = false)
	private boolean edited;

	protected PotentialForecast() {
	}

	PotentialForecast(long potentialId, YearMonth month, Long businessAreaId, BigDecimal amount, boolean edited) {
		this.potentialId = potentialId;
		this.forecastMonth = month.atDay(1);
		this.businessAreaId = businessAreaId;
		this.amount = amount;
		this.edited = edited;
	}

	/**
	 * Changes the row by hand; it is marked edited if anything differs.
	 * @return whether anything changed
	 */
	boolean edit(YearMonth month, Long businessAreaId, BigDecimal amount) {
		boolean changed = !month.atDay(1).equals(this.forecastMonth)
				|| !java.util.Objects.equals(businessAreaId, this.businessAreaId) || this.amount.compareTo(amount) != 0;
		if (changed) {
			this.forecastMonth = month.atDay(1);
			this.businessAreaId = businessAreaId;
			this.amount = amount;
			this.edited = true;
		}
		return changed;
	}

	public Long getPotentialId() {
		return this.potentialId;
	}

	public LocalDate getForecastMonth() {
		return this.forecastMonth;
	}

	public YearMonth getMonth() {
		return YearMonth.from(this.forecastMonth);
	}

	public Long getBusinessAreaId() {
		return this.businessAreaId;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public boolean isEdited() {
		return this.edited;
	}

}
