package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the forms of an account's monthly figures (budgets, rolling forecasts, billing)
 * share: the account, the business area, the amount, its currency and the version. Each
 * form adds its month under the catalogue name of its table's month column.
 */
public abstract class AccountFigureForm {

	@NotNull
	private Long accountId;

	@NotNull
	private Long businessAreaId;

	@NotNull
	@Digits(integer = 17, fraction = 2)
	private BigDecimal amount;

	@Size(max = 3)
	@Pattern(regexp = "([A-Za-z]{3})?", message = "{figures.error.currency}")
	private String currency = "EUR";

	private Long version;

	/**
	 * The month the row is for: any day of it.
	 */
	abstract LocalDate month();

	abstract void month(LocalDate month);

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
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

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
