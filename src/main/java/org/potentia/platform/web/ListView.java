package org.potentia.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.PageResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared list fragment renders: the columns (catalogue fields), one page of
 * rows, and the request's parameters so that sort and page links keep the filters.
 *
 * @param module the module listed
 * @param columns the fields shown, in order
 * @param page the rows and totals
 * @param sort the current sort in API syntax
 * @param parameters the request's list parameters (search, filters)
 * @param path the list's own path
 * @param linkField the field whose cell links to the record's card
 */
public record ListView(ModuleDefinition module, List<Field> columns, PageResult page, String sort,
		Map<String, String> parameters, String path, String linkField) {

	/**
	 * The link to the same list with one parameter changed; changing anything but the
	 * page goes back to page 1.
	 */
	public String with(String name, Object value) {
		Map<String, String> query = new LinkedHashMap<>(this.parameters);
		if (!"page".equals(name)) {
			query.remove("page");
		}
		if (value == null || value.toString().isEmpty()) {
			query.remove(name);
		}
		else {
			query.put(name, value.toString());
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(this.path);
		query.forEach((key, text) -> builder.queryParam(key, "{" + key + "}"));
		return builder.encode().buildAndExpand(query).toUriString();
	}

	/**
	 * The link that sorts by a field: ascending first, descending when already ascending.
	 */
	public String sortLink(String field) {
		return with("sort", field.equals(this.sort) ? "-" + field : field);
	}

	/**
	 * The sort direction of a field in the current sort: "asc", "desc" or null.
	 */
	public String sortDirection(String field) {
		if (field.equals(this.sort)) {
			return "asc";
		}
		return ("-" + field).equals(this.sort) ? "desc" : null;
	}

	public String exportLink() {
		Map<String, String> query = new LinkedHashMap<>(this.parameters);
		query.remove("page");
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(this.path + "/export");
		query.forEach((key, text) -> builder.queryParam(key, "{" + key + "}"));
		return builder.encode().buildAndExpand(query).toUriString();
	}

}
