package org.potentia.forecast;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;

/**
 * What every form of a monthly forecast figure holds, an account's (budget, rolling
 * forecast, billing) or an opportunity's invoicing forecast row: the business area, the
 * amount and the version. Each form adds what the row belongs to, its month, and its own
 * constraints on these (on the getters it overrides). The bounds a month and an amount
 * keep are {@link ForecastBounds}.
 */
public abstract class MonthlyAmountForm {

	private Long businessAreaId;

	@NotNull
	private BigDecimal amount;

	private Long version;

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
