package org.potentia.reporting;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.FilterParser;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.potentia.reporting.ReportQuery.DateBucket;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs reports: each run is one SQL statement (see {@link ReportSql}) with the visibility
 * rule of the user inside it, bounded by the caps on columns, groups, filter and rows and
 * by a statement timeout. Used by the report generator, saved reports, home page widgets,
 * exports and {@code POST /api/v1/reporting}.
 */
@Service
public class ReportEngine {

	/**
	 * The longest a report's statement may run, in seconds.
	 */
	public static final int TIMEOUT_SECONDS = 30;

	/**
	 * The caps, for pages that state them.
	 */
	public static final int MAX_COLUMNS = ReportSql.MAX_COLUMNS;

	public static final int MAX_GROUPS = ReportSql.MAX_GROUPS;

	public static final int MAX_ROWS = ReportSql.MAX_ROWS;

	public static final int DEFAULT_ROWS = ReportSql.DEFAULT_ROWS;

	public static final int MAX_EXPORT_ROWS = ReportSql.MAX_EXPORT_ROWS;

	private static final int FETCH_SIZE = 1000;

	private final ReportSql compiler;

	private final Catalogue catalogue;

	private final Visibility visibility;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final boolean postgres;

	private final ObjectMapper json;

	private final MessageSource messages;

	ReportEngine(Catalogue catalogue, FilterParser filters, MessageSource messages, Visibility visibility,
			DataSource dataSource, PlatformTransactionManager transactions, ObjectMapper json)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.compiler = new ReportSql(catalogue, filters, messages, "H2".equalsIgnoreCase(product));
		this.postgres = "PostgreSQL".equalsIgnoreCase(product);
		this.catalogue = catalogue;
		this.visibility = visibility;
		this.messages = messages;
		this.json = json;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setQueryTimeout(TIMEOUT_SECONDS);
		this.streaming.setFetchSize(FETCH_SIZE);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Runs the report as the user: the rows they may see, at most the query's limit.
	 * @throws ReportException if the report cannot be run as asked
	 */
	public ReportResult run(ReportQuery query, CurrentUser user) {
		Locale locale = locale(user);
		ReportSql.Plan plan = this.compiler.compile(query, rule(user), locale, false);
		List<Map<String, Object>> rows = new ArrayList<>();
		query(this.jdbc, plan, (rs) -> rows.add(row(rs, plan, locale)));
		boolean truncated = rows.size() > plan.limit();
		List<Map<String, Object>> kept = truncated ? rows.subList(0, plan.limit()) : rows;
		return new ReportResult(plan.fields(), List.copyOf(kept), truncated);
	}

	/**
	 * The result's fields, without running the report: an export's header.
	 * @throws ReportException if the report cannot be run as asked
	 */
	public List<ReportResult.Field> fields(ReportQuery query, CurrentUser user) {
		return this.compiler.compile(query, rule(user), locale(user), true).fields();
	}

	/**
	 * Runs the report as the user for an export: each row is handed over as the database
	 * returns it (fetched a thousand at a time, never all held), as values in field
	 * order, a linked record shown by its display name and a picklist value by its label.
	 * A plain list gives up to {@link #MAX_EXPORT_ROWS} rows.
	 * @throws ReportException if the report cannot be run as asked
	 */
	public void stream(ReportQuery query, CurrentUser user, Consumer<List<Object>> consumer) {
		Locale locale = locale(user);
		ReportSql.Plan plan = this.compiler.compile(query, rule(user), locale, true);
		query(this.streaming, plan, (rs) -> consumer.accept(displayValues(row(rs, plan, locale), plan)));
	}

	/**
	 * The filter of the records behind one row of a grouped report (a bar, a slice): the
	 * report's filter and, for each group, its value (a date bucket's period). Groups the
	 * filter language cannot name are left out.
	 * @param groupValues the row's values by result field name, as text (dates ISO 8601);
	 * a missing or empty value means "no value"
	 * @return the filter as JSON text
	 */
	public String drillFilter(ReportQuery query, CurrentUser user, Map<String, String> groupValues) {
		ReportSql.Plan plan = this.compiler.compile(query, rule(user), locale(user), false);
		ArrayNode all = this.json.createArrayNode();
		if (query.filter() != null && !query.filter().isBlank()) {
			JsonNode filter = this.json.readTree(query.filter());
			if (!(filter.isArray() && filter.isEmpty()) && !filter.isNull()) {
				all.add(filter);
			}
		}
		for (ReportSql.Output output : plan.outputs()) {
			ReportResult.Field field = output.field();
			if (field.aggregate() != null || output.filterPath() == null || !groupValues.containsKey(field.name())) {
				continue;
			}
			String value = groupValues.get(field.name());
			String path = output.filterPath();
			if (value == null || value.isBlank()) {
				all.add(condition("$is.null", path));
			}
			else if (field.bucket() != null) {
				LocalDate start = LocalDate.parse(value);
				all.add(condition("$gte", path, start.toString()));
				all.add(condition("$lt", path, next(start, field.bucket()).toString()));
			}
			else {
				all.add(condition("$eq", path, value));
			}
		}
		if (all.isEmpty()) {
			return "[]";
		}
		ObjectNode and = this.json.createObjectNode();
		and.set("$and", all);
		return and.toString();
	}

	/**
	 * The module a report reads.
	 * @throws ReportException if there is none of that name
	 */
	public ModuleDefinition module(String name) {
		return this.catalogue.find(name)
			.orElseThrow(() -> new ReportException("error.report.unknown_module", "/module", name));
	}

	/**
	 * The text of a report problem in the user's language.
	 */
	public String message(ReportException problem, Locale locale) {
		return this.messages.getMessage(problem.getMessageKey(), problem.getArguments(), problem.getMessageKey(),
				locale);
	}

	private ObjectNode condition(String operator, String path, String... values) {
		ObjectNode node = this.json.createObjectNode();
		ArrayNode arguments = node.putArray(operator);
		arguments.add(path);
		for (String value : values) {
			arguments.add(value);
		}
		return node;
	}

	private static LocalDate next(LocalDate start, DateBucket bucket) {
		return switch (bucket) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
			case YEAR -> start.plusYears(1);
		};
	}

	private ReportSql.VisibilityRule rule(CurrentUser user) {
		return new ReportSql.VisibilityRule() {

			@Override
			public SqlCondition of(ModuleDefinition module, String alias) {
				return ReportEngine.this.visibility.predicate(module, alias, user);
			}

			@Override
			public boolean seesAll() {
				return user.isAdmin();
			}

		};
	}

	private static Locale locale(CurrentUser user) {
		return (user.locale() != null && !user.locale().isBlank()) ? Locale.forLanguageTag(user.locale())
				: LocaleContextHolder.getLocale();
	}

	/**
	 * Runs the plan's statement in a read-only transaction, on PostgreSQL with a plan
	 * made for this run's values. The filter's values are bound parameters, and after
	 * five runs of the same text PostgreSQL may keep a generic plan that does not know
	 * them: for a year of a million opportunities that plan walked an index in 485 ms
	 * where the parallel scan takes 220 ms (docs/benchmarks.md). Planning a report afresh
	 * costs well under a millisecond.
	 */
	private void query(JdbcTemplate template, ReportSql.Plan plan, RowCallbackHandler handler) {
		execute(() -> this.readOnly.executeWithoutResult((status) -> {
			if (this.postgres) {
				template.execute("SET LOCAL plan_cache_mode = force_custom_plan");
			}
			template.query(plan.sql(), handler, plan.parameters().toArray());
		}));
	}

	private void execute(Runnable statement) {
		try {
			statement.run();
		}
		catch (QueryTimeoutException ex) {
			throw new ReportException("error.report.timeout", "", TIMEOUT_SECONDS);
		}
		catch (DataAccessException ex) {
			if (isTimeout(ex)) {
				throw new ReportException("error.report.timeout", "", TIMEOUT_SECONDS);
			}
			if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("22")) {
				// SQL's "data exception": a value the database cannot compare, such as a
				// regular expression its dialect lacks.
				throw new ReportException("error.report.bad_value", "/filter");
			}
			throw ex;
		}
	}

	private static boolean isTimeout(DataAccessException ex) {
		return ex.getMostSpecificCause() instanceof SQLException sql && "57014".equals(sql.getSQLState());
	}

	private Map<String, Object> row(ResultSet rs, ReportSql.Plan plan, Locale locale) throws SQLException {
		Map<String, Object> row = new LinkedHashMap<>();
		List<ReportSql.Output> outputs = plan.outputs();
		for (int i = 0; i < outputs.size(); i++) {
			ReportSql.Output output = outputs.get(i);
			String name = output.field().name();
			Object value = read(rs, "c" + i, output.kind());
			row.put(name, value);
			if (output.labelled()) {
				row.put(name + ReportResult.LABEL_SUFFIX, rs.getString("l" + i));
			}
			else if (output.kind() == FieldType.PICKLIST && output.catalogueField() != null && value != null) {
				row.put(name + ReportResult.LABEL_SUFFIX,
						this.catalogue.optionLabel(output.catalogueField(), value.toString(), locale));
			}
		}
		if (plan.plain()) {
			row.put("__id", rs.getLong("id_"));
		}
		return row;
	}

	private static List<Object> displayValues(Map<String, Object> row, ReportSql.Plan plan) {
		List<Object> values = new ArrayList<>();
		for (ReportSql.Output output : plan.outputs()) {
			String name = output.field().name();
			if (row.containsKey(name + ReportResult.LABEL_SUFFIX)) {
				values.add(row.get(name + ReportResult.LABEL_SUFFIX));
			}
			else {
				values.add(row.get(name));
			}
		}
		return values;
	}

	private static Object read(ResultSet rs, String column, FieldType kind) throws SQLException {
		return switch (kind) {
			case ID, RELATION, INTEGER -> {
				long value = rs.getLong(column);
				yield rs.wasNull() ? null : value;
			}
			case DECIMAL, MONEY, PERCENT -> rs.getBigDecimal(column);
			case DATE -> rs.getObject(column, LocalDate.class);
			case DATETIME -> rs.getObject(column, OffsetDateTime.class);
			case BOOLEAN -> rs.getObject(column, Boolean.class);
			default -> rs.getString(column);
		};
	}

}
