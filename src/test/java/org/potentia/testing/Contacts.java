package org.potentia.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.potentia.contact.ContactForm;

/**
 * Builds contacts for tests: {@code aContact().named("Ann", "Lee").at(accountId)}.
 */
public final class Contacts {

	private final ContactForm form = new ContactForm();

	private Person owner;

	private Contacts() {
		this.form.setLastName(Names.unique("Contact"));
	}

	public static Contacts aContact() {
		return new Contacts();
	}

	public Contacts named(String firstName, String lastName) {
		this.form.setFirstName(firstName);
		this.form.setLastName(lastName);
		return this;
	}

	public Contacts at(long accountId) {
		this.form.setAccountId(accountId);
		return this;
	}

	public Contacts ownedBy(Person owner) {
		this.owner = owner;
		this.form.setOwnerId(owner.id());
		return this;
	}

	ContactForm form() {
		return this.form;
	}

	Person owner() {
		return this.owner;
	}

	/**
	 * The attributes of a JSON:API document for this contact.
	 */
	public Map<String, Object> attributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("first_name", this.form.getFirstName());
		attributes.put("last_name", this.form.getLastName());
		if (this.form.getAccountId() != null) {
			attributes.put("account_id", this.form.getAccountId());
		}
		if (this.form.getOwnerId() != null) {
			attributes.put("owner_id", this.form.getOwnerId());
		}
		return attributes;
	}

}
