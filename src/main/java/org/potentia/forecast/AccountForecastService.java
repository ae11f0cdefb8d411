package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.potentia.platform.Messages;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's rolling forecast: per month and business area, updated by whoever may
 * change the account at any time (grid, API, CSV import). Every change also writes a
 * version (account_forecast_versions, valid from the time of the change) in the same
 * transaction, so the forecast as it stood on any day can be read back ({@link #asOf})
 * and measured against billing ({@link #accuracy}). A removed forecast leaves a version
 * with the amount 0.
 */
@Service
@Transactional(readOnly = true)
public class AccountForecastService extends AccountFigureService<AccountForecastForm> {

	private final JdbcClient jdbc;

	private final AccountFiguresSupport support;

	private final ModuleDefinition module;

	private final Visibility visibility;

	private final ModuleDefinition versions;

	private final ModuleDefinition billing;

	AccountForecastService(JdbcClient jdbc, AccountFiguresSupport support, RecordQueries queries,
			ModuleDefinition accountForecastsModule, Messages messages, Visibility visibility,
			ModuleDefinition accountForecastVersionsModule, ModuleDefinition billingModule) {
		super(new AccountFigureRows(jdbc, "account_forecasts", "forecast_month"), support, queries,
				accountForecastsModule, messages, "forecast_month", "figures.error.forecast_exists");
		this.versions = accountForecastVersionsModule;
		this.billing = billingModule;
		this.visibility = visibility;
		this.jdbc = jdbc;
		this.support = support;
		this.module = accountForecastsModule;
	}

	@Override
	public AccountForecastForm newForm(CurrentUser user) {
		return new AccountForecastForm();
	}

	/**
	 * A rolling forecast may change at any time.
	 */
	@Override
	void requireWritable(long accountId, int year) {
	}

	/**
	 * Keeps the forecast's new value as a version, valid from now on.
	 */
	@Override
	void changed(long accountId, LocalDate month, long areaId, BigDecimal amount, String currency, Timestamp now,
			CurrentUser user) {
		this.jdbc.sql(
				"INSERT INTO account_forecast_versions (account_id, forecast_month, business_area_id, amount, currency,"
						+ " valid_from, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(accountId, month, areaId, amount, currency, now, user.username())
			.update();
	}

	/**
	 * The rolling forecast of a year (current values), month by month and per currency,
	 * over the accounts the user may see: what the chart and the report read.
	 */
	public List<AccountFiguresQueries.MonthAmount> monthly(java.util.Collection<Long> accountIds, int year,
			CurrentUser user) {
		return AccountFiguresQueries.monthly(this.jdbc, this.visibility, this.module, "account_forecasts",
				"forecast_month", accountIds, year, user);
	}

	/**
	 * The rolling forecast as it stood at the end of a day: for each account, month and
	 * business area, the newest version valid from before the next day began (in the
	 * application's time zone), over the accounts the user may see.
	 * @param accountIds the accounts, or null for every account the user may see
	 * @param day the day
	 * @param from the first month to read, or null for all
	 * @param to the last month to read, or null for all
	 */
	public List<ForecastVersion> asOf(java.util.Collection<Long> accountIds, LocalDate day, YearMonth from,
			YearMonth to, CurrentUser user) {
		return asOf(accountIds, day.plusDays(1).atStartOfDay(this.support.zone()).toInstant(), from, to, user);
	}

	/**
	 * The rolling forecast of every month as it stood at the end of a day; see
	 * {@link #asOf(java.util.Collection, LocalDate, YearMonth, YearMonth, CurrentUser)}.
	 */
	public List<ForecastVersion> asOf(java.util.Collection<Long> accountIds, LocalDate day, CurrentUser user) {
		return asOf(accountIds, day, null, null, user);
	}

	private List<ForecastVersion> asOf(java.util.Collection<Long> accountIds, Instant before, YearMonth from,
			YearMonth to, CurrentUser user) {
		if (accountIds != null && accountIds.isEmpty()) {
			return List.of();
		}
		Timestamp cutoff = Timestamp.from(before);
		SqlCondition where = SqlCondition.of("t.valid_from < ?", cutoff)
			.and(this.visibility.predicate(this.versions, "t", user));
		if (accountIds != null) {
			where = where.and(new SqlCondition(
					"t.account_id IN (" + String.join(", ", Collections.nCopies(accountIds.size(), "?")) + ")",
					new ArrayList<>(accountIds), Set.of()));
		}
		if (from != null) {
			where = where.and(SqlCondition.of("t.forecast_month >= ?", from.atDay(1)));
		}
		if (to != null) {
			where = where.and(SqlCondition.of("t.forecast_month <= ?", to.atDay(1)));
		}
		List<Object> parameters = new ArrayList<>(where.parameters());
		parameters.add(cutoff);
		return this.jdbc.sql("SELECT t.account_id, t.forecast_month, t.business_area_id, t.amount, t.currency,"
				+ " t.valid_from FROM account_forecast_versions t WHERE " + where.sql()
				+ " AND NOT EXISTS (SELECT 1 FROM account_forecast_versions n WHERE n.account_id = t.account_id"
				+ " AND n.forecast_month = t.forecast_month AND n.business_area_id = t.business_area_id"
				+ " AND n.valid_from < ? AND (n.valid_from > t.valid_from OR (n.valid_from = t.valid_from AND n.id > t.id)))"
				+ " ORDER BY t.account_id, t.forecast_month, t.business_area_id")
			.params(parameters)
			.query((rs, n) -> new ForecastVersion(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
					rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * A rolling forecast's value as it stood.
	 *
	 * @param accountId the account
	 * @param month the first day of the month forecast
	 * @param businessAreaId the business area
	 * @param amount the amount then (0 once the forecast was removed)
	 * @param currency its currency
	 * @param validFrom when the value was entered
	 */
	public record ForecastVersion(long accountId, LocalDate month, long businessAreaId, BigDecimal amount,
			String currency, Instant validFrom) {
	}

	/**
	 * Forecast accuracy of a past month: for each account the user may see that had a
	 * forecast or billing in the month, the rolling forecast as it stood
	 * {@code monthsBefore} months before the month began (at the start of the first day
	 * of month minus N) against the actual billing of the month, per currency; and the
	 * totals per currency.
	 * @param monthsBefore how many months before the month the forecast is taken (1, 3,
	 * …)
	 */
	public Accuracy accuracy(YearMonth month, int monthsBefore, CurrentUser user) {
		if (monthsBefore < 0 || monthsBefore > 120) {
			throw org.potentia.platform.ValidationException.of("months_before", "figures.error.months_before");
		}
		LocalDate asOf = month.atDay(1).minusMonths(monthsBefore).minusDays(1);
		Map<List<Object>, BigDecimal[]> figures = new java.util.TreeMap<>((a, b) -> {
			int byAccount = Long.compare((Long) a.get(0), (Long) b.get(0));
			return (byAccount != 0) ? byAccount : ((String) a.get(1)).compareTo((String) b.get(1));
		});
		for (ForecastVersion version : asOf(null, asOf, month, month, user)) {
			figures.computeIfAbsent(List.of(version.accountId(), version.currency()), (key) -> zeros())[0] = figures
				.computeIfAbsent(List.of(version.accountId(), version.currency()), (key) -> zeros())[0]
				.add(version.amount());
		}
		SqlCondition where = SqlCondition.of("t.billing_month = ?", month.atDay(1))
			.and(this.visibility.predicate(this.billing, "t", user));
		this.jdbc
			.sql("SELECT t.account_id, t.currency, SUM(t.amount) FROM billing t WHERE " + where.sql()
					+ " GROUP BY t.account_id, t.currency")
			.params(where.parameters())
			.query((rs, n) -> {
				figures.computeIfAbsent(List.of(rs.getLong(1), rs.getString(2)), (key) -> zeros())[1] = rs
					.getBigDecimal(3);
				return null;
			})
			.list();
		Map<Long, String> names = accountNames(
				figures.keySet().stream().map((key) -> (Long) key.get(0)).distinct().toList());
		List<AccuracyRow> rows = new ArrayList<>();
		Map<String, BigDecimal[]> totals = new java.util.TreeMap<>();
		figures.forEach((key, values) -> {
			String currency = (String) key.get(1);
			rows.add(AccuracyRow.of((Long) key.get(0), names.get((Long) key.get(0)), currency, values[0], values[1]));
			BigDecimal[] total = totals.computeIfAbsent(currency, (code) -> zeros());
			total[0] = total[0].add(values[0]);
			total[1] = total[1].add(values[1]);
		});
		List<AccuracyRow> totalRows = new ArrayList<>();
		totals.forEach((currency, values) -> totalRows.add(AccuracyRow.of(null, null, currency, values[0], values[1])));
		return new Accuracy(month, monthsBefore, asOf, rows, totalRows);
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] { BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) };
	}

	private Map<Long, String> accountNames(List<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			this.jdbc
				.sql("SELECT id, name FROM accounts WHERE id IN ("
						+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
				.params(new ArrayList<Object>(chunk))
				.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return names;
	}

	/**
	 * The accuracy of a month's forecast.
	 *
	 * @param month the month measured
	 * @param monthsBefore how many months before it the forecast was taken
	 * @param asOf the day at whose end the forecast was taken
	 * @param accounts a row per account and currency
	 * @param totals a row per currency
	 */
	public record Accuracy(YearMonth month, int monthsBefore, LocalDate asOf, List<AccuracyRow> accounts,
			List<AccuracyRow> totals) {
	}

	/**
	 * Forecast against billing of one account (or all, in a total) in one currency.
	 *
	 * @param accountId the account, or null in a total
	 * @param accountName its name, or null in a total
	 * @param currency the currency
	 * @param forecast the forecast as it stood
	 * @param actual the billing
	 * @param difference billing minus forecast
	 * @param differencePercent the difference in percent of the forecast, or null when
	 * the forecast is 0
	 */
	public record AccuracyRow(Long accountId, String accountName, String currency, BigDecimal forecast,
			BigDecimal actual, BigDecimal difference, BigDecimal differencePercent) {

		static AccuracyRow of(Long accountId, String accountName, String currency, BigDecimal forecast,
				BigDecimal actual) {
			BigDecimal difference = actual.subtract(forecast);
			BigDecimal percent = (forecast.signum() == 0) ? null
					: difference.multiply(BigDecimal.valueOf(100)).divide(forecast, 1, java.math.RoundingMode.HALF_UP);
			return new AccuracyRow(accountId, accountName, currency, forecast, actual, difference, percent);
		}

	}

}
