package org.potentia.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.potentia.platform.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How good the rolling forecasts were: for a past month, the forecast of that month as it
 * stood one and three months before it began (the newest version valid at the start of
 * the first day of the month one or three months earlier) against the billing of the
 * month, per account and currency. One grouped statement over the versions and the
 * billing, under the accounts' visibility rule.
 */
@Service
@Transactional(readOnly = true)
public class ForecastAccuracy {

	/**
	 * How many months before the month its forecast is compared.
	 */
	public static final List<Integer> LEADS = List.of(1, 3);

	/**
	 * One account's forecast as it stood one and three months before, and its billing.
	 */
	public record Line(Long accountId, String accountName, BigDecimal forecastOneMonth, BigDecimal forecastThreeMonths,
			BigDecimal billing) {

		public BigDecimal deviation(int lead) {
			return forecast(lead).subtract(this.billing);
		}

		public BigDecimal forecast(int lead) {
			return (lead == 1) ? this.forecastOneMonth : this.forecastThreeMonths;
		}

		/**
		 * The accuracy in percent, 100 less the deviation in percent of the billing
		 * (never below 0); {@code null} if nothing was billed.
		 */
		public BigDecimal accuracy(int lead) {
			if (this.billing.signum() == 0) {
				return null;
			}
			BigDecimal error = deviation(lead).abs()
				.multiply(BigDecimal.valueOf(100))
				.divide(this.billing.abs(), 1, RoundingMode.HALF_UP);
			return BigDecimal.valueOf(100).subtract(error).max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
		}

		Line plus(Line other) {
			return new Line(null, null, this.forecastOneMonth.add(other.forecastOneMonth),
					this.forecastThreeMonths.add(other.forecastThreeMonths), this.billing.add(other.billing));
		}

	}

	/**
	 * The accounts of one currency and their total.
	 */
	public record CurrencyLines(String currency, List<Line> lines, Line total) {

	}

	private static final String TIME_ZONE = "history.time_zone";

	private final JdbcClient jdbc;

	private final Visibility visibility;

	private final Catalogue catalogue;

	private final Settings settings;

	ForecastAccuracy(JdbcClient jdbc, Visibility visibility, Catalogue catalogue, Settings settings) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.catalogue = catalogue;
		this.settings = settings;
	}

	/**
	 * The time zone whose days the cut-offs begin in: the reports' (the history's).
	 */
	public ZoneId zone() {
		try {
			return this.settings.get(TIME_ZONE).map(ZoneId::of).orElse(ZoneId.systemDefault());
		}
		catch (DateTimeException ex) {
			return ZoneId.systemDefault();
		}
	}

	/**
	 * The moment the forecast is read as of, {@code lead} months before the month.
	 */
	public Instant cutOff(YearMonth month, int lead) {
		return month.minusMonths(lead).atDay(1).atStartOfDay(zone()).toInstant();
	}

	/**
	 * The accuracy of the month's forecasts per account, for the accounts in the scope
	 * (owner, team, account type, business area, account: the scope's months are not
	 * used).
	 */
	public List<CurrencyLines> of(YearMonth month, ForecastFigures.Scope scope, CurrentUser user) {
		Date first = Date.valueOf(month.atDay(1));
		List<String> parts = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		for (int lead : LEADS) {
			Timestamp cutOff = Timestamp.from(cutOff(month, lead));
			// The newest version at the cut-off of each account, area and month: no
			// version
			// after it (or the same moment with a higher id) is also at or before the
			// cut-off.
			parts.add("SELECT r.account_id AS account_id, r.currency AS currency, "
					+ ((lead == 1) ? "r.amount" : "CAST(0 AS NUMERIC(19, 2))") + " AS f1, "
					+ ((lead == 3) ? "r.amount" : "CAST(0 AS NUMERIC(19, 2))")
					+ " AS f3, CAST(0 AS NUMERIC(19, 2)) AS billed FROM account_forecast_versions r"
					+ " WHERE r.forecast_month = ? AND r.valid_from <= ? AND NOT EXISTS (SELECT 1"
					+ " FROM account_forecast_versions n WHERE n.account_id = r.account_id"
					+ " AND n.forecast_month = r.forecast_month AND n.business_area_id = r.business_area_id"
					+ " AND n.valid_from <= ? AND (n.valid_from > r.valid_from"
					+ " OR (n.valid_from = r.valid_from AND n.id > r.id)))" + area(scope));
			parameters.add(first);
			parameters.add(cutOff);
			parameters.add(cutOff);
			parameters.addAll(areaParameters(scope));
		}
		parts.add("SELECT r.account_id, r.currency, CAST(0 AS NUMERIC(19, 2)), CAST(0 AS NUMERIC(19, 2)), r.amount"
				+ " FROM billing r WHERE r.billing_month = ?" + area(scope));
		parameters.add(first);
		parameters.addAll(areaParameters(scope));
		SqlCondition where = this.visibility.predicate(this.catalogue.get("accounts"), "a", user);
		if (scope.account() != null) {
			where = where.and(SqlCondition.of("a.id = ?", scope.account()));
		}
		if (scope.owner() != null) {
			where = where.and(SqlCondition.of("a.owner_id = ?", scope.owner()));
		}
		if (scope.team() != null) {
			where = where.and(Visibility.ownedByTeam("a.owner_id", scope.team()));
		}
		if (scope.accountType() != null) {
			where = where.and(SqlCondition.of("a.account_type = ?", scope.accountType()));
		}
		parameters.addAll(where.parameters());
		String sql = "SELECT a.id AS account_id, a.name AS account_name, x.currency AS currency,"
				+ " COALESCE(SUM(x.f1), 0) AS f1, COALESCE(SUM(x.f3), 0) AS f3, COALESCE(SUM(x.billed), 0) AS billed"
				+ " FROM (" + String.join(" UNION ALL ", parts) + ") x JOIN accounts a ON a.id = x.account_id WHERE "
				+ where.sql() + " GROUP BY a.id, a.name, x.currency ORDER BY x.currency, a.name, a.id";
		Map<String, List<Line>> byCurrency = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(parameters).query((rs) -> {
			byCurrency.computeIfAbsent(rs.getString("currency"), (c) -> new ArrayList<>())
				.add(new Line(rs.getLong("account_id"), rs.getString("account_name"), rs.getBigDecimal("f1"),
						rs.getBigDecimal("f3"), rs.getBigDecimal("billed")));
		});
		List<CurrencyLines> result = new ArrayList<>();
		Line zero = new Line(null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		byCurrency.forEach((currency, lines) -> result
			.add(new CurrencyLines(currency, lines, lines.stream().reduce(zero, Line::plus))));
		return result;
	}

	private static String area(ForecastFigures.Scope scope) {
		return (scope.area() != null) ? " AND r.business_area_id = ?" : "";
	}

	private static List<Object> areaParameters(ForecastFigures.Scope scope) {
		return (scope.area() != null) ? List.of(scope.area()) : List.of();
	}

}
