package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.potentia.platform.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of one monthly figures table (budgets or rolling forecasts): one amount per
 * account, month and business area, written with plain SQL and optimistic locking on the
 * version column.
 */
final class AccountFigureRows {

	private final JdbcClient jdbc;

	private final String table;

	private final String monthColumn;

	AccountFigureRows(JdbcClient jdbc, String table, String monthColumn) {
		this.jdbc = jdbc;
		this.table = table;
		this.monthColumn = monthColumn;
	}

	/**
	 * One stored row.
	 *
	 * @param id the row's id
	 * @param accountId the account
	 * @param month the first day of the month
	 * @param businessAreaId the business area
	 * @param amount the amount
	 * @param currency the amount's currency
	 * @param version the optimistic-locking version
	 */
	record Row(long id, long accountId, LocalDate month, long businessAreaId, BigDecimal amount, String currency,
			long version) {

		boolean sameValue(BigDecimal otherAmount, String otherCurrency) {
			return this.amount.compareTo(otherAmount) == 0 && this.currency.equals(otherCurrency);
		}

	}

	private String select() {
		return "SELECT id, account_id, " + this.monthColumn
				+ " AS figure_month, business_area_id, amount, currency, version FROM " + this.table;
	}

	private Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getObject("figure_month", LocalDate.class),
				rs.getLong("business_area_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getLong("version"));
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql(select() + " WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	Optional<Row> find(long accountId, LocalDate month, long areaId) {
		return this.jdbc
			.sql(select() + " WHERE account_id = ? AND " + this.monthColumn + " = ? AND business_area_id = ?")
			.params(accountId, month, areaId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * The account's rows of a year, by month and business area.
	 */
	List<Row> year(long accountId, int year) {
		return this.jdbc
			.sql(select() + " WHERE account_id = ? AND " + this.monthColumn + " >= ? AND " + this.monthColumn
					+ " < ? ORDER BY business_area_id, " + this.monthColumn)
			.params(accountId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> map(rs))
			.list();
	}

	long insert(long accountId, LocalDate month, long areaId, BigDecimal amount, String currency, Timestamp now,
			String user) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO " + this.table + " (account_id, " + this.monthColumn
					+ ", business_area_id, amount, currency, created_at, created_by, updated_at, updated_by, version)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(accountId, month, areaId, amount, currency, now, user, now, user)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Changes a row seen at its version.
	 * @throws ConflictException if someone changed it since
	 */
	void update(Row row, LocalDate month, long areaId, BigDecimal amount, String currency, Timestamp now, String user) {
		int changed = this.jdbc
			.sql("UPDATE " + this.table + " SET " + this.monthColumn
					+ " = ?, business_area_id = ?, amount = ?, currency = ?, updated_at = ?, updated_by = ?,"
					+ " version = version + 1 WHERE id = ? AND version = ?")
			.params(month, areaId, amount, currency, now, user, row.id(), row.version())
			.update();
		if (changed == 0) {
			throw ConflictException.staleVersion();
		}
	}

	void delete(Row row) {
		int changed = this.jdbc.sql("DELETE FROM " + this.table + " WHERE id = ? AND version = ?")
			.params(row.id(), row.version())
			.update();
		if (changed == 0) {
			throw ConflictException.staleVersion();
		}
	}

}
