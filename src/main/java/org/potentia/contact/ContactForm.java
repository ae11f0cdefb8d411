package org.potentia.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.potentia.platform.catalogue.RecordForm;

/**
 * A contact as entered in the form or sent to the API.
 */
public class ContactForm extends RecordForm {

	@Size(max = 100)
	private String firstName;

	@NotBlank
	@Size(max = 100)
	private String lastName;

	@Size(max = 100)
	private String title;

	@Email
	@Size(max = 200)
	private String email;

	@Size(max = 50)
	private String phone;

	@Size(max = 50)
	private String mobile;

	private Long accountId;

	@Size(max = 10000)
	private String notes;

	static ContactForm of(Contact contact) {
		ContactForm form = new ContactForm();
		form.firstName = contact.getFirstName();
		form.lastName = contact.getLastName();
		form.title = contact.getTitle();
		form.email = contact.getEmail();
		form.phone = contact.getPhone();
		form.mobile = contact.getMobile();
		form.accountId = contact.getAccountId();
		form.setOwnerId(contact.getOwnerId());
		form.notes = contact.getNotes();
		form.setVersion(contact.getVersion());
		return form;
	}

	void applyTo(Contact contact) {
		contact.name(trim(this.firstName), trim(this.lastName), trim(this.title));
		contact.reachAt(trim(this.email), trim(this.phone), trim(this.mobile));
		contact.workAt(this.accountId);
		contact.assignTo(getOwnerId());
		contact.note(trim(this.notes));
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

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

}
