package org.potentia.lead;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A raw prospect: a person, perhaps at a company, not yet an account, contact or
 * opportunity. A lead refers to no other module's records but its stage and owner.
 */
@Entity
@Table(name = "leads")
public class Lead extends AuditedEntity {

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name")
	private String lastName;

	private String company;

	private String title;

	private String email;

	private String phone;

	private String mobile;

	private String website;

	private String street;

	@Column(name = "postal_code")
	private String postalCode;

	private String city;

	private String country;

	@Column(name = "lead_source")
	private String leadSource;

	private String campaign;

	@Column(name = "stage_id")
	private Long stageId;

	private String rating;

	private String description;

	@Column(name = "marketing_consent")
	private boolean marketingConsent;

	@Column(name = "consent_date")
	private LocalDate consentDate;

	@Column(name = "consent_source")
	private String consentSource;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "converted_at")
	private java.time.Instant convertedAt;

	@Column(name = "converted_by")
	private String convertedBy;

	@Column(name = "converted_potential_id")
	private Long convertedPotentialId;

	@Column(name = "converted_account_id")
	private Long convertedAccountId;

	@Column(name = "converted_contact_id")
	private Long convertedContactId;

	protected Lead() {
	}

	Lead(String lastName, LeadSource source, long stageId, Long ownerId) {
		this.lastName = lastName;
		this.leadSource = source.code();
		this.stageId = stageId;
		this.ownerId = ownerId;
	}

	void name(String firstName, String lastName, String title, String company) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.title = title;
		this.company = company;
	}

	void reachAt(String email, String phone, String mobile, String website) {
		this.email = email;
		this.phone = phone;
		this.mobile = mobile;
		this.website = website;
	}

	void locateAt(String street, String postalCode, String city, String country) {
		this.street = street;
		this.postalCode = postalCode;
		this.city = city;
		this.country = country;
	}

	void cameFrom(LeadSource source) {
		this.leadSource = source.code();
	}

	void camePartOf(String campaign) {
		this.campaign = campaign;
	}

	/**
	 * Puts the lead into a stage; the service has checked that the stage belongs to the
	 * lead pipeline and is offered.
	 */
	void moveTo(long stageId) {
		this.stageId = stageId;
	}

	void rate(LeadRating rating) {
		this.rating = (rating != null) ? rating.code() : null;
	}

	void describe(String description) {
		this.description = description;
	}

	/**
	 * Records the marketing consent. Consent given without a date is dated today; without
	 * consent, no date or source is kept.
	 */
	void consent(boolean given, LocalDate date, String source) {
		this.marketingConsent = given;
		this.consentDate = given ? ((date != null) ? date : LocalDate.now()) : null;
		this.consentSource = given ? source : null;
	}

	void assignTo(Long ownerId) {
		this.ownerId = ownerId;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getDisplayName() {
		return ((this.firstName != null) ? this.firstName + " " : "") + this.lastName;
	}

	public String getCompany() {
		return this.company;
	}

	public String getTitle() {
		return this.title;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getMobile() {
		return this.mobile;
	}

	public String getWebsite() {
		return this.website;
	}

	public String getStreet() {
		return this.street;
	}

	public String getPostalCode() {
		return this.postalCode;
	}

	public String getCity() {
		return this.city;
	}

	public String getCountry() {
		return this.country;
	}

	public String getLeadSource() {
		return this.leadSource;
	}

	public String getCampaign() {
		return this.campaign;
	}

	public Long getStageId() {
		return this.stageId;
	}

	public String getRating() {
		return this.rating;
	}

	public String getDescription() {
		return this.description;
	}

	public boolean isMarketingConsent() {
		return this.marketingConsent;
	}

	public LocalDate getConsentDate() {
		return this.consentDate;
	}

	public String getConsentSource() {
		return this.consentSource;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public boolean isConverted() {
		return this.convertedAt != null;
	}

	public java.time.Instant getConvertedAt() {
		return this.convertedAt;
	}

	public String getConvertedBy() {
		return this.convertedBy;
	}

	public Long getConvertedPotentialId() {
		return this.convertedPotentialId;
	}

	public Long getConvertedAccountId() {
		return this.convertedAccountId;
	}

	public Long getConvertedContactId() {
		return this.convertedContactId;
	}

}
