package org.potentia.platform.query;

/**
 * What a list asks for: a search text, a filter, the sort (API syntax, {@code name,-id})
 * and the page.
 *
 * @param search text the search box matches ("contains", case-insensitive), or null
 * @param filter the compiled filter, or {@link SqlCondition#TRUE}
 * @param sort the sort in API syntax, or null for the module's default
 * @param page the page number, from 1
 * @param size the page size
 */
public record ListQuery(String search, SqlCondition filter, String sort, int page, int size) {

	public static final int MAX_PAGE_SIZE = 500;

	public ListQuery {
		if (page < 1) {
			throw new BadQueryException("error.query.page_number");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadQueryException("error.query.page_size", MAX_PAGE_SIZE);
		}
		filter = (filter != null) ? filter : SqlCondition.TRUE;
	}

	public long offset() {
		return (long) (this.page - 1) * this.size;
	}

}
