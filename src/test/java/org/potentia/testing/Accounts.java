package org.potentia.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.potentia.account.AccountForm;

/**
 * Builds accounts for tests: {@code anAccount().named("Acme").ofType("customer")}.
 */
public final class Accounts {

	private final AccountForm form = new AccountForm();

	private Person owner;

	private Accounts() {
		this.form.setName(Names.unique("Account"));
	}

	public static Accounts anAccount() {
		return new Accounts();
	}

	public Accounts named(String name) {
		this.form.setName(name);
		return this;
	}

	public Accounts ofType(String accountType) {
		this.form.setAccountType(accountType);
		return this;
	}

	public Accounts in(String city) {
		this.form.setCity(city);
		return this;
	}

	public Accounts ownedBy(Person owner) {
		this.owner = owner;
		this.form.setOwnerId(owner.id());
		return this;
	}

	AccountForm form() {
		return this.form;
	}

	Person owner() {
		return this.owner;
	}

	/**
	 * The attributes of a JSON:API document for this account.
	 */
	public Map<String, Object> attributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("name", this.form.getName());
		attributes.put("account_type", this.form.getAccountType());
		if (this.form.getCity() != null) {
			attributes.put("city", this.form.getCity());
		}
		if (this.form.getOwnerId() != null) {
			attributes.put("owner_id", this.form.getOwnerId());
		}
		return attributes;
	}

}
