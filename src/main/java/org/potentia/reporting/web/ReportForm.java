package org.potentia.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.potentia.platform.ValidationException;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportQuery.Column;
import org.potentia.reporting.ReportQuery.DateBucket;
import org.potentia.reporting.ReportQuery.Group;
import org.potentia.reporting.ReportQuery.Order;
import org.potentia.reporting.ReportSchedule;
import org.potentia.reporting.ReportView;
import org.potentia.reporting.SavedReport;
import org.potentia.reporting.SavedReports;

/**
 * The report generator's form: the report's definition as the page edits it (column rows,
 * the filter as text, two group slots, the sort as text), and the name, folder and
 * sharing it is saved with.
 */
public class ReportForm {

	private String module = "potentials";

	private List<ColumnRow> columns = new ArrayList<>();

	private String filter;

	private String group1;

	private String bucket1;

	private String group2;

	private String bucket2;

	private String order;

	private Integer limit;

	private String view = ReportView.TABLE.code();

	private String name;

	private String folder;

	private String sharing = SavedReport.Sharing.PRIVATE.code();

	private String schedule = ReportSchedule.NONE.code();

	private String recipients;

	/**
	 * The version of the saved report the form was opened from: a save over a newer one
	 * is refused.
	 */
	private Long version;

	/**
	 * The form of a saved report.
	 */
	static ReportForm of(SavedReport report, ReportQuery query) {
		ReportForm form = of(query);
		form.view = report.getView().code();
		form.name = report.getName();
		form.folder = report.getFolder();
		form.sharing = report.getSharing().code();
		form.schedule = report.getSchedule().code();
		form.recipients = report.getRecipients();
		form.version = report.getVersion();
		return form;
	}

	/**
	 * What the builder page shows of the saved report it edits: its id and name.
	 */
	static java.util.Map<String, Object> heading(SavedReport report) {
		return java.util.Map.of("id", report.getId(), "name", report.getName());
	}

	static ReportForm of(ReportQuery query) {
		ReportForm form = new ReportForm();
		form.module = query.module();
		for (Column column : query.columns()) {
			ColumnRow row = new ColumnRow();
			row.setExpression(column.expression());
			row.setAggregate((column.aggregate() != null) ? column.aggregate().code() : null);
			row.setAlias(column.alias());
			form.columns.add(row);
		}
		form.filter = query.filter();
		if (!query.groups().isEmpty()) {
			form.group1 = query.groups().get(0).field();
			form.bucket1 = code(query.groups().get(0).bucket());
		}
		if (query.groups().size() > 1) {
			form.group2 = query.groups().get(1).field();
			form.bucket2 = code(query.groups().get(1).bucket());
		}
		List<String> terms = new ArrayList<>();
		query.order().forEach((term) -> terms.add((term.descending() ? "-" : "") + term.field()));
		form.order = String.join(", ", terms);
		form.limit = query.limit();
		return form;
	}

	/**
	 * The report the form describes; blank rows are left out.
	 */
	ReportQuery toQuery() {
		List<Column> result = new ArrayList<>();
		for (ColumnRow row : this.columns) {
			if (row.getExpression() != null && !row.getExpression().isBlank()) {
				result.add(new Column(row.getExpression().trim(), aggregate(row.getAggregate()),
						blankToNull(row.getAlias()), null));
			}
		}
		List<Group> groups = new ArrayList<>();
		if (this.group1 != null && !this.group1.isBlank()) {
			groups.add(new Group(this.group1.trim(), bucket(this.bucket1)));
		}
		if (this.group2 != null && !this.group2.isBlank()) {
			groups.add(new Group(this.group2.trim(), bucket(this.bucket2)));
		}
		List<Order> orders = new ArrayList<>();
		if (this.order != null) {
			for (String term : this.order.split(",")) {
				String name = term.trim();
				if (!name.isEmpty()) {
					boolean descending = name.startsWith("-");
					orders.add(new Order(descending ? name.substring(1).trim() : name, descending));
				}
			}
		}
		return new ReportQuery(this.module, result, blankToNull(this.filter), groups, orders, this.limit);
	}

	/**
	 * The report's name, folder, sharing, view and schedule as saved.
	 * @throws ValidationException for a sharing, view or schedule that the form does not
	 * offer
	 */
	SavedReports.Details details() {
		return new SavedReports.Details(this.name, this.folder,
				offered("sharing", this.sharing, SavedReport.Sharing.values(), SavedReport.Sharing::code), null,
				offered("view", this.view, ReportView.values(), ReportView::code),
				offered("schedule", this.schedule, ReportSchedule.values(), ReportSchedule::code), this.recipients);
	}

	private static <T> T offered(String field, String code, T[] choices, Function<T, String> codeOf) {
		for (T choice : choices) {
			if (codeOf.apply(choice).equals(code)) {
				return choice;
			}
		}
		throw ValidationException.of(field, "report.custom.not_offered", code);
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	/**
	 * Adds blank column rows up to a few, for a page without JavaScript.
	 */
	void padColumns(int blanks) {
		for (int i = 0; i < blanks; i++) {
			this.columns.add(new ColumnRow());
		}
	}

	private static String code(DateBucket bucket) {
		return (bucket != null) ? bucket.code() : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static Aggregate aggregate(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		for (Aggregate aggregate : Aggregate.values()) {
			if (aggregate.code().equals(code)) {
				return aggregate;
			}
		}
		return null;
	}

	private static DateBucket bucket(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return DateBucket.valueOf(code.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public String getModule() {
		return this.module;
	}

	public void setModule(String module) {
		this.module = module;
	}

	public List<ColumnRow> getColumns() {
		return this.columns;
	}

	public void setColumns(List<ColumnRow> columns) {
		this.columns = columns;
	}

	public String getFilter() {
		return this.filter;
	}

	public void setFilter(String filter) {
		this.filter = filter;
	}

	public String getGroup1() {
		return this.group1;
	}

	public void setGroup1(String group1) {
		this.group1 = group1;
	}

	public String getBucket1() {
		return this.bucket1;
	}

	public void setBucket1(String bucket1) {
		this.bucket1 = bucket1;
	}

	public String getGroup2() {
		return this.group2;
	}

	public void setGroup2(String group2) {
		this.group2 = group2;
	}

	public String getBucket2() {
		return this.bucket2;
	}

	public void setBucket2(String bucket2) {
		this.bucket2 = bucket2;
	}

	public String getOrder() {
		return this.order;
	}

	public void setOrder(String order) {
		this.order = order;
	}

	public Integer getLimit() {
		return this.limit;
	}

	public void setLimit(Integer limit) {
		this.limit = limit;
	}

	public String getView() {
		return this.view;
	}

	public void setView(String view) {
		this.view = view;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getFolder() {
		return this.folder;
	}

	public void setFolder(String folder) {
		this.folder = folder;
	}

	public String getSharing() {
		return this.sharing;
	}

	public void setSharing(String sharing) {
		this.sharing = sharing;
	}

	public String getSchedule() {
		return this.schedule;
	}

	public void setSchedule(String schedule) {
		this.schedule = schedule;
	}

	public String getRecipients() {
		return this.recipients;
	}

	public void setRecipients(String recipients) {
		this.recipients = recipients;
	}

	/**
	 * One column row: a field, an aggregate or none, and an optional name.
	 */
	public static class ColumnRow {

		private String expression;

		private String aggregate;

		private String alias;

		public String getExpression() {
			return this.expression;
		}

		public void setExpression(String expression) {
			this.expression = expression;
		}

		public String getAggregate() {
			return this.aggregate;
		}

		public void setAggregate(String aggregate) {
			this.aggregate = aggregate;
		}

		public String getAlias() {
			return this.alias;
		}

		public void setAlias(String alias) {
			this.alias = alias;
		}

	}

}
