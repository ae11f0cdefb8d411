package org.potentia.testing;

import org.potentia.account.AccountService;
import org.potentia.contact.ContactService;
import org.potentia.platform.SaveSource;

/**
 * Saves the records the builders describe through the modules' own services, in the name
 * of their owner (or of another user, for links the owner could not make).
 */
public class Records {

	private final AccountService accounts;

	private final ContactService contacts;

	Records(AccountService accounts, ContactService contacts) {
		this.accounts = accounts;
		this.contacts = contacts;
	}

	public long save(Accounts account) {
		return save(account, requireOwner(account.owner()));
	}

	public long save(Accounts account, Person actor) {
		return this.accounts.create(account.form(), actor.currentUser(), SaveSource.FORM);
	}

	public long save(Contacts contact) {
		return save(contact, requireOwner(contact.owner()));
	}

	public long save(Contacts contact, Person actor) {
		return this.contacts.create(contact.form(), actor.currentUser(), SaveSource.FORM);
	}

	private static Person requireOwner(Person owner) {
		if (owner == null) {
			throw new IllegalStateException("say who owns the record: ownedBy(person)");
		}
		return owner;
	}

}
