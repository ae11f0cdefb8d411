package org.potentia.reporting.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.query.Values;

/**
 * Translates an OData {@code $filter}, as Olingo parsed it, into a condition over the
 * module's catalogue columns (table alias {@code t}) with every value bound: comparisons
 * ({@code eq ne gt ge lt le}, with {@code null} as IS NULL), {@code in}, {@code and},
 * {@code or}, {@code not}, {@code contains}, {@code startswith}, {@code endswith}, and
 * {@code tolower}/{@code toupper} on a text field. Anything else is refused with a
 * {@link FeedException} (400), never run.
 */
final class FilterTranslator implements ExpressionVisitor<Object> {

	/**
	 * The most comparisons one filter may hold: more is a machine's mistake, not a
	 * question.
	 */
	static final int MAX_CONDITIONS = 200;

	/**
	 * The most values of one {@code in}.
	 */
	static final int MAX_IN_VALUES = 500;

	private static final Map<BinaryOperatorKind, String> COMPARISONS = Map.of(BinaryOperatorKind.EQ, "=",
			BinaryOperatorKind.NE, "<>", BinaryOperatorKind.GT, ">", BinaryOperatorKind.GE, ">=", BinaryOperatorKind.LT,
			"<", BinaryOperatorKind.LE, "<=");

	private static final Map<String, String> FLIPPED = Map.of("=", "=", "<>", "<>", ">", "<", ">=", "<=", "<", ">",
			"<=", ">=");

	private final ModuleDefinition module;

	private int conditions;

	private FilterTranslator(ModuleDefinition module) {
		this.module = module;
	}

	/**
	 * The condition a filter expression stands for.
	 * @throws FeedException (400) for what the feed does not support or a value that does
	 * not fit its field
	 */
	static SqlCondition translate(ModuleDefinition module, Expression expression) {
		FilterTranslator translator = new FilterTranslator(module);
		try {
			return translator.condition(expression.accept(translator));
		}
		catch (FeedException ex) {
			throw ex;
		}
		catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException
				| org.apache.olingo.server.api.ODataApplicationException ex) {
			throw FeedException.badRequest("error.odata.unsupported", ex.getMessage());
		}
	}

	/**
	 * A column of the module's table, or an expression over one ({@code LOWER(t.name)}).
	 */
	private record Column(Field field, String sql) {
	}

	/**
	 * A literal's text, without the quotes of a string; {@code null} for the null
	 * literal.
	 */
	private record Value(String text) {
	}

	private SqlCondition condition(Object operand) {
		if (operand instanceof SqlCondition condition) {
			return condition;
		}
		if (operand instanceof Column column && column.field().type() == FieldType.BOOLEAN) {
			count();
			return SqlCondition.of(column.sql() + " = ?", Boolean.TRUE);
		}
		if (operand instanceof Value value && ("true".equals(value.text()) || "false".equals(value.text()))) {
			return Boolean.parseBoolean(value.text()) ? SqlCondition.TRUE : SqlCondition.FALSE;
		}
		throw FeedException.badRequest("error.odata.not_condition");
	}

	private void count() {
		if (++this.conditions > MAX_CONDITIONS) {
			throw FeedException.badRequest("error.odata.too_many", MAX_CONDITIONS);
		}
	}

	@Override
	public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, Object right) {
		if (operator == BinaryOperatorKind.AND || operator == BinaryOperatorKind.OR) {
			return SqlCondition.combine(operator == BinaryOperatorKind.AND ? " AND " : " OR ",
					List.of(condition(left), condition(right)));
		}
		String comparison = COMPARISONS.get(operator);
		if (comparison == null) {
			throw FeedException.badRequest("error.odata.unsupported", operator.toString());
		}
		count();
		if (left instanceof Column column && right instanceof Value value) {
			return compare(column, comparison, value);
		}
		if (left instanceof Value value && right instanceof Column column) {
			return compare(column, FLIPPED.get(comparison), value);
		}
		if (left instanceof Column first && right instanceof Column second) {
			return SqlCondition.of(first.sql() + " " + comparison + " " + second.sql());
		}
		throw FeedException.badRequest("error.odata.unsupported", operator.toString());
	}

	private SqlCondition compare(Column column, String comparison, Value value) {
		if (value.text() == null) {
			return switch (comparison) {
				case "=" -> SqlCondition.of(column.sql() + " IS NULL");
				case "<>" -> SqlCondition.of(column.sql() + " IS NOT NULL");
				default -> throw FeedException.badRequest("error.odata.null_order", column.field().name());
			};
		}
		Object bound = bind(column, value);
		if ("<>".equals(comparison)) {
			// OData's ne is true for null values too; SQL's <> is not.
			return SqlCondition.of("(" + column.sql() + " <> ? OR " + column.sql() + " IS NULL)", bound);
		}
		return SqlCondition.of(column.sql() + " " + comparison + " ?", bound);
	}

	@Override
	public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, List<Object> right) {
		if (operator != BinaryOperatorKind.IN || !(left instanceof Column column)) {
			throw FeedException.badRequest("error.odata.unsupported", operator.toString());
		}
		count();
		if (right.size() > MAX_IN_VALUES) {
			throw FeedException.badRequest("error.odata.too_many_values", MAX_IN_VALUES);
		}
		List<Object> values = new ArrayList<>();
		for (Object item : right) {
			if (!(item instanceof Value value) || value.text() == null) {
				throw FeedException.badRequest("error.odata.unsupported", "in");
			}
			values.add(bind(column, value));
		}
		if (values.isEmpty()) {
			return SqlCondition.FALSE;
		}
		String placeholders = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
		return new SqlCondition(column.sql() + " IN (" + placeholders + ")", values, Set.of());
	}

	@Override
	public Object visitUnaryOperator(UnaryOperatorKind operator, Object operand) {
		if (operator == UnaryOperatorKind.NOT) {
			SqlCondition condition = condition(operand);
			// NOT over a comparison with a null value would be unknown, so no row: in
			// OData, not (x eq 5) is true where x is null.
			return new SqlCondition("NOT COALESCE((" + condition.sql() + "), FALSE)", condition.parameters(),
					condition.relations());
		}
		throw FeedException.badRequest("error.odata.unsupported", operator.toString());
	}

	@Override
	public Object visitMethodCall(MethodKind method, List<Object> parameters) {
		switch (method) {
			case CONTAINS, STARTSWITH, ENDSWITH -> {
				count();
				if (parameters.size() != 2 || !(parameters.get(0) instanceof Column column)
						|| !(parameters.get(1) instanceof Value value) || value.text() == null) {
					throw FeedException.badRequest("error.odata.text_method", method.toString());
				}
				String escaped = escape(value.text());
				String pattern = switch (method) {
					case CONTAINS -> "%" + escaped + "%";
					case STARTSWITH -> escaped + "%";
					default -> "%" + escaped;
				};
				return SqlCondition.of(column.sql() + " LIKE ? ESCAPE '\\'", pattern);
			}
			case TOLOWER, TOUPPER -> {
				if (parameters.size() != 1 || !(parameters.get(0) instanceof Column column)) {
					throw FeedException.badRequest("error.odata.text_method", method.toString());
				}
				String function = (method == MethodKind.TOLOWER) ? "LOWER" : "UPPER";
				return new Column(column.field(), function + "(" + column.sql() + ")");
			}
			default -> throw FeedException.badRequest("error.odata.unsupported", method.toString());
		}
	}

	private Object bind(Column column, Value value) {
		if (!column.sql().startsWith("t.")) {
			// An expression over a text column (tolower): compared as text.
			return value.text();
		}
		try {
			return Values.convert(column.field(), value.text());
		}
		catch (IllegalArgumentException ex) {
			throw FeedException.badRequest("error.odata.value", column.field().name(), value.text());
		}
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	@Override
	public Object visitLiteral(Literal literal) {
		EdmType type = literal.getType();
		if (type == null) {
			return new Value(null);
		}
		String text = literal.getText();
		if (type instanceof EdmPrimitiveType primitive) {
			try {
				text = primitive.fromUriLiteral(text);
			}
			catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException ex) {
				throw FeedException.badRequest("error.odata.unsupported", literal.getText());
			}
		}
		return new Value(text);
	}

	@Override
	public Object visitMember(Member member) {
		List<UriResource> parts = member.getResourcePath().getUriResourceParts();
		if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
			throw FeedException.badRequest("error.odata.unsupported", member.getResourcePath().toString());
		}
		String name = property.getProperty().getName();
		Field field = this.module.field(name)
			.orElseThrow(() -> FeedException.badRequest("error.odata.unsupported", name));
		if (!field.isFilterable()) {
			throw FeedException.badRequest("error.odata.not_filterable", name);
		}
		return new Column(field, "t." + field.column());
	}

	@Override
	public Object visitLambdaExpression(String functionName, String variableName, Expression expression) {
		throw FeedException.badRequest("error.odata.unsupported", functionName);
	}

	@Override
	public Object visitAlias(String aliasName) {
		throw FeedException.badRequest("error.odata.unsupported", aliasName);
	}

	@Override
	public Object visitTypeLiteral(EdmType type) {
		throw FeedException.badRequest("error.odata.unsupported", type.getName());
	}

	@Override
	public Object visitLambdaReference(String variableName) {
		throw FeedException.badRequest("error.odata.unsupported", variableName);
	}

	@Override
	public Object visitEnum(EdmEnumType type, List<String> enumValues) {
		throw FeedException.badRequest("error.odata.unsupported", type.getName());
	}

}
