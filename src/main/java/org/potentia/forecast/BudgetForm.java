package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * An account's budget for one month and business area, as sent to the API or a CSV
 * import. The month may be any day of it; the first is stored.
 */
public class BudgetForm extends AccountFigureForm {

	@NotNull
	private LocalDate budgetMonth;

	public LocalDate getBudgetMonth() {
		return this.budgetMonth;
	}

	public void setBudgetMonth(LocalDate budgetMonth) {
		this.budgetMonth = budgetMonth;
	}

	@Override
	LocalDate month() {
		return this.budgetMonth;
	}

	@Override
	void month(LocalDate month) {
		this.budgetMonth = month;
	}

	/**
	 * The amount, which a budget never has below 0.
	 */
	@Override
	@DecimalMin(value = "0", message = "{figures.error.negative}")
	public BigDecimal getAmount() {
		return super.getAmount();
	}

}
