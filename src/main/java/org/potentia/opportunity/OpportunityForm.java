package org.potentia.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.potentia.lead.LeadSource;
import org.potentia.platform.catalogue.OneOf;
import org.potentia.platform.catalogue.RecordForm;

/**
 * An opportunity as entered in the form, sent to the API or mapped from a lead.
 */
public class OpportunityForm extends RecordForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@DecimalMin("0")
	@DecimalMax("999999999999999")
	@Digits(integer = 15, fraction = 2)
	private BigDecimal amount;

	@Pattern(regexp = "[A-Z]{3}", message = "{error.currency}")
	private String currency = "EUR";

	@Min(0)
	@Max(100)
	private Integer probability;

	private Long stageId;

	private LocalDate expectedCloseDate;

	private Long businessAreaId;

	private LocalDate billingStartDate;

	private Long accountId;

	private Long contactId;

	@OneOf(LeadSource.class)
	private String leadSource;

	@Size(max = 255)
	private String nextStep;

	@Size(max = 10000)
	private String description;

	private Long lostReasonId;

	private Long leadId;

	static OpportunityForm of(Opportunity opportunity) {
		OpportunityForm form = new OpportunityForm();
		form.name = opportunity.getName();
		form.amount = opportunity.getAmount();
		form.currency = opportunity.getCurrency();
		form.probability = opportunity.getProbability();
		form.stageId = opportunity.getStageId();
		form.expectedCloseDate = opportunity.getExpectedCloseDate();
		form.businessAreaId = opportunity.getBusinessAreaId();
		form.billingStartDate = opportunity.getBillingStartDate();
		form.accountId = opportunity.getAccountId();
		form.contactId = opportunity.getContactId();
		form.setOwnerId(opportunity.getOwnerId());
		form.leadSource = opportunity.getLeadSource();
		form.nextStep = opportunity.getNextStep();
		form.description = opportunity.getDescription();
		form.lostReasonId = opportunity.getLostReasonId();
		form.setVersion(opportunity.getVersion());
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
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
		this.currency = (currency != null) ? currency.trim().toUpperCase() : null;
	}

	public Integer getProbability() {
		return this.probability;
	}

	public void setProbability(Integer probability) {
		this.probability = probability;
	}

	public Long getStageId() {
		return this.stageId;
	}

	public void setStageId(Long stageId) {
		this.stageId = stageId;
	}

	public LocalDate getExpectedCloseDate() {
		return this.expectedCloseDate;
	}

	public void setExpectedCloseDate(LocalDate expectedCloseDate) {
		this.expectedCloseDate = expectedCloseDate;
	}

	public Long getBusinessAreaId() {
		return this.businessAreaId;
	}

	public void setBusinessAreaId(Long businessAreaId) {
		this.businessAreaId = businessAreaId;
	}

	public LocalDate getBillingStartDate() {
		return this.billingStartDate;
	}

	public void setBillingStartDate(LocalDate billingStartDate) {
		this.billingStartDate = billingStartDate;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public Long getContactId() {
		return this.contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public String getLeadSource() {
		return this.leadSource;
	}

	public void setLeadSource(String leadSource) {
		this.leadSource = leadSource;
	}

	public String getNextStep() {
		return this.nextStep;
	}

	public void setNextStep(String nextStep) {
		this.nextStep = nextStep;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Long getLostReasonId() {
		return this.lostReasonId;
	}

	public void setLostReasonId(Long lostReasonId) {
		this.lostReasonId = lostReasonId;
	}

	public Long getLeadId() {
		return this.leadId;
	}

	/**
	 * The lead this opportunity was converted from; kept only when it is created.
	 */
	public void setLeadId(Long leadId) {
		this.leadId = leadId;
	}

}
