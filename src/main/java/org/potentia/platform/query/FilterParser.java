package org.potentia.platform.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The filter language of the API ({@code filter=<JSON>}), compiled to a parameterised SQL
 * condition. Field names are looked up in the catalogue; values are always bound. Written
 * once here, used by every module's lists, exports and reports.
 *
 * <p>
 * Grammar: {@code {"$op":[field, args…]}} with comparison
 * {@code $eq $ne $gt $gte $lt $lte}, sets {@code $in $nin}, ranges
 * {@code $between $not.between}, {@code $is.null $not.null}, text
 * {@code $beg $end $cts $not.cts $like $regex}, logic {@code $and $or $nor $not}; the
 * shorthand {@code {"field":"value"}} means {@code $eq}; a field may be
 * {@code relation.field}; dates may be {@code $now} expressions.
 */
@Component
public class FilterParser {

	static final int MAX_CONDITIONS = 200;

	static final int MAX_DEPTH = 16;

	private static final Map<String, String> COMPARISONS = Map.of("$eq", "=", "$ne", "<>", "$gt", ">", "$gte", ">=",
			"$lt", "<", "$lte", "<=");

	private static final Set<String> TEXT_OPERATORS = Set.of("$beg", "$end", "$cts", "$not.cts", "$like", "$regex");

	private final Catalogue catalogue;

	private final ObjectMapper json;

	private final Clock clock;

	@org.springframework.beans.factory.annotation.Autowired
	public FilterParser(Catalogue catalogue, ObjectMapper json) {
		this(catalogue, json, Clock.systemDefaultZone());
	}

	FilterParser(Catalogue catalogue, ObjectMapper json, Clock clock) {
		this.catalogue = catalogue;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Parses the text of a {@code filter} parameter.
	 * @throws BadQueryException naming the problem
	 */
	public SqlCondition parse(ModuleDefinition module, String filter) {
		if (filter == null || filter.isBlank()) {
			return SqlCondition.TRUE;
		}
		JsonNode node;
		try {
			// Numbers exactly as written, so that one too large for a double is refused
			// as
			// out of range rather than read as infinity.
			node = this.json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(filter);
		}
		catch (JacksonException ex) {
			throw new BadQueryException("error.query.filter_json");
		}
		return parse(module, node);
	}

	public SqlCondition parse(ModuleDefinition module, JsonNode node) {
		if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			return SqlCondition.TRUE;
		}
		return new Compilation(module).expression(node, 0);
	}

	private final class Compilation {

		private final ModuleDefinition module;

		private int conditions;

		Compilation(ModuleDefinition module) {
			this.module = module;
		}

		SqlCondition expression(JsonNode node, int depth) {
			if (depth > MAX_DEPTH) {
				throw new BadQueryException("error.query.filter_depth", MAX_DEPTH);
			}
			if (++this.conditions > MAX_CONDITIONS) {
				throw new BadQueryException("error.query.filter_size", MAX_CONDITIONS);
			}
			if (node.isArray()) {
				return logic("$and", node, depth);
			}
			if (!node.isObject() || node.isEmpty()) {
				throw new BadQueryException("error.query.filter_expression");
			}
			List<SqlCondition> parts = new ArrayList<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				String key = entry.getKey();
				if (key.startsWith("$")) {
					parts.add(operator(key, entry.getValue(), depth));
				}
				else {
					parts.add(comparison("$eq", column(key), entry.getValue()));
				}
			}
			return (parts.size() == 1) ? parts.get(0) : SqlCondition.combine(" AND ", parts);
		}

		private SqlCondition operator(String operator, JsonNode arguments, int depth) {
			switch (operator) {
				case "$and", "$or", "$nor":
					return logic(operator, arguments, depth);
				case "$not":
					JsonNode inner = (arguments.isArray() && arguments.size() == 1) ? arguments.get(0) : arguments;
					return expression(inner, depth + 1).negate();
				default:
			}
			if (!COMPARISONS.containsKey(operator) && !TEXT_OPERATORS.contains(operator)
					&& !Set.of("$in", "$nin", "$between", "$not.between", "$is.null", "$not.null").contains(operator)) {
				throw new BadQueryException("error.query.filter_operator", operator);
			}
			List<JsonNode> args = arguments(operator, arguments);
			ColumnRef column = column(fieldName(operator, args.get(0)));
			if (COMPARISONS.containsKey(operator)) {
				expectCount(operator, args, 2);
				return comparison(operator, column, args.get(1));
			}
			if (TEXT_OPERATORS.contains(operator)) {
				expectCount(operator, args, 2);
				return text(operator, column, args.get(1));
			}
			return switch (operator) {
				case "$in", "$nin" -> set(operator, column, args);
				case "$between", "$not.between" -> between(operator, column, args);
				case "$is.null" -> {
					expectCount(operator, args, 1);
					yield new SqlCondition(column.sql() + " IS NULL", List.of(), column.relations());
				}
				case "$not.null" -> {
					expectCount(operator, args, 1);
					yield new SqlCondition(column.sql() + " IS NOT NULL", List.of(), column.relations());
				}
				default -> throw new BadQueryException("error.query.filter_operator", operator);
			};
		}

		private SqlCondition logic(String operator, JsonNode arguments, int depth) {
			if (!arguments.isArray() || arguments.isEmpty()) {
				throw new BadQueryException("error.query.filter_logic", operator);
			}
			List<SqlCondition> parts = new ArrayList<>();
			for (JsonNode element : arguments) {
				parts.add(expression(element, depth + 1));
			}
			return switch (operator) {
				case "$or" -> SqlCondition.combine(" OR ", parts);
				case "$nor" -> SqlCondition.combine(" OR ", parts).negate();
				default -> SqlCondition.combine(" AND ", parts);
			};
		}

		private SqlCondition comparison(String operator, ColumnRef column, JsonNode argument) {
			Object value = value(column, argument);
			if (value == null) {
				return switch (operator) {
					case "$eq" -> new SqlCondition(column.sql() + " IS NULL", List.of(), column.relations());
					case "$ne" -> new SqlCondition(column.sql() + " IS NOT NULL", List.of(), column.relations());
					default -> throw new BadQueryException("error.query.filter_null", operator, column.name());
				};
			}
			String sql = column.sqlFor(value) + " " + COMPARISONS.get(operator) + " ?";
			if ("$ne".equals(operator)) {
				sql = "(" + sql + " OR " + column.sql() + " IS NULL)";
			}
			return new SqlCondition(sql, List.of(value), column.relations());
		}

		private SqlCondition text(String operator, ColumnRef column, JsonNode argument) {
			if (argument == null || !argument.isValueNode() || argument.isNull()) {
				throw new BadQueryException("error.query.filter_text", operator, column.name());
			}
			String text = argument.asString();
			String lower = "LOWER(CAST(" + column.sql() + " AS VARCHAR(10000)))";
			if ("$regex".equals(operator)) {
				try {
					Pattern.compile(text);
				}
				catch (PatternSyntaxException ex) {
					throw new BadQueryException("error.query.filter_regex", column.name());
				}
				return new SqlCondition("REGEXP_LIKE(CAST(" + column.sql() + " AS VARCHAR(10000)), ?, 'i')",
						List.of(text), column.relations());
			}
			String pattern = switch (operator) {
				case "$beg" -> escape(text.toLowerCase()) + "%";
				case "$end" -> "%" + escape(text.toLowerCase());
				case "$like" -> text.toLowerCase();
				default -> "%" + escape(text.toLowerCase()) + "%";
			};
			String sql = lower + " LIKE ? ESCAPE '\\'";
			if ("$not.cts".equals(operator)) {
				sql = "(" + lower + " NOT LIKE ? ESCAPE '\\' OR " + column.sql() + " IS NULL)";
			}
			return new SqlCondition(sql, List.of(pattern), column.relations());
		}

		private SqlCondition set(String operator, ColumnRef column, List<JsonNode> args) {
			expectCount(operator, args, 2);
			JsonNode values = args.get(1);
			if (!values.isArray() || values.isEmpty()) {
				throw new BadQueryException("error.query.filter_values", operator, column.name());
			}
			if (values.size() > 1000) {
				throw new BadQueryException("error.query.filter_values_max", operator, 1000);
			}
			List<Object> parameters = new ArrayList<>();
			for (JsonNode value : values) {
				Object converted = value(column, value);
				if (converted == null) {
					throw new BadQueryException("error.query.filter_values_null", operator, column.name());
				}
				parameters.add(converted);
			}
			String placeholders = String.join(", ", java.util.Collections.nCopies(parameters.size(), "?"));
			String sql = column.sql() + " IN (" + placeholders + ")";
			if ("$nin".equals(operator)) {
				sql = "(" + column.sql() + " NOT IN (" + placeholders + ") OR " + column.sql() + " IS NULL)";
			}
			return new SqlCondition(sql, parameters, column.relations());
		}

		private SqlCondition between(String operator, ColumnRef column, List<JsonNode> args) {
			JsonNode low;
			JsonNode high;
			if (args.size() == 2 && args.get(1).isArray() && args.get(1).size() == 2) {
				low = args.get(1).get(0);
				high = args.get(1).get(1);
			}
			else {
				expectCount(operator, args, 3);
				low = args.get(1);
				high = args.get(2);
			}
			Object from = value(column, low);
			Object to = value(column, high);
			if (from == null || to == null) {
				throw new BadQueryException("error.query.filter_bounds", operator, column.name());
			}
			String sql = column.sqlFor(from) + " BETWEEN ? AND ?";
			if ("$not.between".equals(operator)) {
				sql = "(" + column.sqlFor(from) + " NOT BETWEEN ? AND ? OR " + column.sql() + " IS NULL)";
			}
			return new SqlCondition(sql, List.of(from, to), column.relations());
		}

		private Object value(ColumnRef column, JsonNode node) {
			if (node == null || node.isNull()) {
				return null;
			}
			if (!node.isValueNode()) {
				throw new BadQueryException("error.query.filter_single", column.name());
			}
			String text = node.asString();
			Field field = column.field();
			if (field.type().isTemporal() && NowExpression.isNow(text)) {
				return temporal(field, NowExpression.evaluate(text, FilterParser.this.clock));
			}
			try {
				return Values.convert(field, node.isNumber() ? node.numberValue() : text);
			}
			catch (Values.OutOfRangeException ex) {
				throw new BadQueryException("error.filter.out_of_range", column.name(), ex.getValue());
			}
			catch (IllegalArgumentException ex) {
				throw new BadQueryException("error.query.filter_value", column.name(), ex.getMessage(), text);
			}
		}

		private Object temporal(Field field, Object now) {
			if (now instanceof LocalTime) {
				return now;
			}
			if (field.type() == FieldType.DATE) {
				return (now instanceof OffsetDateTime dateTime) ? dateTime.toLocalDate() : now;
			}
			return (now instanceof LocalDate date)
					? date.atStartOfDay().atZone(FilterParser.this.clock.getZone()).toOffsetDateTime() : now;
		}

		private List<JsonNode> arguments(String operator, JsonNode arguments) {
			List<JsonNode> result = new ArrayList<>();
			if (arguments.isArray()) {
				arguments.forEach(result::add);
			}
			else if (arguments.isString()) {
				result.add(arguments);
			}
			if (result.isEmpty()) {
				throw new BadQueryException("error.query.filter_arguments", operator);
			}
			return result;
		}

		private String fieldName(String operator, JsonNode node) {
			if (!node.isString()) {
				throw new BadQueryException("error.query.filter_field_first", operator);
			}
			return node.asString();
		}

		private void expectCount(String operator, List<JsonNode> args, int count) {
			if (args.size() != count) {
				throw new BadQueryException("error.query.filter_count", operator, count - 1);
			}
		}

		private ColumnRef column(String path) {
			int dot = path.indexOf('.');
			if (dot < 0) {
				Field field = this.module.field(path)
					.filter(Field::isFilterable)
					.orElseThrow(() -> new BadQueryException("error.query.filter_field", path, this.module.name()));
				return new ColumnRef(path, field, "t." + field.column(), Set.of());
			}
			String relationName = path.substring(0, dot);
			String fieldName = path.substring(dot + 1);
			Field relation = this.module.relation(relationName)
				.orElseThrow(
						() -> new BadQueryException("error.query.filter_relation", relationName, this.module.name()));
			ModuleDefinition target = FilterParser.this.catalogue.find(relation.relationModule())
				.orElseThrow(
						() -> new BadQueryException("error.query.filter_relation", relationName, this.module.name()));
			Field field = target.field(fieldName)
				.filter(Field::isFilterable)
				.orElseThrow(() -> new BadQueryException("error.query.filter_relation_field", fieldName, relationName));
			return new ColumnRef(path, field, RecordQueries.relationAlias(relationName) + "." + field.column(),
					Set.of(relationName));
		}

	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private record ColumnRef(String name, Field field, String sql, Set<String> relations) {

		String sqlFor(Object value) {
			return (value instanceof LocalTime) ? "CAST(" + this.sql + " AS TIME)" : this.sql;
		}

	}

}
