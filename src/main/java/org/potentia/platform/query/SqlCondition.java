package org.potentia.platform.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A piece of a WHERE clause with its positional parameters and the relation joins it
 * needs. Values are always bound, never written into the SQL.
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param parameters the values for the placeholders, in order
 * @param relations the names of relations whose tables must be joined
 */
public record SqlCondition(String sql, List<Object> parameters, Set<String> relations) {

	public static final SqlCondition TRUE = new SqlCondition("1=1", List.of(), Set.of());

	public static final SqlCondition FALSE = new SqlCondition("1=0", List.of(), Set.of());

	public SqlCondition {
		parameters = List.copyOf(parameters);
		relations = Set.copyOf(relations);
	}

	public static SqlCondition of(String sql, Object... parameters) {
		return new SqlCondition(sql, List.of(parameters), Set.of());
	}

	public SqlCondition and(SqlCondition other) {
		return combine(" AND ", List.of(this, other));
	}

	public static SqlCondition combine(String operator, Collection<SqlCondition> parts) {
		List<Object> parameters = new ArrayList<>();
		Set<String> relations = new LinkedHashSet<>();
		List<String> sql = new ArrayList<>();
		for (SqlCondition part : parts) {
			sql.add("(" + part.sql() + ")");
			parameters.addAll(part.parameters());
			relations.addAll(part.relations());
		}
		return new SqlCondition(String.join(operator, sql), parameters, relations);
	}

	public SqlCondition negate() {
		return new SqlCondition("NOT (" + this.sql + ")", this.parameters, this.relations);
	}

}
