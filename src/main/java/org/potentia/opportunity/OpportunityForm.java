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

/**
 * An opportunity as entered in the form, sent to the API or mapped from a lead.
 */
public class OpportunityForm {

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

	private Long ownerId;

	@Pattern(regexp = "(manual|web_form|import|api|campaign|referral|other)?", message = "{error.picklist}")
	private String leadSource;

	@Size(max = 255)
	private String nextStep;

	@Size(max = 10000)
	private String description;

	private Long lostReasonId;

	private Long leadId;

	private Long version;

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
		form.ownerId = opportunity.getOwnerId();
		form.leadSource = opportunity.getLeadSource();
		form.nextStep = opportunity.getNextStep();
		form.description = opportunity.getDescription();
		form.lostReasonId = opportunity.getLostReasonId();
		form.version = opportunity.getVersion();
		return form;
	}

	void applyTo(Opportunity opportunity) {
		opportunity.describe(trim(this.name), trim(this.leadSource), trim(this.nextStep), trim(this.description));
		opportunity.schedule(this.expectedCloseDate, this.billingStartDate, this.businessAreaId);
		opportunity.link(this.accountId, this.contactId);
		opportunity.assignTo(this.ownerId);
		opportunity.value(this.amount, trim(this.currency), this.probability);
		opportunity.loseBecause(this.lostReasonId);
	}

	private static String trim(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/**
	 * The value of a catalogue field, for the mandatory-field check.
	 */
	Object value(String field) {
		return switch (field) {
			case "amount" -> this.amount;
			case "probability" -> this.probability;
			case "expected_close_date" -> this.expectedCloseDate;
			case "business_area_id" -> this.businessAreaId;
			case "billing_start_date" -> this.billingStartDate;
			case "account_id" -> this.accountId;
			case "contact_id" -> this.contactId;
			case "lead_source" -> trim(this.leadSource);
			case "next_step" -> trim(this.nextStep);
			case "description" -> trim(this.description);
			case "lost_reason_id" -> this.lostReasonId;
			default -> throw new IllegalArgumentException(field);
		};
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

	public Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
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

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
