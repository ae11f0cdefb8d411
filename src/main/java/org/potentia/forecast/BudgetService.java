package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.potentia.platform.ConflictException;
import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
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

	private final MonthlyFigures<BudgetForm> figures;

	private final AccountFiguresSupport support;

	private final ModuleDefinition module;

	private final Visibility visibility;

	BudgetService(JdbcClient jdbc, AccountFiguresSupport support, RecordQueries queries,
			ModuleDefinition accountBudgetsModule, Messages messages, Visibility visibility) {
		this.visibility = visibility;
		this.jdbc = jdbc;
		this.support = support;
		this.module = accountBudgetsModule;
		this.figures = new MonthlyFigures<>(new AccountFigureRows(jdbc, "account_budgets", "budget_month"), support,
				queries, accountBudgetsModule, messages, "budget_month", "figures.error.budget_exists",
				new MonthlyFigures.Rules() {

					@Override
					public void requireWritable(long accountId, int year) {
						requireUnlocked(accountId, year);
					}

					@Override
					public void changed(long accountId, LocalDate month, long areaId, BigDecimal amount,
							String currency, Timestamp now, CurrentUser user) {
					}

				});
	}

	public BudgetForm newForm(CurrentUser user) {
		return new BudgetForm();
	}

	public BudgetForm formOf(long id, CurrentUser user) {
		BudgetForm form = new BudgetForm();
		form.setBudgetMonth(this.figures.fill(id, form, user));
		return form;
	}

	/**
	 * Adds a budget row. A CSV import sets the amount of an existing row of the same
	 * account, month and business area; the API refuses that with a conflict naming the
	 * existing row.
	 * @return the row's id
	 * @throws ConflictException if the year is locked
	 */
	@Transactional
	public long create(BudgetForm form, CurrentUser user, String source) {
		return this.figures.create(form, user, source);
	}

	/**
	 * Changes a budget row.
	 * @throws ConflictException if its year, or the year it moves to, is locked
	 */
	@Transactional
	public void update(long id, BudgetForm form, CurrentUser user, String source) {
		this.figures.update(id, form, user);
	}

	@Transactional
	public void delete(long id, CurrentUser user) {
		this.figures.delete(id, user);
	}

	/**
	 * The budget grid of an account's year.
	 * @throws NotFoundException if the user may not see the account
	 */
	public AccountFiguresGrid grid(long accountId, int year, CurrentUser user, Locale locale) {
		return this.figures.grid(accountId, year, user, locale);
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
		return this.figures.saveGrid(accountId, year, currency, parameters, user, locale);
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
		MonthlyFigures.checkYear(year);
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
