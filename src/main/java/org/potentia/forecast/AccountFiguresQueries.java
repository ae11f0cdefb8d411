package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads an account figures table month by month under the visibility rule, for the chart
 * and the report.
 */
public final class AccountFiguresQueries {

	private AccountFiguresQueries() {
	}

	/**
	 * One month's amount of an account and business area, in a currency.
	 *
	 * @param accountId the account
	 * @param month the first day of the month
	 * @param businessAreaId the business area
	 * @param currency the currency
	 * @param amount the sum
	 */
	public record MonthAmount(long accountId, LocalDate month, long businessAreaId, String currency,
			BigDecimal amount) {
	}

	static List<MonthAmount> monthly(JdbcClient jdbc, Visibility visibility, ModuleDefinition module, String table,
			String monthColumn, Collection<Long> accountIds, int year, CurrentUser user) {
		if (accountIds != null && accountIds.isEmpty()) {
			return List.of();
		}
		SqlCondition where = SqlCondition.of("t." + monthColumn + " >= ?", LocalDate.of(year, 1, 1))
			.and(SqlCondition.of("t." + monthColumn + " < ?", LocalDate.of(year + 1, 1, 1)))
			.and(visibility.predicate(module, "t", user));
		if (accountIds != null) {
			where = where.and(
					new SqlCondition(
							"t.account_id IN ("
									+ String.join(", ", java.util.Collections.nCopies(accountIds.size(), "?")) + ")",
							new ArrayList<>(accountIds), java.util.Set.of()));
		}
		return jdbc
			.sql("SELECT t.account_id, t." + monthColumn
					+ " AS fm, t.business_area_id, t.currency, SUM(t.amount) AS s FROM " + table + " t WHERE "
					+ where.sql() + " GROUP BY t.account_id, t." + monthColumn
					+ ", t.business_area_id, t.currency ORDER BY t.account_id, fm, t.business_area_id, t.currency")
			.params(where.parameters())
			.query((rs, n) -> new MonthAmount(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
					rs.getString(4), rs.getBigDecimal(5)))
			.list();
	}

}
