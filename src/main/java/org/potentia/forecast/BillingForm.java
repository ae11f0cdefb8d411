package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One row of actual billing, as entered on the account's billing page, sent to the API or
 * a CSV import. Amounts may be negative (credit notes).
 */
public class BillingForm {

	@NotNull
	private Long accountId;

	@NotNull
	private LocalDate billingMonth;

	@NotNull
	private Long businessAreaId;

	@NotNull
	@Digits(integer = 17, fraction = 2)
	private BigDecimal amount;

	@Size(max = 3)
	@Pattern(regexp = "([A-Za-z]{3})?", message = "{figures.error.currency}")
	private String currency = "EUR";

	@Size(max = 100)
	private String invoiceNumber;

	private LocalDate invoiceDate;

	@Size(max = 100)
	private String externalId;

	private Long version;

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public LocalDate getBillingMonth() {
		return this.billingMonth;
	}

	public void setBillingMonth(LocalDate billingMonth) {
		this.billingMonth = billingMonth;
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

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
