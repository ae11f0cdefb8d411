package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;

import org.potentia.testing.Names;
import org.potentia.testing.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Writes the forecast module's rows for a test straight into its tables: the module's own
 * services that enter them are built apart from the charts and reports, which only read
 * the tables.
 */
public final class ForecastRows {

	private final JdbcClient jdbc;

	public ForecastRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long area(String nameEn) {
		return this.jdbc.sql("SELECT id FROM business_areas WHERE name_en = ?")
			.param(nameEn)
			.query(Long.class)
			.single();
	}

	public long account(String name, Person owner) {
		return account(name, owner, "customer");
	}

	public long account(String name, Person owner, String type) {
		return insert(
				"INSERT INTO accounts (name, account_type, owner_id, created_at, updated_at)"
						+ " VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				name, type, (owner != null) ? owner.id() : null);
	}

	/**
	 * An opportunity of the account in a stage ({@code prospecting}, {@code proposal},
	 * {@code won}, {@code lost}, ...), its probability and currency.
	 */
	public long opportunity(String name, Long account, Person owner, String stage, Integer probability,
			String currency) {
		long stageId = this.jdbc.sql("SELECT id FROM pipeline_stages WHERE module = 'potentials' AND code = ?")
			.param(stage)
			.query(Long.class)
			.single();
		return insert(
				"INSERT INTO potentials (name, amount, currency, probability, stage_id, account_id, owner_id,"
						+ " created_at, updated_at) VALUES (?, 0, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				(name != null) ? name : Names.unique("Deal"), currency, probability, stageId, account,
				(owner != null) ? owner.id() : null);
	}

	public long invoicing(long opportunity, YearMonth month, Long area, String amount) {
		return insert(
				"INSERT INTO potential_forecasts (potential_id, forecast_month, business_area_id, amount,"
						+ " created_at, updated_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				opportunity, Date.valueOf(month.atDay(1)), area, new BigDecimal(amount));
	}

	public long budget(long account, YearMonth month, long area, String amount, String currency) {
		return accountRow("account_budgets", "budget_month", account, month, area, amount, currency);
	}

	public long forecast(long account, YearMonth month, long area, String amount, String currency) {
		return accountRow("account_forecasts", "forecast_month", account, month, area, amount, currency);
	}

	public long billing(long account, YearMonth month, long area, String amount, String currency) {
		return accountRow("billing", "billing_month", account, month, area, amount, currency);
	}

	public long billing(long account, YearMonth month, long area, String amount, String currency,
			String invoiceNumber) {
		long id = billing(account, month, area, amount, currency);
		this.jdbc.sql("UPDATE billing SET invoice_number = ? WHERE id = ?").params(invoiceNumber, id).update();
		return id;
	}

	/**
	 * A version of the rolling forecast, valid from the given moment on.
	 */
	public long forecastVersion(long account, YearMonth month, long area, String amount, String currency,
			Instant validFrom) {
		return insert(
				"INSERT INTO account_forecast_versions (account_id, forecast_month, business_area_id, amount,"
						+ " currency, valid_from, changed_by) VALUES (?, ?, ?, ?, ?, ?, 'tests')",
				account, Date.valueOf(month.atDay(1)), area, new BigDecimal(amount), currency,
				Timestamp.from(validFrom));
	}

	private long accountRow(String table, String monthColumn, long account, YearMonth month, long area, String amount,
			String currency) {
		return insert(
				"INSERT INTO " + table + " (account_id, " + monthColumn
						+ ", business_area_id, amount, currency, created_at, updated_at)"
						+ " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				account, Date.valueOf(month.atDay(1)), area, new BigDecimal(amount), currency);
	}

	private long insert(String sql, Object... parameters) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(parameters).update(keys, "id");
		return keys.getKey().longValue();
	}

}
