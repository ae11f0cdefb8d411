package org.potentia.contact;

import org.potentia.account.AccountService;
import org.potentia.identity.IdentityService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.Links;
import org.potentia.platform.SaveSource;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordEvents;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes contacts under the visibility rule. A contact links only
 * to an account its user may see.
 */
@Service
@Transactional(readOnly = true)
public class ContactService implements RecordWriter<ContactForm> {

	private final ContactRepository contacts;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final IdentityService identity;

	private final RecordEvents events;

	private final AccountService accounts;

	ContactService(ContactRepository contacts, RecordQueries queries, ModuleDefinition contactsModule,
			IdentityService identity, AccountService accounts, RecordEvents events) {
		this.contacts = contacts;
		this.queries = queries;
		this.module = contactsModule;
		this.identity = identity;
		this.events = events;
		this.accounts = accounts;
	}

	public Contact get(long id, CurrentUser user) {
		return this.queries.requireVisible(this.module, id, user, this.contacts::findById);
	}

	public boolean isVisible(long id, CurrentUser user) {
		return this.queries.isVisible(this.module, id, user);
	}

	/**
	 * The account a contact works at, or null; for prefilling linked records.
	 */
	public Long accountOf(long id, CurrentUser user) {
		return get(id, user).getAccountId();
	}

	@Override
	public ModuleDefinition definition() {
		return this.module;
	}

	@Override
	public ContactForm newForm(CurrentUser user) {
		ContactForm form = new ContactForm();
		form.setOwnerId(user.id());
		return form;
	}

	@Override
	public ContactForm formOf(long id, CurrentUser user) {
		return ContactForm.of(get(id, user));
	}

	/**
	 * Creates a contact; the source travels with the saved event.
	 */
	@Override
	@Transactional
	public long create(ContactForm form, CurrentUser user, SaveSource source) {
		Long owner = this.identity.requireOwner(form.getOwnerId(), null, user);
		form.setOwnerId(owner);
		checkAccount(form.getAccountId(), user);
		Contact contact = new Contact(form.getLastName(), owner);
		form.applyTo(contact);
		return this.events.save(ContactCatalogue.NAME, contact, this.contacts, null, user, source).getId();
	}

	@Override
	@Transactional
	public void update(long id, ContactForm form, CurrentUser user, SaveSource source) {
		Contact contact = get(id, user);
		var before = this.events.snapshot(ContactCatalogue.NAME, id);
		ConflictException.checkVersion(form.getVersion(), contact.getVersion());
		form.setOwnerId(this.identity.requireOwner(form.getOwnerId(), contact.getOwnerId(), user));
		Links
			.checkChange("account_id", contact.getAccountId(), form.getAccountId(),
					(accountId) -> this.accounts.isVisible(accountId, user))
			.ifPresent((error) -> {
				throw new ValidationException(java.util.List.of(error));
			});
		form.applyTo(contact);
		this.events.save(ContactCatalogue.NAME, contact, this.contacts, before, user, source);
	}

	@Override
	@Transactional
	public void delete(long id, CurrentUser user, SaveSource source) {
		this.queries.deleteVisible(this.module, id, user, this.contacts);
	}

	private void checkAccount(Long accountId, CurrentUser user) {
		if (accountId != null && !this.accounts.isVisible(accountId, user)) {
			throw ValidationException.of("account_id", "error.relation.unknown");
		}
	}

}
