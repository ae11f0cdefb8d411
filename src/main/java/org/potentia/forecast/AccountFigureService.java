package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.potentia.platform.ConflictException;
import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service of an account's monthly figures that are entered per account, month and
 * business area: budgets and rolling forecasts. Rows are written one by one (API, CSV
 * import) or as a twelve-month grid. What else a write means is the subclass's: a budget
 * refuses a locked year, a rolling forecast keeps every new value as a version.
 *
 * @param <F> the form rows are written with
 */
@Transactional(readOnly = true)
public abstract class AccountFigureService<F extends AccountFigureForm> implements RecordWriter<F> {

	private final AccountFigureRows rows;

	private final AccountFiguresSupport support;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final Messages messages;

	private final String monthField;

	private final String existsMessage;

	/**
	 * @param monthField the catalogue name of the month column, which is also the table's
	 * @param existsMessage the conflict's message when the account's month and area has a
	 * row already
	 */
	AccountFigureService(AccountFigureRows rows, AccountFiguresSupport support, RecordQueries queries,
			ModuleDefinition module, Messages messages, String monthField, String existsMessage) {
		this.rows = rows;
		this.support = support;
		this.queries = queries;
		this.module = module;
		this.messages = messages;
		this.monthField = monthField;
		this.existsMessage = existsMessage;
	}

	/**
	 * Refuses any write to the account's year, if it may not change.
	 * @throws ConflictException if it may not
	 */
	abstract void requireWritable(long accountId, int year);

	/**
	 * A value was written, in the write's transaction; a removed value has the amount 0.
	 */
	abstract void changed(long accountId, LocalDate month, long areaId, BigDecimal amount, String currency,
			Timestamp now, CurrentUser user);

	@Override
	public ModuleDefinition definition() {
		return this.module;
	}

	@Override
	public abstract F newForm(CurrentUser user);

	@Override
	public F formOf(long id, CurrentUser user) {
		AccountFigureRows.Row row = require(id, user);
		F form = newForm(user);
		form.month(row.month());
		form.setAccountId(row.accountId());
		form.setBusinessAreaId(row.businessAreaId());
		form.setAmount(row.amount());
		form.setCurrency(row.currency());
		form.setVersion(row.version());
		return form;
	}

	/**
	 * Adds a row. A CSV import sets the amount of an existing row of the same account,
	 * month and business area; the API refuses that with a conflict naming the existing
	 * row.
	 * @return the row's id
	 * @throws ConflictException if the year may not change, or the API's row exists
	 */
	@Override
	@Transactional
	public long create(F form, CurrentUser user, SaveSource source) {
		check(form, user);
		LocalDate month = AccountFiguresSupport.firstOfMonth(form.month());
		String currency = AccountFiguresSupport.currency(form.getCurrency());
		requireWritable(form.getAccountId(), month.getYear());
		Timestamp now = this.support.nowTimestamp();
		Optional<AccountFigureRows.Row> existing = this.rows.find(form.getAccountId(), month, form.getBusinessAreaId());
		if (existing.isPresent()) {
			if (source != SaveSource.IMPORT) {
				throw new ConflictException(this.existsMessage, existing.get().id());
			}
			if (!existing.get().sameValue(form.getAmount(), currency)) {
				this.rows.update(existing.get(), month, form.getBusinessAreaId(), form.getAmount(), currency, now,
						user.username());
				changed(form.getAccountId(), month, form.getBusinessAreaId(), form.getAmount(), currency, now, user);
			}
			return existing.get().id();
		}
		long id = this.rows.insert(form.getAccountId(), month, form.getBusinessAreaId(), form.getAmount(), currency,
				now, user.username());
		changed(form.getAccountId(), month, form.getBusinessAreaId(), form.getAmount(), currency, now, user);
		return id;
	}

	/**
	 * Changes a row; its account stays. A row moved to another month or business area
	 * leaves the amount 0 where it was.
	 * @throws ConflictException if its year, or the year it moves to, may not change
	 */
	@Override
	@Transactional
	public void update(long id, F form, CurrentUser user, SaveSource source) {
		AccountFigureRows.Row row = require(id, user);
		ConflictException.checkVersion(form.getVersion(), row.version());
		check(form, user);
		if (form.getAccountId() != row.accountId()) {
			throw ValidationException.of("account_id", "figures.error.account_fixed");
		}
		LocalDate month = AccountFiguresSupport.firstOfMonth(form.month());
		String currency = AccountFiguresSupport.currency(form.getCurrency());
		requireWritable(row.accountId(), row.month().getYear());
		requireWritable(row.accountId(), month.getYear());
		boolean moved = !month.equals(row.month()) || form.getBusinessAreaId() != row.businessAreaId();
		if (moved) {
			this.rows.find(row.accountId(), month, form.getBusinessAreaId()).ifPresent((other) -> {
				throw new ConflictException(this.existsMessage, other.id());
			});
		}
		else if (row.sameValue(form.getAmount(), currency)) {
			return;
		}
		Timestamp now = this.support.nowTimestamp();
		this.rows.update(row, month, form.getBusinessAreaId(), form.getAmount(), currency, now, user.username());
		if (moved) {
			changed(row.accountId(), row.month(), row.businessAreaId(), BigDecimal.ZERO.setScale(2), row.currency(),
					now, user);
		}
		changed(row.accountId(), month, form.getBusinessAreaId(), form.getAmount(), currency, now, user);
	}

	@Override
	@Transactional
	public void delete(long id, CurrentUser user, SaveSource source) {
		AccountFigureRows.Row row = require(id, user);
		requireWritable(row.accountId(), row.month().getYear());
		this.rows.delete(row);
		changed(row.accountId(), row.month(), row.businessAreaId(), BigDecimal.ZERO.setScale(2), row.currency(),
				this.support.nowTimestamp(), user);
	}

	private void check(F form, CurrentUser user) {
		this.support.check(form.getAccountId(), this.monthField, form.month(), form.getBusinessAreaId(),
				form.getAmount(), form.getCurrency(), user);
	}

	private AccountFigureRows.Row require(long id, CurrentUser user) {
		if (!this.queries.isVisible(this.module, id, user)) {
			throw new NotFoundException(this.module.name(), id);
		}
		return this.rows.find(id).orElseThrow(() -> new NotFoundException(this.module.name(), id));
	}

	/**
	 * The grid of an account's year.
	 * @throws NotFoundException if the user may not see the account
	 */
	public AccountFiguresGrid grid(long accountId, int year, CurrentUser user, Locale locale) {
		return grid(accountId, year, user, locale, null, null);
	}

	private AccountFiguresGrid grid(long accountId, int year, CurrentUser user, Locale locale,
			AccountFiguresGrid.Input input, String typedCurrency) {
		String name = this.support.accountName(accountId, user);
		checkYear(year);
		List<AccountFigureRows.Row> stored = this.rows.year(accountId, year);
		Set<Long> used = new HashSet<>();
		stored.forEach((row) -> used.add(row.businessAreaId()));
		Map<Long, String> areas = new LinkedHashMap<>();
		this.support.gridAreas(used).forEach((area) -> areas.put(area.getId(), area.name(locale)));
		String currency = (typedCurrency != null) ? typedCurrency
				: stored.isEmpty() ? AccountFiguresSupport.DEFAULT_CURRENCY : stored.get(0).currency();
		Map<String, String> cellErrors = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		if (input != null) {
			input.cellErrors().forEach((cell, key) -> cellErrors.put(cell, this.messages.get(key)));
			input.errors().forEach((key) -> errors.add(this.messages.get(key)));
		}
		return AccountFiguresGrid.of(accountId, name, year, currency, areas, stored,
				(input != null) ? input.typed() : Map.of(), cellErrors, errors, locale);
	}

	/**
	 * Saves the whole grid of an account's year at once: a cell with an amount sets it,
	 * an empty cell removes the month's row. Either every cell is saved or, if any is
	 * refused, none.
	 * @param parameters the grid form's cells ({@code a<area>_m<month>})
	 * @return null when saved, else the grid with the typed text and the errors in place
	 * @throws ConflictException if the year may not change
	 */
	@Transactional
	public AccountFiguresGrid saveGrid(long accountId, int year, String currency, Map<String, String> parameters,
			CurrentUser user, Locale locale) {
		this.support.accountName(accountId, user);
		checkYear(year);
		requireWritable(accountId, year);
		AccountFiguresGrid.Input input = AccountFiguresGrid.read(parameters, year, this.support::areaExists, locale);
		if (currency != null && !currency.isBlank() && !AccountFiguresSupport.validCurrency(currency)) {
			List<String> errors = new ArrayList<>(input.errors());
			errors.add("figures.error.currency");
			input = new AccountFiguresGrid.Input(input.amounts(), input.typed(), input.cellErrors(), errors);
		}
		if (!input.valid()) {
			return grid(accountId, year, user, locale, input, currency);
		}
		String code = AccountFiguresSupport.currency(currency);
		Map<AccountFiguresGrid.Key, AccountFigureRows.Row> stored = new LinkedHashMap<>();
		this.rows.year(accountId, year)
			.forEach((row) -> stored.put(new AccountFiguresGrid.Key(row.businessAreaId(), row.month()), row));
		Timestamp now = this.support.nowTimestamp();
		input.amounts().forEach((key, amount) -> {
			AccountFigureRows.Row row = stored.get(key);
			if (amount == null) {
				if (row != null) {
					this.rows.delete(row);
					changed(accountId, key.month(), key.areaId(), BigDecimal.ZERO.setScale(2), row.currency(), now,
							user);
				}
			}
			else if (row == null) {
				this.rows.insert(accountId, key.month(), key.areaId(), amount, code, now, user.username());
				changed(accountId, key.month(), key.areaId(), amount, code, now, user);
			}
			else if (!row.sameValue(amount, code)) {
				this.rows.update(row, key.month(), key.areaId(), amount, code, now, user.username());
				changed(accountId, key.month(), key.areaId(), amount, code, now, user);
			}
		});
		return null;
	}

	/**
	 * The grid of an account's year with the cells as they were typed, for a save that
	 * could not take its locks (another transaction held the rows): shown again, so that
	 * nothing typed is lost.
	 * @param parameters the grid form's cells ({@code a<area>_m<month>})
	 */
	public AccountFiguresGrid typedGrid(long accountId, int year, String currency, Map<String, String> parameters,
			CurrentUser user, Locale locale) {
		checkYear(year);
		AccountFiguresGrid.Input input = AccountFiguresGrid.read(parameters, year, this.support::areaExists, locale);
		return grid(accountId, year, user, locale, input, currency);
	}

	static void checkYear(int year) {
		if (year < AccountFiguresGrid.FIRST_YEAR || year > AccountFiguresGrid.LAST_YEAR) {
			throw ValidationException.of("year", "figures.error.year", AccountFiguresGrid.FIRST_YEAR,
					AccountFiguresGrid.LAST_YEAR);
		}
	}

}
