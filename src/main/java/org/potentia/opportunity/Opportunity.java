package org.potentia.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.pipeline.Stage;
import org.potentia.pipeline.StageKind;
import org.potentia.platform.AuditedEntity;

/**
 * A sales opportunity (Potenzial). The only field always required is the name; the stage
 * decides the default probability and whether the opportunity is closed.
 */
@Entity
@Table(name = "potentials")
public class Opportunity extends AuditedEntity {

	private String name;

	private BigDecimal amount;

	private String currency = "EUR";

	private Integer probability;

	@Column(name = "weighted_amount")
	private BigDecimal weightedAmount;

	@Column(name = "stage_id")
	private Long stageId;

	@Column(name = "expected_close_date")
	private LocalDate expectedCloseDate;

	@Column(name = "business_area_id")
	private Long businessAreaId;

	@Column(name = "billing_start_date")
	private LocalDate billingStartDate;

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "contact_id")
	private Long contactId;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "lead_source")
	private String leadSource;

	@Column(name = "next_step")
	private String nextStep;

	private String description;

	@Column(name = "closed_date")
	private LocalDate closedDate;

	@Column(name = "lost_reason_id")
	private Long lostReasonId;

	@Column(name = "lead_id")
	private Long leadId;

	protected Opportunity() {
	}

	Opportunity(String name, Stage stage, Long ownerId) {
		this.name = name;
		this.ownerId = ownerId;
		this.stageId = stage.getId();
		this.probability = stage.getProbability();
		enter(stage, LocalDate.now());
	}

	void describe(String name, String leadSource, String nextStep, String description) {
		this.name = name;
		this.leadSource = leadSource;
		this.nextStep = nextStep;
		this.description = description;
	}

	void value(BigDecimal amount, String currency, Integer probability) {
		this.amount = amount;
		this.currency = (currency != null) ? currency : "EUR";
		this.probability = probability;
		weigh();
	}

	void schedule(LocalDate expectedCloseDate, LocalDate billingStartDate, Long businessAreaId) {
		this.expectedCloseDate = expectedCloseDate;
		this.billingStartDate = billingStartDate;
		this.businessAreaId = businessAreaId;
	}

	void link(Long accountId, Long contactId) {
		this.accountId = accountId;
		this.contactId = contactId;
	}

	void assignTo(Long ownerId) {
		this.ownerId = ownerId;
	}

	void cameFromLead(Long leadId) {
		this.leadId = leadId;
	}

	void loseBecause(Long lostReasonId) {
		this.lostReasonId = lostReasonId;
	}

	/**
	 * Moves the opportunity to a stage: the probability becomes the stage's default, the
	 * closed date is set when a won or lost stage is entered and cleared on reopening.
	 * @return whether the stage changed
	 */
	boolean moveTo(Stage stage, LocalDate today) {
		if (stage.getId().equals(this.stageId)) {
			return false;
		}
		this.stageId = stage.getId();
		this.probability = stage.getProbability();
		weigh();
		enter(stage, today);
		return true;
	}

	private void enter(Stage stage, LocalDate today) {
		if (stage.getKind().isClosed()) {
			if (this.closedDate == null) {
				this.closedDate = today;
			}
		}
		else {
			this.closedDate = null;
		}
		if (stage.getKind() != StageKind.LOST) {
			this.lostReasonId = null;
		}
	}

	private void weigh() {
		this.weightedAmount = (this.amount != null && this.probability != null)
				? this.amount.multiply(BigDecimal.valueOf(this.probability))
					.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
				: null;
	}

	public String getName() {
		return this.name;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public String getCurrency() {
		return this.currency;
	}

	public Integer getProbability() {
		return this.probability;
	}

	public BigDecimal getWeightedAmount() {
		return this.weightedAmount;
	}

	public Long getStageId() {
		return this.stageId;
	}

	public LocalDate getExpectedCloseDate() {
		return this.expectedCloseDate;
	}

	public Long getBusinessAreaId() {
		return this.businessAreaId;
	}

	public LocalDate getBillingStartDate() {
		return this.billingStartDate;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public Long getContactId() {
		return this.contactId;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public String getLeadSource() {
		return this.leadSource;
	}

	public String getNextStep() {
		return this.nextStep;
	}

	public String getDescription() {
		return this.description;
	}

	public LocalDate getClosedDate() {
		return this.closedDate;
	}

	public Long getLostReasonId() {
		return this.lostReasonId;
	}

	public Long getLeadId() {
		return this.leadId;
	}

}
