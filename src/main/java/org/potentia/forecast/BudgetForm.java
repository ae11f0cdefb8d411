package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account's budget for one month and business area, as sent to the API or a CSV
 * import. The month may be any day of it; the first is stored.
 */
public class BudgetForm {

	@NotNull
	private Long accountId;

	@NotNull
	private LocalDate budgetMonth;

	@NotNull
	private Long businessAreaId;

	@NotNull
	@DecimalMin(value = "0", message = "{figures.error.negative}")
	@Digits(integer = 17, fraction = 2)
	private BigDecimal amount;

	@Size(max = 3)
	@Pattern(regexp = "([A-Za-z]{3})?", message = "{figures.error.currency}")
	private String currency = "EUR";

	private Long version;

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public LocalDate getBudgetMonth() {
		return this.budgetMonth;
	}

	public void setBudgetMonth(LocalDate budgetMonth) {
		this.budgetMonth = budgetMonth;
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
