package org.potentia.reporting;

import java.util.List;

/**
 * What a report asks for, in the terms of the field catalogue: a module, the columns
 * (fields, linked records' fields, aggregates), a filter in the platform's filter
 * language, up to two groups (dates by bucket), the order and a row limit. The same
 * definition serves the report generator, saved reports, home page widgets and
 * {@code POST /api/v1/reporting}; {@link ReportEngine} turns it into one SQL statement.
 *
 * @param module the API name of the module ({@code potentials})
 * @param columns the columns, in the order of the result
 * @param filter the filter as JSON text of the filter language, or null for all records
 * @param groups up to two fields to group by; none for a plain list
 * @param order the sort, by result field name or column expression
 * @param limit the largest number of rows, or null for the default
 */
public record ReportQuery(String module, List<Column> columns, String filter, List<Group> groups, List<Order> order,
		Integer limit) {

	public ReportQuery {
		columns = (columns != null) ? List.copyOf(columns) : List.of();
		groups = (groups != null) ? List.copyOf(groups) : List.of();
		order = (order != null) ? List.copyOf(order) : List.of();
	}

	/**
	 * Whether the report adds up records (groups or aggregates) rather than listing them.
	 */
	public boolean grouped() {
		return !this.groups.isEmpty() || this.columns.stream().anyMatch((column) -> column.aggregate() != null);
	}

	/**
	 * One column of the result.
	 *
	 * @param expression a field ({@code amount}), a linked record's field
	 * ({@code account.city}) or a linked record's display name ({@code owner.name} where
	 * the linked module has no {@code name} field)
	 * @param aggregate how the grouped records' values are combined, or null for the
	 * value itself (which must then be one of the groups in a grouped report)
	 * @param alias the result field's name, or null for a name made from the expression
	 * @param bucket for a date column that is a group, its bucket; null otherwise
	 */
	public record Column(String expression, Aggregate aggregate, String alias, DateBucket bucket) {

		public Column(String expression, Aggregate aggregate, String alias) {
			this(expression, aggregate, alias, null);
		}

		public static Column of(String expression) {
			return new Column(expression, null, null, null);
		}

		public static Column of(Aggregate aggregate, String expression) {
			return new Column(expression, aggregate, null, null);
		}

	}

	/**
	 * A group: the records with the same value of the field (a date's bucket) make one
	 * row.
	 *
	 * @param field a field or a linked record's field
	 * @param bucket for dates, the period they are grouped by; null for the value itself
	 */
	public record Group(String field, DateBucket bucket) {

		public static Group of(String field) {
			return new Group(field, null);
		}

	}

	/**
	 * One sort term.
	 *
	 * @param field a result field's name (an alias) or a column's expression
	 * @param descending whether the largest comes first
	 */
	public record Order(String field, boolean descending) {
	}

	/**
	 * How a column combines the values of a group's records.
	 */
	public enum Aggregate {

		COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * The period a date is grouped by.
	 */
	public enum DateBucket {

		DAY, WEEK, MONTH, QUARTER, YEAR;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
