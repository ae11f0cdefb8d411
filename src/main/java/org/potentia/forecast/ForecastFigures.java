package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.KeptTotals;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the account card's budget and forecast chart and of the forecast report:
 * budget, rolling forecast and actual billing of the accounts, and the invoicing forecast
 * of the opportunities (committed: won, in full; weighted: open, times the probability;
 * unweighted: open, in full; lost ones drop out). Each view is one grouped SQL statement
 * over the five tables, with the visibility rule inside it: an account's rows count for
 * whoever may see the account, an opportunity's rows for whoever may see the opportunity.
 * Amounts are never added across currencies: every figure is grouped by currency.
 * <p>
 * Where the database keeps the forecast totals (PostgreSQL, migration {@code V34_1}: sums
 * per figure, owner, account type, month, business area and currency) and a view needs no
 * account (not grouped by account, no account filter), the statement sums those instead
 * of the rows, under the same visibility rule on the owner: for a year of the full
 * benchmark set about 110,000 rows for an admin and a few hundred for a rep, instead of
 * about five million.
 */
@Service
@Transactional(readOnly = true)
public class ForecastFigures {

	/**
	 * The figures shown side by side.
	 */
	public enum Figure {

		BUDGET, FORECAST, BILLING, COMMITTED, WEIGHTED, UNWEIGHTED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Whether the figure is read from the opportunities' invoicing forecast.
		 */
		public boolean ofOpportunities() {
			return this == COMMITTED || this == WEIGHTED || this == UNWEIGHTED;
		}

		/**
		 * The figure of a code, or {@code null} if there is none.
		 */
		public static Figure of(String code) {
			for (Figure figure : values()) {
				if (figure.code().equals(code)) {
					return figure;
				}
			}
			return null;
		}

	}

	/**
	 * What the forecast report rolls the figures up by: the owner of the record (the
	 * account's for its budget, forecast and billing; the opportunity's for its invoicing
	 * forecast), the owner's team, the business area of the row, or the account.
	 */
	public enum Grouping {

		OWNER("x.owner_id", "(SELECT concat_ws(' ', l.first_name, l.last_name) FROM users l WHERE l.id = g.k)"),
		TEAM("u.team_id", "(SELECT l.name FROM teams l WHERE l.id = g.k)"),
		BUSINESS_AREA("x.area_id",
				"(SELECT CASE WHEN ? = 'de' THEN l.name_de ELSE l.name_en END FROM business_areas l WHERE l.id = g.k)"),
		ACCOUNT("x.account_id", "(SELECT l.name FROM accounts l WHERE l.id = g.k)");

		final String key;

		final String label;

		Grouping(String key, String label) {
			this.key = key;
			this.label = label;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The grouping of a code, or {@code null} if there is none.
		 */
		public static Grouping of(String code) {
			for (Grouping grouping : values()) {
				if (grouping.code().equals(code)) {
					return grouping;
				}
			}
			return null;
		}

	}

	/**
	 * Which rows count: months from {@code from} (inclusive) to {@code to} (exclusive),
	 * and optionally one account, business area, owner, owner's team, account type,
	 * currency and one group of a grouping ({@code groupValue} {@code null} standing for
	 * the rows without one, such as an owner without a team).
	 */
	public record Scope(LocalDate from, LocalDate to, Long account, Long area, Long owner, Long team,
			String accountType, String currency, Grouping group, boolean grouped, Long groupValue) {

		public static Scope months(YearMonth first, YearMonth last) {
			return new Scope(first.atDay(1), last.plusMonths(1).atDay(1), null, null, null, null, null, null, null,
					false, null);
		}

		public Scope account(Long id) {
			return new Scope(this.from, this.to, id, this.area, this.owner, this.team, this.accountType, this.currency,
					this.group, this.grouped, this.groupValue);
		}

		public Scope area(Long id) {
			return new Scope(this.from, this.to, this.account, id, this.owner, this.team, this.accountType,
					this.currency, this.group, this.grouped, this.groupValue);
		}

		public Scope filters(Long ownerId, Long teamId, String type) {
			return new Scope(this.from, this.to, this.account, this.area, ownerId, teamId, type, this.currency,
					this.group, this.grouped, this.groupValue);
		}

		public Scope currency(String code) {
			return new Scope(this.from, this.to, this.account, this.area, this.owner, this.team, this.accountType, code,
					this.group, this.grouped, this.groupValue);
		}

		public Scope inGroup(Grouping grouping, Long value) {
			return new Scope(this.from, this.to, this.account, this.area, this.owner, this.team, this.accountType,
					this.currency, grouping, true, value);
		}

	}

	/**
	 * The six figures of a month, a group or a total, in one currency. The weighted
	 * figure is exact (amounts times percentages, divided by 100), not rounded per row.
	 */
	public record Amounts(BigDecimal budget, BigDecimal forecast, BigDecimal billing, BigDecimal committed,
			BigDecimal weighted, BigDecimal unweighted) {

		public static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

		public Amounts plus(Amounts other) {
			return new Amounts(this.budget.add(other.budget), this.forecast.add(other.forecast),
					this.billing.add(other.billing), this.committed.add(other.committed),
					this.weighted.add(other.weighted), this.unweighted.add(other.unweighted));
		}

		public BigDecimal get(Figure figure) {
			return switch (figure) {
				case BUDGET -> this.budget;
				case FORECAST -> this.forecast;
				case BILLING -> this.billing;
				case COMMITTED -> this.committed;
				case WEIGHTED -> this.weighted;
				case UNWEIGHTED -> this.unweighted;
			};
		}

		/**
		 * What the opportunities are expected to bring: committed plus weighted.
		 */
		public BigDecimal expected() {
			return this.committed.add(this.weighted);
		}

	}

	/**
	 * A month's figures and the running totals of the year up to and with it.
	 */
	public record Month(YearMonth month, Amounts amounts, Amounts cumulative) {

	}

	/**
	 * The twelve months of a year in one currency, with the year's total.
	 */
	public record CurrencyYear(String currency, List<Month> months, Amounts total) {

	}

	/**
	 * The figures of one group of the report in one currency; {@code id} is {@code null}
	 * for the rows without a group (no owner, team, area or account).
	 */
	public record Group(Long id, String label, Amounts amounts) {

	}

	/**
	 * The groups of the report in one currency, with their total.
	 */
	public record CurrencyGroups(String currency, List<Group> groups, Amounts total) {

	}

	/**
	 * A row behind a figure: an account's budget, forecast or billing row, or an
	 * opportunity's invoicing forecast row ({@code opportunityId} set). {@code counted}
	 * is what the row adds to the figure (the weighted part for the weighted figure);
	 * {@code detail} the stage of the opportunity or the invoice number of a billing row.
	 */
	public record Row(long id, Long opportunityId, String opportunityName, Long accountId, String accountName,
			LocalDate month, String area, BigDecimal amount, BigDecimal counted, String currency, String detail,
			Integer probability) {

	}

	private static final String ZERO = "CAST(0 AS NUMERIC(22, 2))";

	private static final String TOTALS_OWNER = "owner_id";

	private static final List<String> COLUMNS = List.of("budget", "forecast", "billing", "committed", "weighted100",
			"unweighted");

	private final JdbcClient jdbc;

	private final Visibility visibility;

	private final Catalogue catalogue;

	private final KeptTotals keptTotals;

	ForecastFigures(JdbcClient jdbc, Visibility visibility, Catalogue catalogue, KeptTotals keptTotals) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.catalogue = catalogue;
		this.keptTotals = keptTotals;
	}

	/**
	 * The account card's chart: the twelve months of a year of one account, in each
	 * currency the account's rows use (none if it has none). The caller has checked that
	 * the user may see the account; the opportunities count only if the user may see them
	 * as well.
	 */
	public List<CurrencyYear> year(long accountId, int year, Long area, CurrentUser user) {
		Scope scope = Scope.months(YearMonth.of(year, 1), YearMonth.of(year, 12)).account(accountId).area(area);
		return months(scope, user);
	}

	/**
	 * The figures of each month of the scope, per currency, with running totals.
	 */
	public List<CurrencyYear> months(Scope scope, CurrentUser user) {
		Union union = union(scope, null, user);
		String sql = "SELECT x.currency AS currency, x.m AS m, " + sums() + " FROM (" + union.sql()
				+ ") x GROUP BY x.currency, x.m ORDER BY x.currency, x.m";
		Map<String, Map<YearMonth, Amounts>> byCurrency = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(union.parameters()).query((rs) -> {
			byCurrency.computeIfAbsent(rs.getString("currency"), (c) -> new LinkedHashMap<>())
				.put(YearMonth.from(rs.getDate("m").toLocalDate()), amounts(rs));
		});
		List<CurrencyYear> years = new ArrayList<>();
		YearMonth first = YearMonth.from(scope.from());
		YearMonth end = YearMonth.from(scope.to());
		byCurrency.forEach((currency, figures) -> {
			List<Month> months = new ArrayList<>();
			Amounts running = Amounts.ZERO;
			for (YearMonth month = first; month.isBefore(end); month = month.plusMonths(1)) {
				Amounts amounts = figures.getOrDefault(month, Amounts.ZERO);
				running = running.plus(amounts);
				months.add(new Month(month, amounts, running));
			}
			years.add(new CurrencyYear(currency, months, running));
		});
		return years;
	}

	/**
	 * The forecast report: the figures of the scope rolled up by a grouping, per
	 * currency, ordered by the group's label.
	 */
	public List<CurrencyGroups> groups(Scope scope, Grouping grouping, CurrentUser user, Locale locale) {
		Union union = union(scope, grouping, user);
		List<Object> parameters = new ArrayList<>();
		if (grouping == Grouping.BUSINESS_AREA) {
			parameters.add(locale.getLanguage());
		}
		parameters.addAll(union.parameters());
		String join = (grouping == Grouping.TEAM) ? " LEFT JOIN users u ON u.id = x.owner_id" : "";
		String sql = "SELECT g.k AS k, g.currency AS currency, " + grouping.label + " AS label, g.budget, g.forecast,"
				+ " g.billing, g.committed, g.weighted100, g.unweighted FROM (SELECT " + grouping.key
				+ " AS k, x.currency AS currency, " + sums() + " FROM (" + union.sql() + ") x" + join + " GROUP BY "
				+ grouping.key + ", x.currency) g ORDER BY currency, label, k";
		Map<String, List<Group>> byCurrency = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(parameters).query((rs) -> {
			byCurrency.computeIfAbsent(rs.getString("currency"), (c) -> new ArrayList<>())
				.add(new Group(rs.getObject("k", Long.class), rs.getString("label"), amounts(rs)));
		});
		List<CurrencyGroups> result = new ArrayList<>();
		byCurrency.forEach((currency, groups) -> result.add(new CurrencyGroups(currency, groups,
				groups.stream().map(Group::amounts).reduce(Amounts.ZERO, Amounts::plus))));
		return result;
	}

	/**
	 * The rows behind one figure of the scope, at most {@code limit}, by month.
	 */
	public List<Row> rows(Scope scope, Figure figure, CurrentUser user, Locale locale, int limit) {
		Source source = Source.of(figure);
		SqlCondition where = conditions(source, scope, user);
		List<Object> parameters = new ArrayList<>();
		parameters.add(locale.getLanguage());
		String sql;
		if (figure.ofOpportunities()) {
			parameters.add(locale.getLanguage());
			String kind = (figure == Figure.COMMITTED) ? "s.kind = 'won'" : "s.kind = 'open'";
			String counted = (figure == Figure.WEIGHTED) ? "r.amount * COALESCE(p.probability, 0) / 100" : "r.amount";
			sql = "SELECT r.id AS id, p.id AS opportunity_id, p.name AS opportunity_name, p.account_id AS account_id,"
					+ " (SELECT l.name FROM accounts l WHERE l.id = p.account_id) AS account_name,"
					+ " r.forecast_month AS m, " + areaLabel() + " AS area, r.amount AS amount, " + counted
					+ " AS counted, p.currency AS currency,"
					+ " CASE WHEN ? = 'de' THEN s.name_de ELSE s.name_en END AS detail, p.probability AS probability"
					+ " FROM " + source.from(scope) + " WHERE " + kind + " AND " + where.sql()
					+ " ORDER BY r.forecast_month, p.name, r.id";
		}
		else {
			String detail = (figure == Figure.BILLING) ? "r.invoice_number" : "CAST(NULL AS VARCHAR(100))";
			sql = "SELECT r.id AS id, CAST(NULL AS BIGINT) AS opportunity_id, CAST(NULL AS VARCHAR(200)) AS opportunity_name,"
					+ " r.account_id AS account_id, a.name AS account_name, " + source.month + " AS m, " + areaLabel()
					+ " AS area, r.amount AS amount, r.amount AS counted, r.currency AS currency, " + detail
					+ " AS detail, CAST(NULL AS INTEGER) AS probability FROM " + source.from(scope) + " WHERE "
					+ where.sql() + " ORDER BY " + source.month + ", a.name, r.id";
		}
		parameters.addAll(where.parameters());
		return this.jdbc.sql(sql + " FETCH FIRST " + limit + " ROWS ONLY")
			.params(parameters)
			.query((rs, rowNum) -> new Row(rs.getLong("id"), rs.getObject("opportunity_id", Long.class),
					rs.getString("opportunity_name"), rs.getObject("account_id", Long.class),
					rs.getString("account_name"), rs.getDate("m").toLocalDate(), rs.getString("area"),
					rs.getBigDecimal("amount"), rs.getBigDecimal("counted"), rs.getString("currency"),
					rs.getString("detail"), rs.getObject("probability", Integer.class)))
			.list();
	}

	private static String areaLabel() {
		return "(SELECT CASE WHEN ? = 'de' THEN l.name_de ELSE l.name_en END FROM business_areas l WHERE l.id = r.business_area_id)";
	}

	private static String sums() {
		return "COALESCE(SUM(x.budget), 0) AS budget, COALESCE(SUM(x.forecast), 0) AS forecast,"
				+ " COALESCE(SUM(x.billing), 0) AS billing, COALESCE(SUM(x.committed), 0) AS committed,"
				+ " COALESCE(SUM(x.weighted100), 0) AS weighted100, COALESCE(SUM(x.unweighted), 0) AS unweighted";
	}

	private static Amounts amounts(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Amounts(rs.getBigDecimal("budget"), rs.getBigDecimal("forecast"), rs.getBigDecimal("billing"),
				rs.getBigDecimal("committed"), rs.getBigDecimal("weighted100").movePointLeft(2),
				rs.getBigDecimal("unweighted"));
	}

	/**
	 * The rows of all four tables in the scope, each with its account, owner, area,
	 * month, currency and what it adds to each figure: the one statement every view
	 * groups. Read from the kept totals where they answer the view ({@code grouping}
	 * {@code null} for the months).
	 */
	private Union union(Scope scope, Grouping grouping, CurrentUser user) {
		if (answeredByTotals(scope, grouping)) {
			return totals(scope, user);
		}
		return rows(scope, user);
	}

	/**
	 * Whether the kept totals answer the view: the database keeps them, the view needs no
	 * account, and the visibility rule of accounts and opportunities reads the owner
	 * column the totals keep.
	 */
	boolean answeredByTotals(Scope scope, Grouping grouping) {
		return this.keptTotals.kept() && scope.account() == null && grouping != Grouping.ACCOUNT
				&& !(scope.grouped() && scope.group() == Grouping.ACCOUNT)
				&& ruledByOwner(this.catalogue.get("accounts")) && ruledByOwner(this.catalogue.get("potentials"));
	}

	private static boolean ruledByOwner(ModuleDefinition module) {
		return !module.restricted() || TOTALS_OWNER.equals(module.ownerColumn());
	}

	/**
	 * The kept totals in the scope, as the union's columns: owner and area 0 stand for
	 * none there and become {@code NULL}.
	 */
	private Union totals(Scope scope, CurrentUser user) {
		SqlCondition where = SqlCondition
			.of("t.month >= DATE '" + scope.from() + "' AND t.month < DATE '" + scope.to() + "'");
		if (scope.area() != null) {
			where = where.and(SqlCondition.of("t.business_area_id = ?", scope.area()));
		}
		if (scope.currency() != null) {
			where = where.and(SqlCondition.of("t.currency = ?", scope.currency()));
		}
		if (scope.owner() != null) {
			where = where.and(SqlCondition.of("t.owner_id = ?", scope.owner()));
		}
		if (scope.team() != null) {
			where = where.and(Visibility.ownedByTeam("t.owner_id", scope.team()));
		}
		if (scope.accountType() != null) {
			where = where.and(SqlCondition.of("t.account_type = ?", scope.accountType()));
		}
		if (scope.grouped()) {
			Long value = scope.groupValue();
			where = where.and(switch (scope.group()) {
				case OWNER -> SqlCondition.of("t.owner_id = ?", (value != null) ? value : 0L);
				case BUSINESS_AREA -> SqlCondition.of("t.business_area_id = ?", (value != null) ? value : 0L);
				case TEAM -> (value != null) ? Visibility.ownedByTeam("t.owner_id", value) : SqlCondition
					.of("(t.owner_id = 0 OR t.owner_id IN (SELECT vu.id FROM users vu WHERE vu.team_id IS NULL))");
				case ACCOUNT -> throw new IllegalStateException("The totals keep no account");
			});
		}
		SqlCondition accounts = this.visibility.predicate(this.catalogue.get("accounts"), "t", user);
		SqlCondition opportunities = this.visibility.predicate(this.catalogue.get("potentials"), "t", user);
		if (!accounts.equals(opportunities)) {
			where = where.and(SqlCondition.combine(" OR ",
					List.of(SqlCondition.of("t.figure IN ('budget', 'forecast', 'billing')").and(accounts),
							SqlCondition.of("t.figure IN ('won', 'open')").and(opportunities))));
		}
		else {
			where = where.and(accounts);
		}
		String sql = "SELECT CAST(NULL AS BIGINT) AS account_id, NULLIF(t.owner_id, 0) AS owner_id,"
				+ " NULLIF(t.business_area_id, 0) AS area_id, t.month AS m, t.currency AS currency,"
				+ figure("budget", "t.amount") + " AS budget, " + figure("forecast", "t.amount") + " AS forecast, "
				+ figure("billing", "t.amount") + " AS billing, " + figure("won", "t.amount") + " AS committed, "
				+ figure("open", "t.weighted100") + " AS weighted100, " + figure("open", "t.amount")
				+ " AS unweighted FROM forecast_totals t WHERE " + where.sql();
		return new Union(sql, where.parameters());
	}

	private static String figure(String code, String column) {
		return "CASE WHEN t.figure = '" + code + "' THEN " + column + " ELSE " + ZERO + " END";
	}

	private Union rows(Scope scope, CurrentUser user) {
		List<String> parts = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		for (Source source : List.of(Source.BUDGET, Source.FORECAST, Source.BILLING, Source.OPPORTUNITIES)) {
			SqlCondition where = conditions(source, scope, user);
			List<String> figures = new ArrayList<>(List.of(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO));
			if (source == Source.OPPORTUNITIES) {
				figures.set(3, "CASE WHEN s.kind = 'won' THEN r.amount ELSE " + ZERO + " END");
				figures.set(4,
						"CASE WHEN s.kind = 'open' THEN r.amount * COALESCE(p.probability, 0) ELSE " + ZERO + " END");
				figures.set(5, "CASE WHEN s.kind = 'open' THEN r.amount ELSE " + ZERO + " END");
				where = SqlCondition.of("s.kind <> 'lost'").and(where);
			}
			else {
				figures.set(source.ordinal(), "r.amount");
			}
			StringBuilder columns = new StringBuilder();
			for (int i = 0; i < COLUMNS.size(); i++) {
				columns.append(", ").append(figures.get(i)).append(" AS ").append(COLUMNS.get(i));
			}
			parts.add("SELECT " + source.account + " AS account_id, " + source.owner + " AS owner_id,"
					+ " r.business_area_id AS area_id, " + source.month + " AS m, " + source.currency + " AS currency"
					+ columns + " FROM " + source.from(scope) + " WHERE " + where.sql());
			parameters.addAll(where.parameters());
		}
		return new Union(String.join(" UNION ALL ", parts), parameters);
	}

	private SqlCondition conditions(Source source, Scope scope, CurrentUser user) {
		// The months as literals, not parameters: PostgreSQL's generic plan of a prepared
		// statement, which the driver switches to after a few runs, cannot see how many
		// rows a parameter range holds and joined the rep's report four times slower.
		// The dates come from LocalDate, never from text a user typed.
		SqlCondition where = SqlCondition
			.of(source.month + " >= DATE '" + scope.from() + "' AND " + source.month + " < DATE '" + scope.to() + "'");
		if (scope.account() != null) {
			where = where.and(SqlCondition.of(source.account + " = ?", scope.account()));
		}
		if (scope.area() != null) {
			where = where.and(SqlCondition.of("r.business_area_id = ?", scope.area()));
		}
		if (scope.currency() != null) {
			where = where.and(SqlCondition.of(source.currency + " = ?", scope.currency()));
		}
		if (scope.owner() != null) {
			where = where.and(SqlCondition.of(source.owner + " = ?", scope.owner()));
		}
		if (scope.team() != null) {
			where = where.and(Visibility.ownedByTeam(source.owner, scope.team()));
		}
		if (scope.accountType() != null) {
			where = where.and(SqlCondition.of("a.account_type = ?", scope.accountType()));
		}
		if (scope.grouped()) {
			where = where.and(group(source, scope.group(), scope.groupValue()));
		}
		String module = source.opportunities ? "potentials" : "accounts";
		String alias = source.opportunities ? "p" : "a";
		return where.and(this.visibility.predicate(this.catalogue.get(module), alias, user));
	}

	private static SqlCondition group(Source source, Grouping grouping, Long value) {
		String column = switch (grouping) {
			case OWNER -> source.owner;
			case BUSINESS_AREA -> "r.business_area_id";
			case ACCOUNT -> source.account;
			case TEAM -> null;
		};
		if (column != null) {
			return (value != null) ? SqlCondition.of(column + " = ?", value) : SqlCondition.of(column + " IS NULL");
		}
		if (value != null) {
			return Visibility.ownedByTeam(source.owner, value);
		}
		return SqlCondition.of("(" + source.owner + " IS NULL OR " + source.owner
				+ " IN (SELECT vu.id FROM users vu WHERE vu.team_id IS NULL))");
	}

	private record Union(String sql, List<Object> parameters) {

	}

	/**
	 * A table the figures are read from, with its columns under the alias {@code r} and
	 * the record whose visibility decides (the account {@code a} or the opportunity
	 * {@code p}).
	 */
	private enum Source {

		BUDGET("account_budgets", "r.budget_month", false), FORECAST("account_forecasts", "r.forecast_month", false),
		BILLING("billing", "r.billing_month", false), OPPORTUNITIES("potential_forecasts", "r.forecast_month", true);

		final String table;

		final String month;

		final boolean opportunities;

		final String account;

		final String owner;

		final String currency;

		Source(String table, String month, boolean opportunities) {
			this.table = table;
			this.month = month;
			this.opportunities = opportunities;
			this.account = opportunities ? "p.account_id" : "r.account_id";
			this.owner = opportunities ? "p.owner_id" : "a.owner_id";
			this.currency = opportunities ? "p.currency" : "r.currency";
		}

		static Source of(Figure figure) {
			return switch (figure) {
				case BUDGET -> BUDGET;
				case FORECAST -> FORECAST;
				case BILLING -> BILLING;
				default -> OPPORTUNITIES;
			};
		}

		String from(Scope scope) {
			if (!this.opportunities) {
				return this.table + " r JOIN accounts a ON a.id = r.account_id";
			}
			// The account is joined only when its type filters the rows.
			return this.table + " r JOIN potentials p ON p.id = r.potential_id"
					+ " JOIN pipeline_stages s ON s.id = p.stage_id"
					+ ((scope.accountType() != null) ? " JOIN accounts a ON a.id = p.account_id" : "");
		}

	}

}
