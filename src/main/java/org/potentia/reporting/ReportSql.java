package org.potentia.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.BadQueryException;
import org.potentia.platform.query.FilterParser;
import org.potentia.platform.query.SqlCondition;
import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportQuery.Column;
import org.potentia.reporting.ReportQuery.DateBucket;
import org.potentia.reporting.ReportQuery.Group;
import org.potentia.reporting.ReportQuery.Order;
import org.springframework.context.MessageSource;

/**
 * Compiles a {@link ReportQuery} to one SQL statement, driven by the catalogue: column
 * names come only from field definitions, every value is a bound parameter, and the
 * visibility rule is part of the statement, both for the module's records and for the
 * linked records whose fields a report shows.
 *
 * <p>
 * The statement has three levels. The innermost reads the module's table (alias
 * {@code t}, linked records joined as {@code r_<relation>}) under the visibility rule and
 * the filter, and names each value it needs; the middle one groups and aggregates those
 * values (or, for a plain list, passes them on), sorts and cuts at the limit; the outer
 * one adds the display names of linked records for the rows that remain, each under the
 * visibility rule of its module. PostgreSQL merges the inner level into the middle one,
 * so the plan is that of the hand-written grouped query.
 */
final class ReportSql {

	static final int MAX_COLUMNS = 20;

	static final int MAX_GROUPS = 2;

	static final int MAX_ORDER = 5;

	static final int MAX_ROWS = 10_000;

	static final int DEFAULT_ROWS = 1_000;

	static final int MAX_EXPORT_ROWS = 1_000_000;

	private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private static final String NAME_OF_DISPLAY = "name";

	/**
	 * The visibility rule of a module under a table alias: {@code Visibility.predicate}
	 * bound to the user.
	 */
	interface VisibilityRule {

		SqlCondition of(ModuleDefinition module, String alias);

		boolean seesAll();

	}

	private final Catalogue catalogue;

	private final FilterParser filters;

	private final MessageSource messages;

	private final String weekUnit;

	/**
	 * @param h2 whether the database is H2, whose {@code WEEK} starts on the locale's
	 * first day; its {@code ISO_WEEK} starts on Monday, as PostgreSQL's {@code week} does
	 */
	ReportSql(Catalogue catalogue, FilterParser filters, MessageSource messages, boolean h2) {
		this.catalogue = catalogue;
		this.filters = filters;
		this.messages = messages;
		this.weekUnit = h2 ? "iso_week" : "week";
	}

	/**
	 * The statement for a report, for a page or API answer (limit up to
	 * {@link #MAX_ROWS}, one more row fetched to tell whether more matched) or for an
	 * export (up to {@link #MAX_EXPORT_ROWS}).
	 */
	Plan compile(ReportQuery query, VisibilityRule visibility, Locale locale, boolean export) {
		return new Compilation(query, visibility, locale, export).compile();
	}

	/**
	 * A compiled report.
	 *
	 * @param sql the statement
	 * @param parameters its parameters in order
	 * @param outputs the result columns, in order ({@code c0}, {@code c1}, …)
	 * @param limit the rows asked for (the statement fetches one more, except for
	 * exports)
	 * @param module the module
	 * @param plain whether it lists records (each row has the record's id as {@code id_})
	 * rather than groups
	 */
	record Plan(String sql, List<Object> parameters, List<Output> outputs, int limit, ModuleDefinition module,
			boolean plain) {

		List<ReportResult.Field> fields() {
			return this.outputs.stream().map(Output::field).toList();
		}

	}

	/**
	 * One result column.
	 *
	 * @param field the result field
	 * @param kind how its value is read from the result set
	 * @param labelled whether the statement also gives a linked record's display name
	 * ({@code l<i>})
	 * @param catalogueField the field behind it, for picklist labels and drill-down
	 * @param filterPath the filter-language name of the field behind it, for drill-down,
	 * or null if the filter language cannot name it
	 */
	record Output(ReportResult.Field field, FieldType kind, boolean labelled, Field catalogueField, String filterPath) {
	}

	/**
	 * A column expression resolved against the catalogue.
	 */
	private record Ref(String expression, Field field, String sql, List<Object> parameters, String relation,
			ModuleDefinition labelModule, String label, String filterPath) {

		FieldType type() {
			return (this.field != null) ? this.field.type() : FieldType.TEXT;
		}

	}

	private final class Compilation {

		private final ReportQuery query;

		private final VisibilityRule visibility;

		private final Locale locale;

		private final boolean export;

		private final ModuleDefinition module;

		private final Set<String> joins = new LinkedHashSet<>();

		Compilation(ReportQuery query, VisibilityRule visibility, Locale locale, boolean export) {
			this.query = query;
			this.visibility = visibility;
			this.locale = locale;
			this.export = export;
			if (query.module() == null || query.module().isBlank()) {
				throw new ReportException("error.report.no_module", "/module");
			}
			this.module = ReportSql.this.catalogue.find(query.module())
				.orElseThrow(() -> new ReportException("error.report.unknown_module", "/module", query.module()));
		}

		Plan compile() {
			List<Column> columns = this.query.columns();
			if (columns.size() > MAX_COLUMNS) {
				throw new ReportException("error.report.too_many_columns", "/columns", MAX_COLUMNS);
			}
			if (this.query.groups().size() > MAX_GROUPS) {
				throw new ReportException("error.report.too_many_groups", "/groups", MAX_GROUPS);
			}
			if (this.query.order().size() > MAX_ORDER) {
				throw new ReportException("error.report.too_many_orders", "/order", MAX_ORDER);
			}
			if (columns.isEmpty() && this.query.groups().isEmpty()) {
				throw new ReportException("error.report.no_columns", "/columns");
			}
			int limit = limit();
			SqlCondition where = where();
			return this.query.grouped() ? grouped(where, limit) : plain(where, limit);
		}

		private int limit() {
			Integer asked = this.query.limit();
			int max = this.export ? MAX_EXPORT_ROWS : MAX_ROWS;
			if (asked == null) {
				return this.export ? MAX_EXPORT_ROWS : (this.query.grouped() ? MAX_ROWS : DEFAULT_ROWS);
			}
			if (asked < 1 || asked > max) {
				throw new ReportException("error.report.limit", "/limit", max);
			}
			return asked;
		}

		private SqlCondition where() {
			SqlCondition filter;
			try {
				filter = ReportSql.this.filters.parse(this.module, this.query.filter());
			}
			catch (BadQueryException ex) {
				throw new ReportException("error.report.filter", "/filter",
						ReportSql.this.messages.getMessage(ex, this.locale));
			}
			SqlCondition where = this.visibility.of(this.module, "t").and(filter);
			// As in lists: a filter on a linked record's field sees that record only if
			// the user may; a record linked to one they may not see does not match.
			for (String relationName : filter.relations()) {
				this.joins.add(relationName);
				Field relation = this.module.relation(relationName).orElseThrow();
				ModuleDefinition target = ReportSql.this.catalogue.get(relation.relationModule());
				if (target.restricted() && !this.visibility.seesAll()) {
					String alias = alias(relationName);
					SqlCondition visible = this.visibility.of(target, alias);
					where = where.and(new SqlCondition("(" + alias + ".id IS NULL OR " + visible.sql() + ")",
							visible.parameters(), Set.of()));
				}
			}
			return where;
		}

		private Plan plain(SqlCondition where, int limit) {
			List<Output> outputs = new ArrayList<>();
			List<Ref> refs = new ArrayList<>();
			List<String> inner = new ArrayList<>();
			List<Object> innerParameters = new ArrayList<>();
			inner.add("t.id AS id_");
			for (int i = 0; i < this.query.columns().size(); i++) {
				Column column = this.query.columns().get(i);
				String pointer = "/columns/" + i;
				if (column.bucket() != null) {
					throw new ReportException("error.report.bucket_not_grouped", pointer, column.expression());
				}
				Ref ref = resolve(column.expression(), pointer);
				refs.add(ref);
				inner.add(ref.sql() + " AS c" + i);
				innerParameters.addAll(ref.parameters());
				outputs.add(output(name(column.alias(), ref.expression(), null, null, pointer), ref, null, null));
			}
			checkNames(outputs);
			List<String> order = order(outputs, refs, "id_");
			String middle = "SELECT a.* FROM (SELECT " + String.join(", ", inner) + from() + " WHERE " + where.sql()
					+ ") a ORDER BY " + String.join(", ", order);
			List<Object> middleParameters = new ArrayList<>(innerParameters);
			middleParameters.addAll(where.parameters());
			return outer(middle, middleParameters, outputs, refs, order, limit, true);
		}

		private Plan grouped(SqlCondition where, int limit) {
			// Each group is an output, named by the column that shows it, else by itself.
			List<Ref> groupRefs = new ArrayList<>();
			Map<Integer, Integer> columnOfGroup = new HashMap<>();
			for (int g = 0; g < this.query.groups().size(); g++) {
				Group group = this.query.groups().get(g);
				String pointer = "/groups/" + g;
				Ref ref = resolve(group.field(), pointer);
				if (ref.field() != null && ref.type() == FieldType.LONG_TEXT) {
					throw new ReportException("error.report.group_type", pointer, group.field());
				}
				if (group.bucket() != null && !ref.type().isTemporal()) {
					throw new ReportException("error.report.bucket_type", pointer, group.field());
				}
				groupRefs.add(ref);
			}
			for (int i = 0; i < this.query.columns().size(); i++) {
				Column column = this.query.columns().get(i);
				if (column.aggregate() != null) {
					continue;
				}
				int match = -1;
				for (int g = 0; g < groupRefs.size(); g++) {
					Group group = this.query.groups().get(g);
					if (group.field().equals(column.expression())
							&& (column.bucket() == null || column.bucket() == group.bucket())
							&& !columnOfGroup.containsKey(g)) {
						match = g;
						break;
					}
				}
				if (match < 0) {
					throw new ReportException("error.report.not_grouped", "/columns/" + i, column.expression());
				}
				columnOfGroup.put(match, i);
			}
			List<String> inner = new ArrayList<>();
			List<Object> innerParameters = new ArrayList<>();
			List<String> middle = new ArrayList<>();
			List<String> groupBy = new ArrayList<>();
			// Outputs in the order of the columns; groups no column shows come first.
			Map<Integer, Output> byColumn = new LinkedHashMap<>();
			Map<Integer, Ref> refByColumn = new LinkedHashMap<>();
			List<Output> leading = new ArrayList<>();
			List<Ref> leadingRefs = new ArrayList<>();
			List<String> middleLeading = new ArrayList<>();
			Map<Integer, String> middleByColumn = new LinkedHashMap<>();
			for (int g = 0; g < groupRefs.size(); g++) {
				Group group = this.query.groups().get(g);
				Ref ref = groupRefs.get(g);
				String sql = (group.bucket() != null) ? bucket(ref.sql(), group.bucket(), ReportSql.this.weekUnit)
						: ref.sql();
				inner.add(sql + " AS g" + g);
				innerParameters.addAll(ref.parameters());
				groupBy.add("a.g" + g);
				Integer column = columnOfGroup.get(g);
				String alias = (column != null) ? this.query.columns().get(column).alias() : null;
				String pointer = (column != null) ? "/columns/" + column : "/groups/" + g;
				Output output = output(name(alias, ref.expression(), null, group.bucket(), pointer), ref, null,
						group.bucket());
				if (column != null) {
					byColumn.put(column, output);
					refByColumn.put(column, ref);
					middleByColumn.put(column, "a.g" + g);
				}
				else {
					leading.add(output);
					leadingRefs.add(ref);
					middleLeading.add("a.g" + g);
				}
			}
			for (int i = 0; i < this.query.columns().size(); i++) {
				Column column = this.query.columns().get(i);
				if (column.aggregate() == null) {
					continue;
				}
				String pointer = "/columns/" + i;
				if (column.bucket() != null) {
					throw new ReportException("error.report.bucket_not_grouped", pointer, column.expression());
				}
				Ref ref = resolve(column.expression(), pointer);
				checkAggregate(column.aggregate(), ref, pointer);
				inner.add(ref.sql() + " AS v" + i);
				innerParameters.addAll(ref.parameters());
				middleByColumn.put(i, aggregate(column.aggregate(), "a.v" + i, ref));
				byColumn.put(i, output(name(column.alias(), ref.expression(), column.aggregate(), null, pointer), ref,
						column.aggregate(), null));
				refByColumn.put(i, ref);
			}
			List<Output> outputs = new ArrayList<>(leading);
			List<Ref> refs = new ArrayList<>(leadingRefs);
			List<String> selects = new ArrayList<>(middleLeading);
			for (int i = 0; i < this.query.columns().size(); i++) {
				if (byColumn.containsKey(i)) {
					outputs.add(byColumn.get(i));
					refs.add(refByColumn.get(i));
					selects.add(middleByColumn.get(i));
				}
			}
			checkNames(outputs);
			List<String> named = new ArrayList<>();
			for (int i = 0; i < selects.size(); i++) {
				named.add(selects.get(i) + " AS c" + i);
			}
			List<String> order = order(outputs, refs, null);
			String sql = "SELECT " + String.join(", ", named) + " FROM (SELECT " + String.join(", ", inner) + from()
					+ " WHERE " + where.sql() + ") a"
					+ (groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy))
					+ (order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order));
			List<Object> parameters = new ArrayList<>(innerParameters);
			parameters.addAll(where.parameters());
			return outer(sql, parameters, outputs, refs, order, limit, false);
		}

		/**
		 * Wraps the middle level: the limit, and the linked records' display names of the
		 * rows that remain.
		 */
		private Plan outer(String middle, List<Object> middleParameters, List<Output> outputs, List<Ref> refs,
				List<String> order, int limit, boolean plain) {
			List<String> selects = new ArrayList<>();
			List<Object> parameters = new ArrayList<>();
			if (plain) {
				selects.add("b.id_");
				for (int i = 0; i < outputs.size(); i++) {
					selects.add("b.c" + i);
				}
			}
			else {
				selects.add("b.*");
			}
			List<Output> labelled = new ArrayList<>();
			StringBuilder joins = new StringBuilder();
			List<Object> joinParameters = new ArrayList<>();
			for (int i = 0; i < outputs.size(); i++) {
				Output output = outputs.get(i);
				Ref ref = refs.get(i);
				if (output.labelled()) {
					// A join rather than a sub-select per row: an export's million
					// rows read each linked table once. The id is unique, so no row
					// is repeated.
					String alias = "x" + i;
					SqlCondition visible = this.visibility.of(ref.labelModule(), alias);
					selects.add(display(ref.labelModule(), alias) + " AS l" + i);
					joins.append(" LEFT JOIN ")
						.append(ref.labelModule().table())
						.append(' ')
						.append(alias)
						.append(" ON ")
						.append(alias)
						.append(".id = b.c")
						.append(i)
						.append(" AND ")
						.append(visible.sql());
					joinParameters.addAll(visible.parameters());
				}
				labelled.add(output);
			}
			parameters.addAll(middleParameters);
			int fetch = this.export ? limit : limit + 1;
			parameters.add(fetch);
			parameters.addAll(joinParameters);
			List<String> outerOrder = order.stream().map((term) -> "b." + term).toList();
			String sql = "SELECT " + String.join(", ", selects) + " FROM (" + middle + " LIMIT ?) b" + joins
					+ (outerOrder.isEmpty() ? "" : " ORDER BY " + String.join(", ", outerOrder));
			return new Plan(sql, parameters, labelled, limit, this.module, plain);
		}

		private String from() {
			StringBuilder from = new StringBuilder(" FROM " + this.module.table() + " t");
			for (String relationName : this.joins) {
				Field relation = this.module.relation(relationName).orElseThrow();
				ModuleDefinition target = ReportSql.this.catalogue.get(relation.relationModule());
				String alias = alias(relationName);
				from.append(" LEFT JOIN ")
					.append(target.table())
					.append(' ')
					.append(alias)
					.append(" ON ")
					.append(alias)
					.append(".id = t.")
					.append(relation.column());
			}
			return from.toString();
		}

		/**
		 * A column expression: a field, a linked record's field, or a linked record's
		 * display name; a linked record's values are null where the user may not see it.
		 */
		private Ref resolve(String expression, String pointer) {
			if (expression == null || expression.isBlank()) {
				throw new ReportException("error.report.no_field", pointer);
			}
			String path = expression.trim();
			int dot = path.indexOf('.');
			if (dot < 0) {
				Field field = this.module.field(path).orElseThrow(() -> unknownField(path, pointer));
				ModuleDefinition target = field.isRelation()
						? ReportSql.this.catalogue.find(field.relationModule()).orElse(null) : null;
				return new Ref(path, field, "t." + field.column(), List.of(), null, target, label(this.module, field),
						field.isFilterable() ? path : null);
			}
			String relationName = path.substring(0, dot);
			String fieldName = path.substring(dot + 1);
			Field relation = this.module.relation(relationName).orElseThrow(() -> {
				if (hasMany(relationName)) {
					return new ReportException("error.report.has_many", pointer, relationName);
				}
				return new ReportException("error.report.unknown_relation", pointer, relationName, this.module.name());
			});
			ModuleDefinition target = ReportSql.this.catalogue.find(relation.relationModule())
				.orElseThrow(() -> new ReportException("error.report.unknown_relation", pointer, relationName,
						this.module.name()));
			String alias = alias(relationName);
			Field field = target.field(fieldName).orElse(null);
			if (field == null && NAME_OF_DISPLAY.equals(fieldName)) {
				// The linked record's display name: grouped and sorted by the link
				// itself,
				// shown by name.
				return new Ref(path, relation, "t." + relation.column(), List.of(), null, target,
						label(this.module, relation), relation.name());
			}
			if (field == null) {
				throw new ReportException("error.report.unknown_linked_field", pointer, fieldName, relationName);
			}
			this.joins.add(relationName);
			String sql = alias + "." + field.column();
			List<Object> parameters = List.of();
			if (target.restricted() && !this.visibility.seesAll()) {
				SqlCondition visible = this.visibility.of(target, alias);
				sql = "CASE WHEN " + visible.sql() + " THEN " + sql + " END";
				parameters = visible.parameters();
			}
			ModuleDefinition labelModule = field.isRelation()
					? ReportSql.this.catalogue.find(field.relationModule()).orElse(null) : null;
			return new Ref(path, field, sql, parameters, relationName, labelModule,
					label(this.module, relation) + ": " + label(target, field), field.isFilterable() ? path : null);
		}

		private boolean hasMany(String name) {
			return this.module.hasMany().stream().anyMatch((link) -> link.name().equals(name));
		}

		private ReportException unknownField(String name, String pointer) {
			if (hasMany(name)) {
				return new ReportException("error.report.has_many", pointer, name);
			}
			return new ReportException("error.report.unknown_field", pointer, name, this.module.name());
		}

		private void checkAggregate(Aggregate aggregate, Ref ref, String pointer) {
			FieldType type = ref.type();
			boolean fits = switch (aggregate) {
				case COUNT -> true;
				case COUNT_DISTINCT -> type != FieldType.LONG_TEXT;
				case SUM, AVG -> type == FieldType.INTEGER || type == FieldType.DECIMAL || type == FieldType.MONEY
						|| type == FieldType.PERCENT;
				case MIN, MAX -> type != FieldType.LONG_TEXT && type != FieldType.BOOLEAN && type != FieldType.RELATION
						&& type != FieldType.ID;
			};
			if (!fits) {
				throw new ReportException("error.report.aggregate_type", pointer,
						message("report.aggregate." + aggregate.code(), ref.label()), ref.expression());
			}
		}

		private String aggregate(Aggregate aggregate, String value, Ref ref) {
			return switch (aggregate) {
				case COUNT -> "COUNT(" + value + ")";
				case COUNT_DISTINCT -> "COUNT(DISTINCT " + value + ")";
				case SUM -> "SUM(" + value + ")";
				// The same scale on both databases, whatever the column's type.
				case AVG -> "CAST(AVG(CAST(" + value + " AS DECIMAL(38, 6))) AS DECIMAL(38, 6))";
				case MIN -> "MIN(" + value + ")";
				case MAX -> "MAX(" + value + ")";
			};
		}

		private Output output(String name, Ref ref, Aggregate aggregate, DateBucket bucket) {
			FieldType kind;
			String type;
			if (aggregate == Aggregate.COUNT || aggregate == Aggregate.COUNT_DISTINCT) {
				kind = FieldType.INTEGER;
				type = FieldType.INTEGER.schemaName();
			}
			else if (aggregate == Aggregate.AVG) {
				kind = FieldType.DECIMAL;
				type = FieldType.DECIMAL.schemaName();
			}
			else if (bucket != null) {
				kind = FieldType.DATE;
				type = FieldType.DATE.schemaName();
			}
			else {
				kind = ref.type();
				type = ref.type().schemaName();
			}
			String label = ref.label();
			if (bucket != null) {
				label = message("report.bucket." + bucket.code(), label);
			}
			if (aggregate != null) {
				label = (aggregate == Aggregate.COUNT && "id".equals(ref.expression()))
						? message("report.aggregate.count_records")
						: message("report.aggregate." + aggregate.code(), label);
			}
			boolean labelled = aggregate == null && bucket == null && ref.labelModule() != null;
			return new Output(new ReportResult.Field(name, label, type, ref.expression(), aggregate, bucket), kind,
					labelled, ref.field(), ref.filterPath());
		}

		private String name(String alias, String expression, Aggregate aggregate, DateBucket bucket, String pointer) {
			if (alias != null && !alias.isBlank()) {
				if (!ALIAS.matcher(alias).matches()) {
					throw new ReportException("error.report.alias", pointer, alias);
				}
				return alias;
			}
			if (aggregate == null && bucket == null) {
				return expression;
			}
			String base = expression.replace('.', '_');
			return (aggregate != null) ? aggregate.code() + "_" + base : base + "_" + bucket.code();
		}

		private void checkNames(List<Output> outputs) {
			Set<String> seen = new LinkedHashSet<>();
			for (int i = 0; i < outputs.size(); i++) {
				String name = outputs.get(i).field().name();
				if (!seen.add(name)) {
					throw new ReportException("error.report.duplicate_name", "/columns", name);
				}
			}
		}

		/**
		 * ORDER BY terms over the middle level's outputs ({@code c<i>}): the terms asked
		 * for, then the groups (or the id of a plain list) so that the order is stable.
		 * Nulls come last on both databases.
		 */
		private List<String> order(List<Output> outputs, List<Ref> refs, String tieBreaker) {
			List<String> terms = new ArrayList<>();
			Set<Integer> used = new LinkedHashSet<>();
			for (int k = 0; k < this.query.order().size(); k++) {
				Order order = this.query.order().get(k);
				String pointer = "/order/" + k;
				int index = -1;
				for (int i = 0; i < outputs.size() && index < 0; i++) {
					if (outputs.get(i).field().name().equals(order.field())) {
						index = i;
					}
				}
				for (int i = 0; i < outputs.size() && index < 0; i++) {
					if (outputs.get(i).field().aggregate() == null && refs.get(i).expression().equals(order.field())) {
						index = i;
					}
				}
				if (index < 0) {
					throw new ReportException("error.report.unknown_order", pointer, String.valueOf(order.field()));
				}
				if (outputs.get(index).kind() == FieldType.LONG_TEXT) {
					throw new ReportException("error.report.order_type", pointer, order.field());
				}
				if (used.add(index)) {
					terms.add("c" + index + (order.descending() ? " DESC" : " ASC") + " NULLS LAST");
				}
			}
			if (tieBreaker != null) {
				terms.add(tieBreaker + " ASC");
			}
			else {
				for (int i = 0; i < outputs.size(); i++) {
					if (outputs.get(i).field().aggregate() == null && !used.contains(i)) {
						terms.add("c" + i + " ASC NULLS LAST");
					}
				}
			}
			return terms;
		}

		private String label(ModuleDefinition owner, Field field) {
			return ReportSql.this.catalogue.label(owner, field, this.locale);
		}

		private String message(String key, Object... arguments) {
			return ReportSql.this.messages.getMessage(key, arguments, key, this.locale);
		}

		private String display(ModuleDefinition target, String alias) {
			return target.display(alias).replace("{lang}", "de".equals(this.locale.getLanguage()) ? "de" : "en");
		}

	}

	static String alias(String relationName) {
		return "r_" + relationName;
	}

	/**
	 * The first day of the date's period, as a date; weeks start on Monday.
	 */
	static String bucket(String sql, DateBucket bucket, String weekUnit) {
		String unit = (bucket == DateBucket.WEEK) ? weekUnit : bucket.code();
		return "CAST(DATE_TRUNC('" + unit + "', " + sql + ") AS DATE)";
	}

}
