package org.potentia.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.potentia.platform.catalogue.OneOf;
import org.potentia.platform.catalogue.RecordForm;

/**
 * An account as entered in the form or sent to the API.
 */
public class AccountForm extends RecordForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotNull
	@OneOf(AccountType.class)
	private String accountType = AccountType.PROSPECT.code();

	@Size(max = 100)
	private String industry;

	@Size(max = 255)
	@Pattern(regexp = "(https?://\\S+)?", flags = Pattern.Flag.CASE_INSENSITIVE, message = "{error.url}")
	private String website;

	@Email
	@Size(max = 200)
	private String email;

	@Size(max = 50)
	private String phone;

	@Size(max = 200)
	private String street;

	@Size(max = 20)
	private String postalCode;

	@Size(max = 100)
	private String city;

	@Size(max = 100)
	private String country;

	@Size(max = 10000)
	private String notes;

	static AccountForm of(Account account) {
		AccountForm form = new AccountForm();
		form.name = account.getName();
		form.accountType = account.getAccountType();
		form.industry = account.getIndustry();
		form.website = account.getWebsite();
		form.email = account.getEmail();
		form.phone = account.getPhone();
		form.street = account.getStreet();
		form.postalCode = account.getPostalCode();
		form.city = account.getCity();
		form.country = account.getCountry();
		form.setOwnerId(account.getOwnerId());
		form.notes = account.getNotes();
		form.setVersion(account.getVersion());
		return form;
	}

	void applyTo(Account account) {
		account.describe(trim(this.name), this.accountType, trim(this.industry), trim(this.notes));
		account.reachAt(trim(this.website), trim(this.email), trim(this.phone));
		account.billTo(trim(this.street), trim(this.postalCode), trim(this.city), trim(this.country));
		account.assignTo(getOwnerId());
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAccountType() {
		return this.accountType;
	}

	public void setAccountType(String accountType) {
		this.accountType = accountType;
	}

	public String getIndustry() {
		return this.industry;
	}

	public void setIndustry(String industry) {
		this.industry = industry;
	}

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
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

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

}
