package org.potentia.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A company we sell to, buy from, partner with or compete against.
 */
@Entity
@Table(name = "accounts")
public class Account extends AuditedEntity {

	private String name;

	@Column(name = "account_type")
	private String accountType;

	private String industry;

	private String website;

	private String email;

	private String phone;

	private String street;

	@Column(name = "postal_code")
	private String postalCode;

	private String city;

	private String country;

	@Column(name = "owner_id")
	private Long ownerId;

	private String notes;

	protected Account() {
	}

	Account(String name, Long ownerId) {
		this.name = name;
		this.accountType = AccountType.PROSPECT.code();
		this.ownerId = ownerId;
	}

	void describe(String name, String accountType, String industry, String notes) {
		this.name = name;
		this.accountType = accountType;
		this.industry = industry;
		this.notes = notes;
	}

	void reachAt(String website, String email, String phone) {
		this.website = website;
		this.email = email;
		this.phone = phone;
	}

	void billTo(String street, String postalCode, String city, String country) {
		this.street = street;
		this.postalCode = postalCode;
		this.city = city;
		this.country = country;
	}

	void assignTo(Long ownerId) {
		this.ownerId = ownerId;
	}

	public String getName() {
		return this.name;
	}

	public String getAccountType() {
		return this.accountType;
	}

	public String getIndustry() {
		return this.industry;
	}

	public String getWebsite() {
		return this.website;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
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

	public Long getOwnerId() {
		return this.ownerId;
	}

	public String getNotes() {
		return this.notes;
	}

}
