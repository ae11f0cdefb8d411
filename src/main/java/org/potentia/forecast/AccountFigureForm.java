package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the forms of an account's monthly figures (budgets, rolling forecasts, billing)
 * share: the account, a business area (which they must have), the amount, its currency
 * and the version. Each form adds its month under the catalogue name of its table's month
 * column.
 */
public abstract class AccountFigureForm extends MonthlyAmountForm {

	@NotNull
	private Long accountId;

	@Size(max = 3)
	@Pattern(regexp = "([A-Za-z]{3})?", message = "{figures.error.currency}")
	private String currency = "EUR";

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

	@Override
	@NotNull
	public Long getBusinessAreaId() {
		return super.getBusinessAreaId();
	}

	@Override
	@Digits(integer = 17, fraction = 2)
	public BigDecimal getAmount() {
		return super.getAmount();
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

}
