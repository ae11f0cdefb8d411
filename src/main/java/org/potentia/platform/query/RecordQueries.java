package org.potentia.platform.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads any module's records with one SQL statement per page, driven by the catalogue:
 * search, filter, visibility, sort and paging all happen in the database. Each row holds
 * the field values by API name, and the display name of each relation under
 * {@code <field>__label}.
 */
@Component
@Transactional(readOnly = true)
public class RecordQueries {

	public static final String LABEL_SUFFIX = "__label";

	/**
	 * Set to {@code true} under {@code <field>__hidden} when a relation links a record
	 * the user may not see: its label is then null, and pages, exports and the API show
	 * "not visible to you" without a name or a link. The link itself (the id) is kept, so
	 * that a save that did not touch it keeps it.
	 */
	public static final String HIDDEN_SUFFIX = "__hidden";

	/**
	 * The row key of the record's display name.
	 */
	public static final String DISPLAY = "__display";

	private static final String COUNT = "__count";

	/**
	 * Rows fetched per round trip when streaming: the driver holds no more than this many
	 * rows of a large result in memory.
	 */
	static final int STREAM_FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final Catalogue catalogue;

	private final Visibility visibility;

	private final KeptTotals kept;

	public RecordQueries(JdbcClient jdbc, DataSource dataSource, Catalogue catalogue, Visibility visibility,
			KeptTotals kept) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(STREAM_FETCH_SIZE);
		this.catalogue = catalogue;
		this.visibility = visibility;
		this.kept = kept;
	}

	public Catalogue catalogue() {
		return this.catalogue;
	}

	static String relationAlias(String relationName) {
		return "r_" + relationName;
	}

	/**
	 * One page of the records the user may see that match the query.
	 */
	public PageResult list(ModuleDefinition module, ListQuery query, CurrentUser user) {
		SqlCondition where = where(module, query, user);
		List<Map<String, Object>> rows = rows(module, query, where, user);
		// A page that is neither empty nor full is the last one, so it tells the total.
		long total = (!rows.isEmpty() && rows.size() < query.size()) ? query.offset() + rows.size()
				: (query.page() == 1 && rows.isEmpty()) ? 0 : count(module, where);
		return new PageResult(rows, total, query.page(), query.size());
	}

	/**
	 * One page of the records the user may see that match the query, when the total is
	 * known already (from {@link #totals}).
	 */
	public PageResult list(ModuleDefinition module, ListQuery query, CurrentUser user, long total) {
		return new PageResult(rows(module, query, where(module, query, user), user), total, query.page(), query.size());
	}

	/**
	 * The rows of one page, without counting the total.
	 */
	public List<Map<String, Object>> rows(ModuleDefinition module, ListQuery query, CurrentUser user) {
		return rows(module, query, where(module, query, user), user);
	}

	/**
	 * The page in two steps, in one statement: first the ids of the page's rows, found,
	 * sorted and cut by LIMIT and OFFSET on the narrowest data (an index-only scan where
	 * an index has the filter and sort columns); then the columns and the relations'
	 * labels of those rows only. Selecting the whole rows at once makes the database read
	 * and label every row it skips: 25,000 rows with six label look-ups each for page
	 * 1,000.
	 */
	private List<Map<String, Object>> rows(ModuleDefinition module, ListQuery query, SqlCondition where,
			CurrentUser user) {
		String order = String.join(", ", orderBy(module, query.sort()));
		String ids = "SELECT t.id" + from(module, where.relations()) + " WHERE " + where.sql() + " ORDER BY " + order
				+ " LIMIT ? OFFSET ?";
		SqlCondition select = select(module, user);
		String sql = select.sql() + " FROM " + module.table() + " t JOIN (" + ids
				+ ") page_ids ON page_ids.id = t.id ORDER BY " + order;
		List<Object> parameters = new ArrayList<>(select.parameters());
		parameters.addAll(where.parameters());
		parameters.add(query.size());
		parameters.add(query.offset());
		return this.jdbc.sql(sql).params(parameters).query(rowMapper(module)).list();
	}

	/**
	 * A window of the records the user may see that match the filter, with only the given
	 * fields' values (no display names or labels): for feeds that page by offset and
	 * choose their columns, such as the OData feed. One statement with the visibility
	 * rule inside, in one of two shapes. Up to an offset of one window the rows are read
	 * straight in the sort order, so that an index that serves the filter and the order
	 * ends the scan after the window; skipping reads at most as many rows again. Further
	 * on, as a list's page does, the window's ids come first (from indexes alone where
	 * they cover the filter and the order), then only those rows are read.
	 * @param filter a condition over alias {@code t}; the visibility rule is added
	 * @param sort the sort in API syntax, or null for the module's default
	 * @param offset how many matching rows to skip
	 * @param limit how many rows at most
	 * @param fields the fields to read, each a field of the module
	 */
	public List<Map<String, Object>> window(ModuleDefinition module, SqlCondition filter, String sort, long offset,
			int limit, List<Field> fields, CurrentUser user) {
		SqlCondition where = where(module, filter, null, user);
		String order = String.join(", ", orderBy(module, sort));
		List<String> columns = new ArrayList<>();
		for (Field field : fields) {
			columns.add("t." + field.column() + " AS \"" + field.name() + "\"");
		}
		String matching = from(module, where.relations()) + " WHERE " + where.sql() + " ORDER BY " + order
				+ " LIMIT ? OFFSET ?";
		String sql = (offset <= limit) ? "SELECT " + String.join(", ", columns) + matching
				: "SELECT " + String.join(", ", columns) + " FROM " + module.table() + " t JOIN (SELECT t.id" + matching
						+ ") page_ids ON page_ids.id = t.id ORDER BY " + order;
		List<Object> parameters = new ArrayList<>(where.parameters());
		parameters.add(limit);
		parameters.add(offset);
		return this.jdbc.sql(sql).params(parameters).query((rs, rowNum) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 0; i < fields.size(); i++) {
				row.put(fields.get(i).name(), read(rs, i + 1, fields.get(i)));
			}
			return row;
		}).list();
	}

	/**
	 * The first rows of several groups at once, such as the first cards of each board
	 * column, in one statement: for each group a subquery finds its rows' ids, sorted and
	 * cut by LIMIT (one index range, however many records the group holds), the
	 * subqueries are joined by UNION ALL, and then only those rows are read with their
	 * labels.
	 * @param filter a condition over alias {@code t}; the visibility rule is added
	 * @param sort the sort within each group, in API syntax
	 * @param groupField the field whose value makes the groups
	 * @param limits how many rows to read for each group value; groups with none are left
	 * out
	 * @return the rows of each group value given, in the sort order
	 */
	public Map<Long, List<Map<String, Object>>> firstRows(ModuleDefinition module, SqlCondition filter, String sort,
			CurrentUser user, String groupField, Map<Long, Integer> limits) {
		Map<Long, List<Map<String, Object>>> result = new LinkedHashMap<>();
		limits.keySet().forEach((group) -> result.put(group, new ArrayList<>()));
		Field field = module.field(groupField).orElseThrow();
		SqlCondition where = this.visibility.predicate(module, user).and(filter);
		String order = String.join(", ", orderBy(module, sort));
		List<String> parts = new ArrayList<>();
		SqlCondition select = select(module, user);
		List<Object> parameters = new ArrayList<>(select.parameters());
		limits.forEach((group, limit) -> {
			if (limit > 0) {
				parts.add("(SELECT t.id" + from(module, where.relations()) + " WHERE " + where.sql() + " AND t."
						+ field.column() + " = ? ORDER BY " + order + " LIMIT ?)");
				parameters.addAll(where.parameters());
				parameters.add(group);
				parameters.add(limit);
			}
		});
		if (parts.isEmpty()) {
			return result;
		}
		String sql = select.sql() + " FROM " + module.table() + " t JOIN (" + String.join(" UNION ALL ", parts)
				+ ") group_ids ON group_ids.id = t.id ORDER BY " + order;
		for (Map<String, Object> row : this.jdbc.sql(sql).params(parameters).query(rowMapper(module)).list()) {
			result.get(((Number) row.get(field.name())).longValue()).add(row);
		}
		return result;
	}

	/**
	 * Counts and sums grouped by one column, over every record the user may see that
	 * matches the query: board columns and report tables.
	 * @param groupColumn a column of the module's table (alias {@code t})
	 * @param expressions SQL aggregate expressions over alias {@code t}, by result name
	 * @return one map per group, with the group value under {@code "group"}
	 */
	public List<Map<String, Object>> aggregate(ModuleDefinition module, ListQuery query, CurrentUser user,
			String groupColumn, Map<String, String> expressions) {
		SqlCondition where = where(module, query, user);
		List<String> selects = new ArrayList<>();
		selects.add("t." + groupColumn + " AS \"group\"");
		expressions.forEach((name, expression) -> selects.add(expression + " AS \"" + name + "\""));
		String sql = "SELECT " + String.join(", ", selects) + from(module, where.relations()) + " WHERE " + where.sql()
				+ " GROUP BY t." + groupColumn;
		return this.jdbc.sql(sql).params(where.parameters()).query((rs, rowNum) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("group", rs.getObject("group"));
			for (String name : expressions.keySet()) {
				row.put(name, rs.getObject(name));
			}
			return row;
		}).list();
	}

	/**
	 * Every record the user may see that matches the query (search, filter, sort; the
	 * page is ignored), handed over one at a time as the database returns them, so that
	 * an export of half a million rows never holds them all. Runs in one read-only
	 * transaction, which PostgreSQL needs to stream with a cursor.
	 */
	public void stream(ModuleDefinition module, ListQuery query, CurrentUser user,
			Consumer<Map<String, Object>> consumer) {
		SqlCondition where = where(module, query, user);
		SqlCondition select = select(module, user);
		String sql = select.sql() + from(module, where.relations()) + " WHERE " + where.sql() + " ORDER BY "
				+ String.join(", ", orderBy(module, query.sort()));
		List<Object> parameters = new ArrayList<>(select.parameters());
		parameters.addAll(where.parameters());
		RowMapper<Map<String, Object>> mapper = rowMapper(module);
		this.streaming.query(sql, (RowCallbackHandler) (rs) -> consumer.accept(mapper.mapRow(rs, 0)),
				parameters.toArray());
	}

	/**
	 * The ids of the records the user may see whose display name is this text (ignoring
	 * case), at most {@code limit} of them: for values that name a record, such as an
	 * owner's name in a CSV file.
	 */
	public List<Long> idsNamed(ModuleDefinition module, String name, CurrentUser user, int limit) {
		SqlCondition where = this.visibility.predicate(module, user)
			.and(SqlCondition.of("LOWER(" + display(module, "t") + ") = ?", name.trim().toLowerCase()));
		return this.jdbc
			.sql("SELECT t.id FROM " + module.table() + " t WHERE " + where.sql() + " ORDER BY t.id LIMIT " + limit)
			.params(where.parameters())
			.query(Long.class)
			.list();
	}

	/**
	 * How many records the user may see that match the query.
	 */
	public long count(ModuleDefinition module, ListQuery query, CurrentUser user) {
		return count(module, where(module, query, user));
	}

	/**
	 * How many records of the module the user may see, with no filter: the home page's
	 * counts. Where the database keeps counts per owner ({@link KeptTotals}) they are
	 * summed under the visibility rule, a few dozen rows instead of up to a million;
	 * elsewhere the records are counted.
	 */
	public long countVisible(ModuleDefinition module, CurrentUser user) {
		if (module.ownerColumn() == null || !this.kept.counts(module)) {
			return count(module, this.visibility.predicate(module, user));
		}
		SqlCondition where = SqlCondition.of("t.table_name = ?", module.table())
			.and(this.visibility.predicate("t.owner_id", user));
		return this.jdbc.sql("SELECT COALESCE(SUM(t.records), 0) FROM record_counts t WHERE " + where.sql())
			.params(where.parameters())
			.query(Long.class)
			.single();
	}

	/**
	 * Sums of numeric columns over every record the user may see that matches the query:
	 * totals under lists never come from adding up one page.
	 * @param expressions SQL expressions over alias {@code t}, by result name
	 */
	public Map<String, BigDecimal> sums(ModuleDefinition module, ListQuery query, CurrentUser user,
			Map<String, String> expressions) {
		return totals(module, query, user, expressions).sums();
	}

	/**
	 * The count and the sums of numeric columns over every record the user may see that
	 * matches the query, in one pass over the data.
	 * @param expressions SQL expressions over alias {@code t}, by result name
	 */
	public Totals totals(ModuleDefinition module, ListQuery query, CurrentUser user, Map<String, String> expressions) {
		SqlCondition where = where(module, query, user);
		List<String> selects = new ArrayList<>();
		selects.add("COUNT(*) AS \"" + COUNT + "\"");
		expressions
			.forEach((name, expression) -> selects.add("COALESCE(SUM(" + expression + "), 0) AS \"" + name + "\""));
		String sql = "SELECT " + String.join(", ", selects) + from(module, where.relations()) + " WHERE " + where.sql();
		return this.jdbc.sql(sql).params(where.parameters()).query((rs, rowNum) -> {
			Map<String, BigDecimal> sums = new LinkedHashMap<>();
			for (String name : expressions.keySet()) {
				sums.put(name, rs.getBigDecimal(name));
			}
			return new Totals(rs.getLong(COUNT), sums);
		}).single();
	}

	/**
	 * How many records match a list query, and the sums of some of their columns.
	 *
	 * @param count the number of records
	 * @param sums the sums by result name
	 */
	public record Totals(long count, Map<String, BigDecimal> sums) {
	}

	/**
	 * One record, if it exists and the user may see it.
	 */
	public Optional<Map<String, Object>> get(ModuleDefinition module, long id, CurrentUser user) {
		List<Map<String, Object>> rows = getAll(module, List.of(id), user);
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

	/**
	 * The records with these ids that the user may see, in one query.
	 */
	public List<Map<String, Object>> getAll(ModuleDefinition module, Collection<Long> ids, CurrentUser user) {
		if (ids.isEmpty()) {
			return List.of();
		}
		SqlCondition where = this.visibility.predicate(module, user)
			.and(new SqlCondition("t.id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
					new ArrayList<>(ids), Set.of()));
		SqlCondition select = select(module, user);
		String sql = select.sql() + from(module, Set.of()) + " WHERE " + where.sql() + " ORDER BY t.id";
		List<Object> parameters = new ArrayList<>(select.parameters());
		parameters.addAll(where.parameters());
		return this.jdbc.sql(sql).params(parameters).query(rowMapper(module)).list();
	}

	/**
	 * Whether a record exists and the user may see it.
	 */
	public boolean isVisible(ModuleDefinition module, long id, CurrentUser user) {
		SqlCondition where = this.visibility.predicate(module, user).and(SqlCondition.of("t.id = ?", id));
		return this.jdbc.sql("SELECT COUNT(*) FROM " + module.table() + " t WHERE " + where.sql())
			.params(where.parameters())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Loads a record the user may see.
	 * @param find the module repository's look-up by id
	 * @throws NotFoundException if it does not exist or the user may not see it
	 */
	public <E> E requireVisible(ModuleDefinition module, long id, CurrentUser user,
			java.util.function.Function<Long, Optional<E>> find) {
		if (!isVisible(module, id, user)) {
			throw new NotFoundException(module.name(), id);
		}
		return find.apply(id).orElseThrow(() -> new NotFoundException(module.name(), id));
	}

	/**
	 * Deletes a record the user may see, unless records of other modules still link to it
	 * ({@link #refuseIfReferenced}); flushed, so that a constraint fails here.
	 * @return the deleted record
	 * @throws NotFoundException if it does not exist or the user may not see it
	 */
	public <E> E deleteVisible(ModuleDefinition module, long id, CurrentUser user, JpaRepository<E, Long> repository) {
		E record = requireVisible(module, id, user, repository::findById);
		refuseIfReferenced(module, id, user);
		repository.delete(record);
		repository.flush();
		return record;
	}

	/**
	 * Refuses to delete a record that records of other modules still link to. The message
	 * counts them only where the user may see them all; otherwise it says only that other
	 * records still refer to it, so that it tells nothing about records the user may not
	 * see.
	 * @throws ConflictException naming the first module that still refers to it
	 */
	public void refuseIfReferenced(ModuleDefinition module, long id, CurrentUser user) {
		references(module, id).entrySet().stream().findFirst().ifPresent((reference) -> {
			ModuleDefinition other = this.catalogue.get(reference.getKey());
			SqlCondition visible = this.visibility.predicate(other, user);
			List<SqlCondition> links = new ArrayList<>();
			for (Field field : other.fields()) {
				if (field.isRelation() && module.name().equals(field.relationModule())) {
					links.add(SqlCondition.of("t." + field.column() + " = ?", id));
				}
			}
			SqlCondition where = visible.and(SqlCondition.combine(" OR ", links));
			if (count(other, where) < reference.getValue()) {
				throw new ConflictException("error.delete.referenced.hidden");
			}
			throw new ConflictException("error.delete.referenced." + reference.getKey(), reference.getValue());
		});
	}

	/**
	 * How many records of other modules link to this record, by module name, regardless
	 * of who may see them: a delete that would leave them dangling is refused. Read from
	 * the catalogue's relation fields, so new modules are covered without code here.
	 * Records owned through the link ({@link ModuleDefinition#ownerRelation()}, such as
	 * an opportunity's forecast rows) are parts of the record and go with it (their
	 * foreign key cascades), so they never block its delete.
	 */
	public Map<String, Long> references(ModuleDefinition module, long id) {
		Map<String, Long> result = new LinkedHashMap<>();
		for (ModuleDefinition other : this.catalogue.modules()) {
			if (other.archive()) {
				continue;
			}
			for (Field field : other.fields()) {
				if (!field.isRelation() || !module.name().equals(field.relationModule())
						|| field.name().equals(other.ownerRelation())) {
					continue;
				}
				long count = this.jdbc
					.sql("SELECT COUNT(*) FROM " + other.table() + " WHERE " + field.column() + " = ?")
					.param(id)
					.query(Long.class)
					.single();
				if (count > 0) {
					result.merge(other.name(), count, Long::sum);
				}
			}
		}
		return result;
	}

	public String displayName(ModuleDefinition module, Map<String, Object> row) {
		return (String) row.get(DISPLAY);
	}

	/**
	 * The display name of the record a relation field of the module links to, if the user
	 * may see it (a form's picker label); null for no link, or one the user may not see.
	 */
	public String linkedDisplayName(ModuleDefinition module, String relationField, Long id, CurrentUser user) {
		if (id == null) {
			return null;
		}
		return module.field(relationField)
			.filter(Field::isRelation)
			.flatMap((field) -> this.catalogue.find(field.relationModule()))
			.flatMap((target) -> get(target, id, user).map((row) -> displayName(target, row)))
			.orElse(null);
	}

	private SqlCondition where(ModuleDefinition module, ListQuery query, CurrentUser user) {
		return where(module, query.filter(), query.search(), user);
	}

	private SqlCondition where(ModuleDefinition module, SqlCondition filter, String search, CurrentUser user) {
		SqlCondition where = this.visibility.predicate(module, user).and(filter);
		// A filter on a linked record's field (account.name) sees that record only if the
		// user may: a record linked to one they may not see does not match.
		for (String relationName : filter.relations()) {
			ModuleDefinition target = this.catalogue.get(module.relation(relationName).orElseThrow().relationModule());
			if (target.restricted() && !user.isAdmin()) {
				String alias = relationAlias(relationName);
				SqlCondition visible = this.visibility.predicate(target, alias, user);
				where = where.and(new SqlCondition("(" + alias + ".id IS NULL OR " + visible.sql() + ")",
						visible.parameters(), java.util.Set.of(relationName)));
			}
		}
		if (search != null && !search.isBlank() && !module.searchExpressions().isEmpty()) {
			String pattern = "%" + FilterParser.escape(search.trim().toLowerCase()) + "%";
			List<SqlCondition> parts = new ArrayList<>();
			for (String expression : module.searchExpressions()) {
				parts.add(SqlCondition.of(expression.replace("{a}", "t") + " LIKE ? ESCAPE '\\'", pattern));
			}
			where = where.and(SqlCondition.combine(" OR ", parts));
		}
		return where;
	}

	private long count(ModuleDefinition module, SqlCondition where) {
		return this.jdbc.sql("SELECT COUNT(*)" + from(module, where.relations()) + " WHERE " + where.sql())
			.params(where.parameters())
			.query(Long.class)
			.single();
	}

	/**
	 * The select list: the module's columns, its display name, and each relation's label,
	 * which is the linked record's display name only where the user may see that record
	 * (the same rule as for the record itself), else null.
	 */
	private SqlCondition select(ModuleDefinition module, CurrentUser user) {
		List<String> columns = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		for (Field field : module.fields()) {
			columns.add("t." + field.column() + " AS \"" + field.name() + "\"");
			if (field.isRelation()) {
				ModuleDefinition target = this.catalogue.get(field.relationModule());
				SqlCondition visible = this.visibility.predicate(target, "x", user);
				columns.add("(SELECT " + display(target, "x") + " FROM " + target.table() + " x WHERE x.id = t."
						+ field.column() + " AND " + visible.sql() + ") AS \"" + field.name() + LABEL_SUFFIX + "\"");
				parameters.addAll(visible.parameters());
			}
		}
		columns.add(display(module, "t") + " AS \"" + DISPLAY + "\"");
		return new SqlCondition("SELECT " + String.join(", ", columns), parameters, Set.of());
	}

	/**
	 * The display expression, with {@code {lang}} replaced by the user's language (one of
	 * the supported ones, never text from the request).
	 */
	static String display(ModuleDefinition module, String alias) {
		String language = LocaleContextHolder.getLocale().getLanguage();
		return module.display(alias).replace("{lang}", "de".equals(language) ? "de" : "en");
	}

	private String from(ModuleDefinition module, Set<String> relations) {
		StringBuilder from = new StringBuilder(" FROM " + module.table() + " t");
		for (String relationName : relations) {
			Field relation = module.relation(relationName).orElseThrow();
			ModuleDefinition target = this.catalogue.get(relation.relationModule());
			String alias = relationAlias(relationName);
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
	 * Parses {@code name,-created_at} into ORDER BY terms over whitelisted columns,
	 * ending with the id so that paging is stable.
	 */
	List<String> orderBy(ModuleDefinition module, String sort) {
		String effective = (sort == null || sort.isBlank()) ? module.defaultSort() : sort;
		Set<String> terms = new LinkedHashSet<>();
		boolean idSeen = false;
		for (String part : effective.split(",")) {
			String name = part.trim();
			if (name.isEmpty()) {
				continue;
			}
			boolean descending = name.startsWith("-");
			name = descending ? name.substring(1) : name;
			String fieldName = name;
			Field field = module.field(fieldName)
				.filter(Field::isSortable)
				.orElseThrow(() -> new BadQueryException("error.query.sort_field", module.name(), fieldName));
			idSeen |= "id".equals(field.name());
			// No NULLS FIRST/LAST: the database's default order is the one its indexes
			// serve.
			terms.add("t." + field.column() + (descending ? " DESC" : " ASC"));
		}
		if (terms.size() > 5) {
			throw new BadQueryException("error.query.sort_size", 5);
		}
		List<String> result = new ArrayList<>(terms);
		if (!idSeen) {
			result.add("t.id ASC");
		}
		return result;
	}

	private RowMapper<Map<String, Object>> rowMapper(ModuleDefinition module) {
		return (rs, rowNum) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(DISPLAY, rs.getString(DISPLAY));
			for (Field field : module.fields()) {
				row.put(field.name(), read(rs, field));
				if (field.isRelation()) {
					String label = rs.getString(field.name() + LABEL_SUFFIX);
					row.put(field.name() + LABEL_SUFFIX, label);
					if (label == null && row.get(field.name()) != null) {
						row.put(field.name() + HIDDEN_SUFFIX, Boolean.TRUE);
					}
				}
			}
			return row;
		};
	}

	private static Object read(ResultSet rs, Field field) throws SQLException {
		return read(rs, rs.findColumn(field.name()), field);
	}

	/**
	 * A field's value from the result's column at the index (from 1), in the field's Java
	 * type.
	 */
	private static Object read(ResultSet rs, int column, Field field) throws SQLException {
		return switch (field.type()) {
			// Not getObject(column, Long.class): PostgreSQL's driver refuses that for
			// int4 columns (a stage's sort order).
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
