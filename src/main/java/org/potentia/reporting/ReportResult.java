package org.potentia.reporting;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link ReportQuery}: the result's fields and its rows, each row a map
 * from field name to value (Long, BigDecimal, LocalDate, OffsetDateTime, Boolean or
 * String). A relation column's row also holds the linked record's display name under
 * {@code <name>__label} (null where the user may not see it).
 *
 * @param fields the fields, in column order
 * @param rows the rows
 * @param truncated whether more rows matched than the limit let through
 */
public record ReportResult(List<Field> fields, List<Map<String, Object>> rows, boolean truncated) {

	public static final String LABEL_SUFFIX = "__label";

	public ReportResult(List<Field> fields, List<Map<String, Object>> rows) {
		this(fields, rows, false);
	}

	/**
	 * One field of the result.
	 *
	 * @param name the name rows are keyed by
	 * @param label the column heading in the user's language
	 * @param type the catalogue's type name ({@code money}, {@code date},
	 * {@code integer}, {@code relation}, {@code enum}, …)
	 * @param expression the column's field or linked field
	 * @param aggregate the aggregate, or null for a value or group
	 * @param bucket the date bucket of a group, or null
	 */
	public record Field(String name, String label, String type, String expression, ReportQuery.Aggregate aggregate,
			ReportQuery.DateBucket bucket) {

		public Field(String name, String label, String type) {
			this(name, label, type, null, null, null);
		}

		public boolean isRelation() {
			return "relation".equals(this.type);
		}

		/**
		 * Whether the field is a linked record's display name ({@code owner.name}): its
		 * rows hold the link's id, by which it is grouped and sorted, with the name as
		 * its label. (A linked record's own field called {@code name}, such as
		 * {@code account.name}, is text, not a relation.)
		 */
		public boolean isLinkedName() {
			return isRelation() && this.expression != null && this.expression.endsWith(".name");
		}

		public boolean isNumeric() {
			return this.aggregate != null || switch (this.type) {
				case "integer", "decimal", "money", "percent" -> true;
				default -> false;
			};
		}

	}

}
