package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.potentia.platform.ConflictException;
import org.potentia.platform.Messages;
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
public class BudgetService extends AccountFigureService<BudgetForm> {

	private final JdbcClient jdbc;

	private final AccountFiguresSupport support;

	private final ModuleDefinition module;

	private final Visibility visibility;

	BudgetService(JdbcClient jdbc, AccountFiguresSupport support, RecordQueries queries,
			ModuleDefinition accountBudgetsModule, Messages messages, Visibility visibility) {
		super(new AccountFigureRows(jdbc, "account_budgets", "budget_month"), support, queries, accountBudgetsModule,
				messages, "budget_month", "figures.error.budget_exists");
		this.visibility = visibility;
		this.jdbc = jdbc;
		this.support = support;
		this.module = accountBudgetsModule;
	}

	@Override
	public BudgetForm newForm(CurrentUser user) {
		return new BudgetForm();
	}

	/**
	 * A locked year refuses every write.
	 */
	@Override
	void requireWritable(long accountId, int year) {
		if (isLocked(accountId, year)) {
			throw new ConflictException("figures.budget.locked", String.valueOf(year));
		}
	}

	@Override
	void changed(long accountId, LocalDate month, long areaId, BigDecimal amount, String currency, Timestamp now,
			CurrentUser user) {
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
