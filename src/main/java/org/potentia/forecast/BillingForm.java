package org.potentia.forecast;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One row of actual billing, as entered on the account's billing page, sent to the API or
 * a CSV import. Amounts may be negative (credit notes).
 */
public class BillingForm extends AccountFigureForm {

	@NotNull
	private LocalDate billingMonth;

	@Size(max = 100)
	private String invoiceNumber;

	private LocalDate invoiceDate;

	@Size(max = 100)
	private String externalId;

	public LocalDate getBillingMonth() {
		return this.billingMonth;
	}

	public void setBillingMonth(LocalDate billingMonth) {
		this.billingMonth = billingMonth;
	}

	@Override
	LocalDate month() {
		return this.billingMonth;
	}

	@Override
	void month(LocalDate month) {
		this.billingMonth = month;
	}

	public String getInvoiceNumber() {
		return this.invoiceNumber;
	}

	public void setInvoiceNumber(String invoiceNumber) {
		this.invoiceNumber = invoiceNumber;
	}

	public LocalDate getInvoiceDate() {
		return this.invoiceDate;
	}

	public void setInvoiceDate(LocalDate invoiceDate) {
		this.invoiceDate = invoiceDate;
	}

	public String getExternalId() {
		return this.externalId;
	}

	public void setExternalId(String externalId) {
		this.externalId = externalId;
	}

}
