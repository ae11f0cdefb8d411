package org.potentia.reporting.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.web.Cells;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportResult;

/**
 * A report's result as the page shows it: headings, rows of formatted cells, group
 * subtotals and a grand total, and for each row the data the chart is drawn from and the
 * link to the records behind it. Subtotals and the total combine the rows' figures the
 * way their aggregate allows (sums and counts add up, minimum and maximum compare); an
 * average or a distinct count cannot be combined from its groups and stays empty.
 *
 * @param headings the column headings
 * @param numeric which columns hold numbers (right-aligned)
 * @param rows the rows, subtotals and total included
 * @param groups how many groups the report has
 * @param measures the headings of the aggregate columns, which the chart plots
 * @param truncated whether more rows matched than the limit
 */
public record ReportTable(List<String> headings, List<Boolean> numeric, List<Row> rows, int groups,
		List<String> measures, boolean truncated) {

	/**
	 * One row of the table.
	 *
	 * @param kind {@code row}, {@code subtotal} or {@code total}
	 * @param cells the formatted cells
	 * @param group1 the first group's label (chart category)
	 * @param group2 the second group's label (chart series)
	 * @param values the aggregate figures as plain numbers, separated by {@code |}
	 * @param href the link to the records behind the row, or null
	 */
	public record Row(String kind, List<String> cells, String group1, String group2, String values, String href) {
	}

	static ReportTable of(ReportResult result, ReportQuery query, Cells cells, Locale locale, String hiddenText,
			Function<Map<String, Object>, String> link) {
		List<ReportResult.Field> fields = result.fields();
		List<String> headings = fields.stream().map(ReportResult.Field::label).toList();
		List<Boolean> numeric = fields.stream().map(ReportTable::isNumber).toList();
		List<Integer> groupColumns = new ArrayList<>();
		List<Integer> measureColumns = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).aggregate() != null) {
				measureColumns.add(i);
			}
			else if (query.grouped()) {
				groupColumns.add(i);
			}
		}
		List<String> measures = measureColumns.stream().map((i) -> fields.get(i).label()).toList();
		int groups = query.groups().size();
		boolean subtotals = groups == 2 && !measureColumns.isEmpty() && !result.truncated()
				&& (query.order().isEmpty()
						|| fields.get(groupColumns.get(0)).name().equals(query.order().get(0).field())
						|| Objects.equals(fields.get(groupColumns.get(0)).expression(), query.order().get(0).field()));
		List<Row> rows = new ArrayList<>();
		Object[] subtotal = null;
		Object currentGroup = null;
		String currentLabel = null;
		Object[] total = new Object[fields.size()];
		for (Map<String, Object> row : result.rows()) {
			List<String> cellTexts = new ArrayList<>();
			for (ReportResult.Field field : fields) {
				cellTexts.add(format(field, row, cells, locale, hiddenText));
			}
			String group1 = (groupColumns.size() > 0) ? cellTexts.get(groupColumns.get(0)) : null;
			String group2 = (groupColumns.size() > 1) ? cellTexts.get(groupColumns.get(1)) : null;
			if (subtotals) {
				Object key = row.get(fields.get(groupColumns.get(0)).name());
				if (subtotal != null && !Objects.equals(key, currentGroup)) {
					rows.add(combined("subtotal", subtotal, fields, groupColumns, currentLabel, cells, locale));
					subtotal = null;
				}
				if (subtotal == null) {
					subtotal = new Object[fields.size()];
				}
				currentGroup = key;
				currentLabel = group1;
				combine(subtotal, row, fields);
			}
			combine(total, row, fields);
			List<String> values = new ArrayList<>();
			for (int i : measureColumns) {
				Object value = row.get(fields.get(i).name());
				values.add((value != null) ? value.toString() : "0");
			}
			rows.add(new Row("row", cellTexts, group1, group2, String.join("|", values), link.apply(row)));
		}
		if (subtotal != null) {
			rows.add(combined("subtotal", subtotal, fields, groupColumns, currentLabel, cells, locale));
		}
		if (query.grouped() && !measureColumns.isEmpty() && result.rows().size() > 1 && !result.truncated()) {
			rows.add(combined("total", total, fields, groupColumns, null, cells, locale));
		}
		return new ReportTable(headings, numeric, rows, groups, measures, result.truncated());
	}

	private static boolean isNumber(ReportResult.Field field) {
		return field.aggregate() != null || switch (field.type()) {
			case "integer", "decimal", "money", "percent" -> !field.isRelation() && field.bucket() == null;
			default -> false;
		};
	}

	private static void combine(Object[] into, Map<String, Object> row, List<ReportResult.Field> fields) {
		for (int i = 0; i < fields.size(); i++) {
			ReportResult.Field field = fields.get(i);
			Aggregate aggregate = field.aggregate();
			Object value = row.get(field.name());
			if (aggregate == null || value == null) {
				continue;
			}
			Object current = into[i];
			into[i] = switch (aggregate) {
				case SUM, COUNT -> (current == null) ? value : add(current, value);
				case MIN -> (current == null || compare(value, current) < 0) ? value : current;
				case MAX -> (current == null || compare(value, current) > 0) ? value : current;
				default -> null;
			};
		}
	}

	private static Object add(Object a, Object b) {
		if (a instanceof Long x && b instanceof Long y) {
			return x + y;
		}
		return new BigDecimal(a.toString()).add(new BigDecimal(b.toString()));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Object a, Object b) {
		if (a instanceof Number && b instanceof Number) {
			return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
		}
		return ((Comparable) a).compareTo(b);
	}

	private static Row combined(String kind, Object[] figures, List<ReportResult.Field> fields,
			List<Integer> groupColumns, String label, Cells cells, Locale locale) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			ReportResult.Field field = fields.get(i);
			if (field.aggregate() == null) {
				texts.add((!groupColumns.isEmpty() && i == groupColumns.get(0) && label != null) ? label : "");
			}
			else {
				texts.add((figures[i] != null) ? formatValue(field, figures[i], cells, locale) : "");
			}
		}
		return new Row(kind, texts, label, null, "", null);
	}

	static String format(ReportResult.Field field, Map<String, Object> row, Cells cells, Locale locale,
			String hiddenText) {
		Object value = row.get(field.name());
		if (row.containsKey(field.name() + ReportResult.LABEL_SUFFIX)) {
			Object label = row.get(field.name() + ReportResult.LABEL_SUFFIX);
			if (label == null && value != null) {
				return hiddenText;
			}
			return (label != null) ? label.toString() : "";
		}
		return formatValue(field, value, cells, locale);
	}

	private static String formatValue(ReportResult.Field field, Object value, Cells cells, Locale locale) {
		if (value == null) {
			return "";
		}
		if (field.aggregate() == Aggregate.COUNT || field.aggregate() == Aggregate.COUNT_DISTINCT) {
			return NumberFormat.getIntegerInstance(locale).format(value);
		}
		if (field.bucket() != null && value instanceof LocalDate date) {
			return switch (field.bucket()) {
				case YEAR -> String.valueOf(date.getYear());
				case QUARTER -> Cells.quarter(date);
				case MONTH -> cells.month(YearMonth.from(date), locale);
				default -> cells.date(date, locale);
			};
		}
		FieldType type = FieldType.TEXT;
		for (FieldType candidate : FieldType.values()) {
			if (candidate.schemaName().equals(field.type())) {
				type = candidate;
				break;
			}
		}
		if (value instanceof OffsetDateTime || value instanceof LocalDate || value instanceof BigDecimal
				|| value instanceof Boolean) {
			return cells.format(Field.of(field.name(), type).build(), value, locale);
		}
		if (value instanceof Number number && (type == FieldType.INTEGER || type == FieldType.ID)) {
			return NumberFormat.getIntegerInstance(locale).format(number);
		}
		return value.toString();
	}

}
