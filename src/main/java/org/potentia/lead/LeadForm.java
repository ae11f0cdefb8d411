package org.potentia.lead;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.potentia.platform.catalogue.OneOf;
import org.potentia.platform.catalogue.RecordForm;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A lead as entered in the form, sent to the API or read from a CSV row.
 */
public class LeadForm extends RecordForm {

	@Size(max = 100)
	private String firstName;

	@NotBlank
	@Size(max = 100)
	private String lastName;

	@Size(max = 200)
	private String company;

	@Size(max = 100)
	private String title;

	@Email
	@Size(max = 200)
	private String email;

	@Size(max = 50)
	private String phone;

	@Size(max = 50)
	private String mobile;

	@Size(max = 255)
	@Pattern(regexp = "(https?://\\S+)?", flags = Pattern.Flag.CASE_INSENSITIVE, message = "{error.url}")
	private String website;

	@Size(max = 200)
	private String street;

	@Size(max = 20)
	private String postalCode;

	@Size(max = 100)
	private String city;

	@Size(max = 100)
	private String country;

	@Size(max = 200)
	private String campaign;

	@OneOf(LeadSource.class)
	private String leadSource;

	private Long stageId;

	@OneOf(LeadRating.class)
	private String rating;

	@Size(max = 10000)
	private String description;

	private boolean marketingConsent;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate consentDate;

	@Size(max = 200)
	private String consentSource;

	static LeadForm of(Lead lead) {
		LeadForm form = new LeadForm();
		form.firstName = lead.getFirstName();
		form.lastName = lead.getLastName();
		form.company = lead.getCompany();
		form.title = lead.getTitle();
		form.email = lead.getEmail();
		form.phone = lead.getPhone();
		form.mobile = lead.getMobile();
		form.website = lead.getWebsite();
		form.street = lead.getStreet();
		form.postalCode = lead.getPostalCode();
		form.city = lead.getCity();
		form.country = lead.getCountry();
		form.leadSource = lead.getLeadSource();
		form.campaign = lead.getCampaign();
		form.stageId = lead.getStageId();
		form.rating = lead.getRating();
		form.description = lead.getDescription();
		form.marketingConsent = lead.isMarketingConsent();
		form.consentDate = lead.getConsentDate();
		form.consentSource = lead.getConsentSource();
		form.setOwnerId(lead.getOwnerId());
		form.setVersion(lead.getVersion());
		return form;
	}

	/**
	 * Copies what the form may change onto the lead. Stage, source and owner have been
	 * checked by the service and are applied by it.
	 */
	void applyTo(Lead lead) {
		lead.name(trim(this.firstName), trim(this.lastName), trim(this.title), trim(this.company));
		lead.reachAt(trim(this.email), trim(this.phone), trim(this.mobile), trim(this.website));
		lead.locateAt(trim(this.street), trim(this.postalCode), trim(this.city), trim(this.country));
		String ratingCode = trim(this.rating);
		lead.rate((ratingCode != null) ? LeadRating.valueOf(ratingCode.toUpperCase()) : null);
		lead.describe(trim(this.description));
		lead.camePartOf(trim(this.campaign));
		lead.consent(this.marketingConsent, this.consentDate, trim(this.consentSource));
		lead.assignTo(getOwnerId());
	}

	/**
	 * The chosen source, or null if none was given.
	 */
	LeadSource source() {
		String code = trim(this.leadSource);
		return (code != null) ? LeadSource.valueOf(code.toUpperCase()) : null;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getCompany() {
		return this.company;
	}

	public void setCompany(String company) {
		this.company = company;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getMobile() {
		return this.mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public String getStreet() {
		return this.street;
	}

	public void setStreet(String street) {
		this.street = street;
	}

	public String getPostalCode() {
		return this.postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getLeadSource() {
		return this.leadSource;
	}

	public void setLeadSource(String leadSource) {
		this.leadSource = leadSource;
	}

	public String getCampaign() {
		return this.campaign;
	}

	public void setCampaign(String campaign) {
		this.campaign = campaign;
	}

	public Long getStageId() {
		return this.stageId;
	}

	public void setStageId(Long stageId) {
		this.stageId = stageId;
	}

	public String getRating() {
		return this.rating;
	}

	public void setRating(String rating) {
		this.rating = rating;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isMarketingConsent() {
		return this.marketingConsent;
	}

	public void setMarketingConsent(boolean marketingConsent) {
		this.marketingConsent = marketingConsent;
	}

	public LocalDate getConsentDate() {
		return this.consentDate;
	}

	public void setConsentDate(LocalDate consentDate) {
		this.consentDate = consentDate;
	}

	public String getConsentSource() {
		return this.consentSource;
	}

	public void setConsentSource(String consentSource) {
		this.consentSource = consentSource;
	}

}
