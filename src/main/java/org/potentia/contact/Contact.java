package org.potentia.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A person, usually at an account.
 */
@Entity
@Table(name = "contacts")
public class Contact extends AuditedEntity {

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name")
	private String lastName;

	private String title;

	private String email;

	private String phone;

	private String mobile;

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "owner_id")
	private Long ownerId;

	private String notes;

	protected Contact() {
	}

	Contact(String lastName, Long ownerId) {
		this.lastName = lastName;
		this.ownerId = ownerId;
	}

	void name(String firstName, String lastName, String title) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.title = title;
	}

	void reachAt(String email, String phone, String mobile) {
		this.email = email;
		this.phone = phone;
		this.mobile = mobile;
	}

	void workAt(Long accountId) {
		this.accountId = accountId;
	}

	void assignTo(Long ownerId) {
		this.ownerId = ownerId;
	}

	void note(String notes) {
		this.notes = notes;
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

	public Long getAccountId() {
		return this.accountId;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public String getNotes() {
		return this.notes;
	}

}
