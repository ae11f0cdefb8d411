package org.potentia.account;

import org.potentia.identity.IdentityService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordEvents;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes accounts under the visibility rule.
 */
@Service
@Transactional(readOnly = true)
public class AccountService implements RecordWriter<AccountForm> {

	private final AccountRepository accounts;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final IdentityService identity;

	private final RecordEvents events;

	AccountService(AccountRepository accounts, RecordQueries queries, ModuleDefinition accountsModule,
			IdentityService identity, RecordEvents events) {
		this.accounts = accounts;
		this.queries = queries;
		this.module = accountsModule;
		this.identity = identity;
		this.events = events;
	}

	/**
	 * The account, if it exists and the user may see it.
	 * @throws NotFoundException otherwise
	 */
	public Account get(long id, CurrentUser user) {
		return this.queries.requireVisible(this.module, id, user, this.accounts::findById);
	}

	/**
	 * Whether the account exists and the user may see it: other modules link only to
	 * accounts their user can see.
	 */
	public boolean isVisible(long id, CurrentUser user) {
		return this.queries.isVisible(this.module, id, user);
	}

	/**
	 * Whether there is any account at all, whoever may see it: the demo data is made only
	 * for an empty registry.
	 */
	public boolean hasAccounts() {
		return this.accounts.count() > 0;
	}

	@Override
	public ModuleDefinition definition() {
		return this.module;
	}

	@Override
	public AccountForm newForm(CurrentUser user) {
		AccountForm form = new AccountForm();
		form.setOwnerId(user.id());
		return form;
	}

	@Override
	public AccountForm formOf(long id, CurrentUser user) {
		return AccountForm.of(get(id, user));
	}

	/**
	 * Creates an account; the source travels with the saved event.
	 */
	@Override
	@Transactional
	public long create(AccountForm form, CurrentUser user, SaveSource source) {
		Long owner = this.identity.requireOwner(form.getOwnerId(), null, user);
		form.setOwnerId(owner);
		Account account = new Account(form.getName(), owner);
		form.applyTo(account);
		return this.events.save(AccountCatalogue.NAME, account, this.accounts, null, user, source).getId();
	}

	@Override
	@Transactional
	public void update(long id, AccountForm form, CurrentUser user, SaveSource source) {
		Account account = get(id, user);
		var before = this.events.snapshot(AccountCatalogue.NAME, id);
		ConflictException.checkVersion(form.getVersion(), account.getVersion());
		form.setOwnerId(this.identity.requireOwner(form.getOwnerId(), account.getOwnerId(), user));
		form.applyTo(account);
		this.events.save(AccountCatalogue.NAME, account, this.accounts, before, user, source);
	}

	/**
	 * Deletes the account, unless other records still point at it.
	 * @throws ConflictException naming what still refers to it
	 */
	@Override
	@Transactional
	public void delete(long id, CurrentUser user, SaveSource source) {
		this.queries.deleteVisible(this.module, id, user, this.accounts);
	}

}
