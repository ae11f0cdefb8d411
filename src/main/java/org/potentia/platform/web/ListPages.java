package org.potentia.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.PageResult;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.query.Values;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Builds the UI's list pages from request parameters: {@code q} (search), {@code sort},
 * {@code page}, and equality filters on the fields a page allows. Unusable values are
 * ignored rather than failing the page.
 */
@Component
public class ListPages {

	public static final int PAGE_SIZE = 25;

	private final RecordQueries queries;

	public ListPages(RecordQueries queries) {
		this.queries = queries;
	}

	/**
	 * The filter and paging a list request asks for.
	 */
	public ListQuery query(ModuleDefinition module, Map<String, String> parameters, Set<String> filterFields,
			SqlCondition extra) {
		List<SqlCondition> conditions = new ArrayList<>();
		for (String name : filterFields) {
			String value = parameters.get(name);
			if (value == null || value.isBlank()) {
				continue;
			}
			Field field = module.field(name).orElseThrow();
			try {
				conditions.add(SqlCondition.of("t." + field.column() + " = ?", Values.convert(field, value)));
			}
			catch (IllegalArgumentException ex) {
				// An unusable filter value from a hand-edited URL is ignored, not an
				// error page.
			}
		}
		if (extra != null) {
			conditions.add(extra);
		}
		SqlCondition filter = conditions.isEmpty() ? SqlCondition.TRUE : SqlCondition.combine(" AND ", conditions);
		int page = Math.max(1, parse(parameters.get("page"), 1));
		String sort = validSort(module, parameters.get("sort"));
		return new ListQuery(parameters.get("q"), filter, sort, page, PAGE_SIZE);
	}

	public ListView view(ModuleDefinition module, ListQuery query, CurrentUser user, List<String> columns,
			Map<String, String> parameters, String linkField) {
		return view(module, query, user, columns, parameters, linkField, null);
	}

	/**
	 * The list page, for a caller that has counted the records already (with
	 * {@link RecordQueries#totals}).
	 * @param total the number of records matching the query, or null to count them
	 */
	public ListView view(ModuleDefinition module, ListQuery query, CurrentUser user, List<String> columns,
			Map<String, String> parameters, String linkField, Long total) {
		PageResult page = (total != null) ? this.queries.list(module, query, user, total)
				: this.queries.list(module, query, user);
		if (page.rows().isEmpty() && query.page() > 1 && page.total() > 0) {
			// A page past the end (an old link) shows the last page; the total is known.
			ListQuery last = new ListQuery(query.search(), query.filter(), query.sort(), (int) page.pages(),
					query.size());
			page = this.queries.list(module, last, user, page.total());
		}
		List<Field> fields = columns.stream().map((name) -> module.field(name).orElseThrow()).toList();
		Map<String, String> kept = new LinkedHashMap<>();
		parameters.forEach((key, value) -> {
			if (value != null && !value.isBlank() && !key.startsWith("_")) {
				kept.put(key, value);
			}
		});
		String sort = (query.sort() != null) ? query.sort() : module.defaultSort();
		return new ListView(module, fields, page, sort, kept, module.uiPath(), linkField);
	}

	private static String validSort(ModuleDefinition module, String sort) {
		if (sort == null || sort.isBlank()) {
			return null;
		}
		String name = sort.startsWith("-") ? sort.substring(1) : sort;
		return module.field(name).filter(Field::isSortable).isPresent() ? sort : null;
	}

	private static int parse(String text, int fallback) {
		try {
			return (text == null) ? fallback : Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
