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

	/**
	 * A new opportunity in the stage, as the details say (see {@link #revise}).
	 */
	Opportunity(OpportunityForm details, Stage stage, LocalDate today) {
		this.stageId = stage.getId();
		enter(stage, today);
		revise(details, stage, today);
	}

	/**
	 * Takes what the user (or an import, the API, a workflow) gave, under the stage
	 * rules, which are the opportunity's own: the probability is the stage's default when
	 * none is given, or when the stage changes and the probability was left as it was;
	 * the closed date is set on entering a won or lost stage and cleared on reopening; a
	 * lost reason is kept only in a lost stage; the weighted amount follows amount and
	 * probability.
	 * @return whether the stage changed
	 */
	boolean revise(OpportunityForm details, Stage stage, LocalDate today) {
		boolean stageChanged = !stage.getId().equals(this.stageId);
		Integer probability = details.getProbability();
		if (probability == null || (stageChanged && probability.equals(this.probability))) {
			probability = stage.getProbability();
		}
		this.name = trim(details.getName());
		this.leadSource = trim(details.getLeadSource());
		this.nextStep = trim(details.getNextStep());
		this.description = trim(details.getDescription());
		this.expectedCloseDate = details.getExpectedCloseDate();
		this.billingStartDate = details.getBillingStartDate();
		this.businessAreaId = details.getBusinessAreaId();
		this.accountId = details.getAccountId();
		this.contactId = details.getContactId();
		this.ownerId = details.getOwnerId();
		this.amount = details.getAmount();
		String currency = trim(details.getCurrency());
		this.currency = (currency != null) ? currency : "EUR";
		this.probability = probability;
		weigh();
		if (stageChanged) {
			this.stageId = stage.getId();
			enter(stage, today);
		}
		this.lostReasonId = (stage.getKind() == StageKind.LOST) ? details.getLostReasonId() : null;
		return stageChanged;
	}

	void cameFromLead(Long leadId) {
		this.leadId = leadId;
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
	}

	private static String trim(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
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
