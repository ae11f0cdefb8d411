package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
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
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's budgets: per year, month and business area, entered as a twelve-month grid
 * or written row by row (API, CSV import). The admin, or a manager for the team's
 * accounts, locks an account's year; from then on every write to that year is refused
 * ({@link ConflictException}, 409 in the API) until the admin unlocks it.
 */
@Service
@Transactional(readOnly = true)
public class BudgetService {

	private final JdbcClient jdbc;

	private final AccountFigureRows rows;

	private final AccountFiguresSupport support;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final Messages messages;

	private final Visibility visibility;

	BudgetService(JdbcClient jdbc, AccountFiguresSupport support, RecordQueries queries,
			ModuleDefinition accountBudgetsModule, Messages messages, Visibility visibility) {
		this.visibility = visibility;
		this.jdbc = jdbc;
		this.rows = new AccountFigureRows(jdbc, "account_budgets", "budget_month");
		this.support = support;
		this.queries = queries;
		this.module = accountBudgetsModule;
		this.messages = messages;
	}

	public BudgetForm newForm(CurrentUser user) {
		return new BudgetForm();
	}

	public BudgetForm formOf(long id, CurrentUser user) {
		AccountFigureRows.Row row = require(id, user);
		BudgetForm form = new BudgetForm();
		form.setAccountId(row.accountId());
		form.setBudgetMonth(row.month());
		form.setBusinessAreaId(row.businessAreaId());
		form.setAmount(row.amount());
		form.setCurrency(row.currency());
		form.setVersion(row.version());
		return form;
	}

	/**
	 * Adds a budget row. A CSV import sets the amount of an existing row of the same
	 * account, month and business area; the API refuses that with a conflict naming the
	 * existing row.
	 * @return the row's id
	 */
	@Transactional
	public long create(BudgetForm form, CurrentUser user, String source) {
		this.support.check(form.getAccountId(), "budget_month", form.getBudgetMonth(), form.getBusinessAreaId(),
				form.getAmount(), form.getCurrency(), user);
		LocalDate month = AccountFiguresSupport.firstOfMonth(form.getBudgetMonth());
		String currency = AccountFiguresSupport.currency(form.getCurrency());
		requireUnlocked(form.getAccountId(), month.getYear());
		Timestamp now = this.support.nowTimestamp();
		Optional<AccountFigureRows.Row> existing = this.rows.find(form.getAccountId(), month, form.getBusinessAreaId());
		if (existing.isPresent()) {
			if (!RecordWriter.IMPORT.equals(source)) {
				throw new ConflictException("figures.error.budget_exists", existing.get().id());
			}
			if (!existing.get().sameValue(form.getAmount(), currency)) {
				this.rows.update(existing.get(), month, form.getBusinessAreaId(), form.getAmount(), currency, now,
						user.username());
			}
			return existing.get().id();
		}
		return this.rows.insert(form.getAccountId(), month, form.getBusinessAreaId(), form.getAmount(), currency, now,
				user.username());
	}

	@Transactional
	public void update(long id, BudgetForm form, CurrentUser user, String source) {
		AccountFigureRows.Row row = require(id, user);
		ConflictException.checkVersion(form.getVersion(), row.version());
		this.support.check(form.getAccountId(), "budget_month", form.getBudgetMonth(), form.getBusinessAreaId(),
				form.getAmount(), form.getCurrency(), user);
		if (form.getAccountId() != row.accountId()) {
			throw org.potentia.platform.ValidationException.of("account_id", "figures.error.account_fixed");
		}
		LocalDate month = AccountFiguresSupport.firstOfMonth(form.getBudgetMonth());
		String currency = AccountFiguresSupport.currency(form.getCurrency());
		requireUnlocked(row.accountId(), row.month().getYear());
		requireUnlocked(row.accountId(), month.getYear());
		if (!month.equals(row.month()) || form.getBusinessAreaId() != row.businessAreaId()) {
			this.rows.find(row.accountId(), month, form.getBusinessAreaId()).ifPresent((other) -> {
				throw new ConflictException("figures.error.budget_exists", other.id());
			});
		}
		else if (row.sameValue(form.getAmount(), currency)) {
			return;
		}
		this.rows.update(row, month, form.getBusinessAreaId(), form.getAmount(), currency, this.support.nowTimestamp(),
				user.username());
	}

	@Transactional
	public void delete(long id, CurrentUser user) {
		AccountFigureRows.Row row = require(id, user);
		requireUnlocked(row.accountId(), row.month().getYear());
		this.rows.delete(row);
	}

	private AccountFigureRows.Row require(long id, CurrentUser user) {
		if (!this.queries.isVisible(this.module, id, user)) {
			throw new NotFoundException(this.module.name(), id);
		}
		return this.rows.find(id).orElseThrow(() -> new NotFoundException(this.module.name(), id));
	}

	/**
	 * The budget grid of an account's year.
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
		List<String> errors = new java.util.ArrayList<>();
		if (input != null) {
			input.cellErrors().forEach((cell, key) -> cellErrors.put(cell, this.messages.get(key)));
			input.errors().forEach((key) -> errors.add(this.messages.get(key)));
		}
		return AccountFiguresGrid.of(accountId, name, year, currency, areas, stored,
				(input != null) ? input.typed() : Map.of(), cellErrors, errors, locale);
	}

	/**
	 * Saves the whole grid of an account's year at once: a cell with an amount sets it,
	 * an empty cell removes the month's budget. Either every cell is saved or, if any is
	 * refused, none.
	 * @param parameters the grid form's cells ({@code a<area>_m<month>})
	 * @return null when saved, else the grid with the typed text and the errors in place
	 * @throws ConflictException if the year is locked
	 */
	@Transactional
	public AccountFiguresGrid saveGrid(long accountId, int year, String currency, Map<String, String> parameters,
			CurrentUser user, Locale locale) {
		this.support.accountName(accountId, user);
		checkYear(year);
		requireUnlocked(accountId, year);
		AccountFiguresGrid.Input input = AccountFiguresGrid.read(parameters, year, this.support::areaExists);
		if (currency != null && !currency.isBlank() && !AccountFiguresSupport.validCurrency(currency)) {
			List<String> errors = new java.util.ArrayList<>(input.errors());
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
				}
			}
			else if (row == null) {
				this.rows.insert(accountId, key.month(), key.areaId(), amount, code, now, user.username());
			}
			else if (!row.sameValue(amount, code)) {
				this.rows.update(row, key.month(), key.areaId(), amount, code, now, user.username());
			}
		});
		return null;
	}

	static void checkYear(int year) {
		if (year < AccountFiguresGrid.FIRST_YEAR || year > AccountFiguresGrid.LAST_YEAR) {
			throw org.potentia.platform.ValidationException.of("year", "figures.error.year",
					AccountFiguresGrid.FIRST_YEAR, AccountFiguresGrid.LAST_YEAR);
		}
	}

	/**
	 * Whether the account's budget of the year is locked.
	 */
	public boolean isLocked(long accountId, int year) {
		return this.jdbc.sql("SELECT COUNT(*) FROM account_budget_locks WHERE account_id = ? AND budget_year = ?")
			.params(accountId, year)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Who locked the year and when, if it is locked.
	 */
	public Optional<Lock> lock(long accountId, int year) {
		return this.jdbc
			.sql("SELECT locked_at, locked_by FROM account_budget_locks WHERE account_id = ? AND budget_year = ?")
			.params(accountId, year)
			.query((rs, n) -> new Lock(rs.getTimestamp("locked_at").toInstant(), rs.getString("locked_by")))
			.optional();
	}

	/**
	 * A year's lock.
	 *
	 * @param lockedAt when it was locked
	 * @param lockedBy by whom
	 */
	public record Lock(java.time.Instant lockedAt, String lockedBy) {
	}

	private void requireUnlocked(long accountId, int year) {
		if (isLocked(accountId, year)) {
			throw new ConflictException("figures.budget.locked", String.valueOf(year));
		}
	}

	/**
	 * Whether the user may lock the account's budgets: the admin, or a manager who sees
	 * the account (one of the team's).
	 */
	public boolean canLock(long accountId, CurrentUser user) {
		return user.isAdmin() || (user.role() == Role.MANAGER && this.support.canSee(accountId, user));
	}

	public boolean canUnlock(CurrentUser user) {
		return user.isAdmin();
	}

	/**
	 * Locks the account's budget of the year; locking a locked year changes nothing.
	 * @throws AccessDeniedException if the user may not
	 */
	@Transactional
	public void lockYear(long accountId, int year, CurrentUser user) {
		this.support.accountName(accountId, user);
		checkYear(year);
		if (!canLock(accountId, user)) {
			throw new AccessDeniedException("not allowed to lock budgets");
		}
		if (!isLocked(accountId, year)) {
			this.jdbc.sql(
					"INSERT INTO account_budget_locks (account_id, budget_year, locked_at, locked_by) VALUES (?, ?, ?, ?)")
				.params(accountId, year, this.support.nowTimestamp(), user.username())
				.update();
		}
	}

	/**
	 * Unlocks the account's budget of the year (the admin only).
	 * @throws AccessDeniedException if the user may not
	 */
	@Transactional
	public void unlockYear(long accountId, int year, CurrentUser user) {
		this.support.accountName(accountId, user);
		if (!canUnlock(user)) {
			throw new AccessDeniedException("only the admin unlocks budgets");
		}
		this.jdbc.sql("DELETE FROM account_budget_locks WHERE account_id = ? AND budget_year = ?")
			.params(accountId, year)
			.update();
	}

	/**
	 * The budget of a year, month by month and per currency, over the accounts the user
	 * may see: what the chart and the report read.
	 */
	public List<AccountFiguresQueries.MonthAmount> monthly(java.util.Collection<Long> accountIds, int year,
			CurrentUser user) {
		return AccountFiguresQueries.monthly(this.jdbc, this.visibility, this.module, "account_budgets", "budget_month",
				accountIds, year, user);
	}

}
