package org.potentia.platform.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;

import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.BadQueryException;
import org.potentia.platform.query.FilterParser;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.PageResult;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON:API web service for every module in the catalogue: lists with paging, sort,
 * sparse fieldsets, filter and include; get, create, partial update and delete; the
 * module index and the schema. Reads go through {@link RecordQueries}, writes through the
 * module's {@link RecordWriter} ({@link RecordWriters}), so the rules are the UI's.
 * Documented per module by {@link ApiDocumentation}.
 */
@RestController
@JsonApi
@Hidden
@RequestMapping(path = "/api/v1", produces = { JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
class JsonApiController {

	static final int DEFAULT_PAGE_SIZE = 20;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final FilterParser filters;

	private final ObjectMapper json;

	private final RecordWriters writers;

	JsonApiController(Catalogue catalogue, RecordQueries queries, FilterParser filters, ObjectMapper json,
			RecordWriters writers) {
		this.catalogue = catalogue;
		this.queries = queries;
		this.filters = filters;
		this.json = json;
		this.writers = writers;
	}

	@GetMapping({ "", "/" })
	Map<String, Object> index() {
		Map<String, Object> links = new LinkedHashMap<>();
		for (ModuleDefinition module : this.catalogue.modules()) {
			links.put(module.name(), Map.of("href", Resources.BASE + module.name()));
		}
		return Map.of("links", links, "meta", Map.of("modules", new ArrayList<>(links.keySet())));
	}

	@GetMapping("/schema/{module}")
	Map<String, Object> schema(@PathVariable String module) {
		ModuleDefinition definition = module(module);
		CurrentUser user = CurrentUser.get();
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (Field field : definition.fields()) {
			Map<String, Object> attribute = new LinkedHashMap<>();
			attribute.put("type", field.type().schemaName());
			attribute.put("size", field.size());
			attribute.put("scale", field.scale());
			attribute.put("nullable", !field.required());
			attribute.put("readOnly", field.readOnly());
			attribute.put("defaultValue", null);
			attribute.put("label", this.catalogue.label(definition, field, locale));
			if (!field.options().isEmpty()) {
				attribute.put("options", field.options());
			}
			if (field.isRelation()) {
				attribute.put("relationType", field.relationModule());
				attribute.put("relationName", field.relationName());
			}
			attributes.put(field.name(), attribute);
		}
		Map<String, Object> relations = new LinkedHashMap<>();
		definition.hasMany()
			.forEach((link) -> relations.put(link.name(),
					Map.of("relationType", link.module(), "foreignKey", link.foreignKey())));
		Objects.requireNonNull(user);
		// CRM-service's dialect: the description at the top level, not in a data member.
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("primary-key", "id");
		schema.put("attributes", attributes);
		schema.put("relations", relations);
		return schema;
	}

	@GetMapping("/{module}")
	Map<String, Object> list(@PathVariable String module, @RequestParam Map<String, String> parameters) {
		ModuleDefinition definition = module(module);
		CurrentUser user = CurrentUser.get();
		int page = integer(parameters.get("page[number]"), 1, "page[number]");
		int size = integer(parameters.get("page[size]"), DEFAULT_PAGE_SIZE, "page[size]");
		SqlCondition filter;
		try {
			filter = this.filters.parse(definition, parameters.get("filter"));
		}
		catch (BadQueryException ex) {
			throw ex.inParameter("filter");
		}
		ListQuery query = new ListQuery(parameters.get("q"), filter, parameters.get("sort"), page, size);
		PageResult result = this.queries.list(definition, query, user);
		Set<String> fieldset = fieldset(definition, parameters);
		List<Map<String, Object>> data = result.rows()
			.stream()
			.map((row) -> Resources.of(definition, row, fieldset))
			.toList();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("data", data);
		document.put("meta", Map.of("total", result.total(), "page", result.page(), "page_size", result.size()));
		document.put("links", links(definition, parameters, result));
		List<Map<String, Object>> included = included(definition, result.rows(), parameters.get("include"), user);
		if (included != null) {
			document.put("included", included);
		}
		return document;
	}

	@GetMapping("/{module}/{id}")
	Map<String, Object> get(@PathVariable String module, @PathVariable String id,
			@RequestParam Map<String, String> parameters) {
		ModuleDefinition definition = module(module);
		CurrentUser user = CurrentUser.get();
		Map<String, Object> row = this.queries.get(definition, id(module, id), user)
			.orElseThrow(() -> new NotFoundException(module, id));
		return single(definition, row, parameters, user);
	}

	@PostMapping(path = "/{module}", consumes = { JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Map<String, Object>> create(@PathVariable String module,
			@RequestBody(required = false) String body) {
		ModuleDefinition definition = module(module);
		CurrentUser user = CurrentUser.get();
		requireWritable(module);
		long id = this.writers.create(module, attributes(body, module, null), user, SaveSource.API);
		Map<String, Object> row = written(definition, id, user);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", Resources.BASE + module + "/" + id)
			.body(single(definition, row, Map.of(), user));
	}

	@PatchMapping(path = "/{module}/{id}", consumes = { JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	Map<String, Object> update(@PathVariable String module, @PathVariable String id,
			@RequestBody(required = false) String body) {
		ModuleDefinition definition = module(module);
		CurrentUser user = CurrentUser.get();
		long recordId = id(module, id);
		requireWritable(module);
		this.writers.update(module, recordId, attributes(body, module, id), user, SaveSource.API);
		Map<String, Object> row = written(definition, recordId, user);
		return single(definition, row, Map.of(), user);
	}

	@DeleteMapping("/{module}/{id}")
	ResponseEntity<Void> delete(@PathVariable String module, @PathVariable String id) {
		module(module);
		CurrentUser user = CurrentUser.get();
		long recordId = id(module, id);
		requireWritable(module);
		this.writers.delete(module, recordId, user, SaveSource.API);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The record just written. A user who hands a record to someone outside their view
	 * still gets the answer to their own write, not a 404 that invites a retry.
	 */
	private Map<String, Object> written(ModuleDefinition definition, long id, CurrentUser user) {
		return this.queries.get(definition, id, user)
			.or(() -> this.queries.get(definition, id, CurrentUser.SYSTEM))
			.orElseThrow(() -> new NotFoundException(definition.name(), id));
	}

	private Map<String, Object> single(ModuleDefinition definition, Map<String, Object> row,
			Map<String, String> parameters, CurrentUser user) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("data", Resources.of(definition, row, fieldset(definition, parameters)));
		List<Map<String, Object>> included = included(definition, List.of(row), parameters.get("include"), user);
		if (included != null) {
			document.put("included", included);
		}
		return document;
	}

	/**
	 * The records named by {@code include}, one query per relation, each under the
	 * visibility rule of its own module.
	 */
	private List<Map<String, Object>> included(ModuleDefinition definition, List<Map<String, Object>> rows,
			String include, CurrentUser user) {
		if (include == null || include.isBlank()) {
			return null;
		}
		// JSON:API: each resource at most once in a document, by type and id, whether a
		// relation is named twice, two relations lead to one record, or one leads back to
		// the primary data.
		Set<String> seen = new LinkedHashSet<>();
		rows.forEach((row) -> seen.add(definition.name() + "/" + row.get("id")));
		Set<String> names = new LinkedHashSet<>();
		for (String relationName : include.split(",")) {
			names.add(relationName.trim());
		}
		List<Map<String, Object>> included = new ArrayList<>();
		for (String name : names) {
			Field relation = definition.relation(name)
				.orElseThrow(() -> new BadQueryException("error.query.include", name, definition.name()));
			ModuleDefinition target = this.catalogue.get(relation.relationModule());
			Set<Long> ids = rows.stream()
				.map((row) -> (Long) row.get(relation.name()))
				.filter(Objects::nonNull)
				.filter((id) -> !seen.contains(target.name() + "/" + id))
				.collect(Collectors.toCollection(LinkedHashSet::new));
			for (Map<String, Object> row : this.queries.getAll(target, ids, user)) {
				if (seen.add(target.name() + "/" + row.get("id"))) {
					included.add(Resources.of(target, row, null));
				}
			}
		}
		return included;
	}

	private Map<String, Object> links(ModuleDefinition definition, Map<String, String> parameters, PageResult result) {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("self", pageLink(definition, parameters, result.page()));
		links.put("first", pageLink(definition, parameters, 1));
		if (result.hasPrevious()) {
			links.put("prev", pageLink(definition, parameters, result.page() - 1));
		}
		if (result.hasNext()) {
			links.put("next", pageLink(definition, parameters, result.page() + 1));
		}
		links.put("last", pageLink(definition, parameters, (int) result.pages()));
		return links;
	}

	private String pageLink(ModuleDefinition definition, Map<String, String> parameters, int page) {
		Map<String, String> query = new TreeMap<>(parameters);
		query.put("page[number]", String.valueOf(page));
		query.putIfAbsent("page[size]", String.valueOf(DEFAULT_PAGE_SIZE));
		String encoded = query.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return Resources.BASE + definition.name() + "?" + encoded;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private Set<String> fieldset(ModuleDefinition definition, Map<String, String> parameters) {
		String fields = parameters.get("fields[" + definition.name() + "]");
		if (fields == null || fields.isBlank()) {
			return null;
		}
		Set<String> names = new LinkedHashSet<>();
		for (String name : fields.split(",")) {
			String trimmed = name.trim();
			if (definition.field(trimmed).isEmpty()) {
				throw new BadQueryException("error.query.fields", trimmed, definition.name());
			}
			names.add(trimmed);
		}
		return names;
	}

	private Map<String, Object> attributes(String body, String module, String id) {
		if (body == null || body.isBlank()) {
			throw new BadQueryException("error.query.body_document");
		}
		JsonNode document;
		try {
			document = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new BadQueryException("error.query.body_json");
		}
		JsonNode data = document.get("data");
		if (data == null || !data.isObject()) {
			throw new BadQueryException("error.query.body_data");
		}
		JsonNode type = data.get("type");
		if (type != null && !type.isNull() && !module.equals(type.asString())) {
			throw new TypeConflictException("data.type '" + type.asString() + "' does not match '" + module + "'");
		}
		JsonNode dataId = data.get("id");
		if (id != null && dataId != null && !dataId.isNull() && !id.equals(dataId.asString())) {
			throw new TypeConflictException("data.id '" + dataId.asString() + "' does not match the URL");
		}
		JsonNode attributes = data.get("attributes");
		if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
			throw new BadQueryException("error.query.body_attributes");
		}
		return JsonAttributes.of(attributes);
	}

	private ModuleDefinition module(String module) {
		return this.catalogue.find(module).orElseThrow(() -> new NotFoundException("module", module));
	}

	private void requireWritable(String module) {
		if (!this.writers.canWrite(module)) {
			throw new MethodNotAllowedException(module + " is read-only");
		}
	}

	private static long id(String module, String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException(module, id);
		}
	}

	private static int integer(String value, int fallback, String name) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new BadQueryException("error.query.whole_number", name);
		}
	}

	/**
	 * A write to a module that has no writer.
	 */
	static class MethodNotAllowedException extends RuntimeException {

		MethodNotAllowedException(String message) {
			super(message);
		}

	}

	/**
	 * A document whose type or id contradicts the URL (JSON:API answers 409).
	 */
	static class TypeConflictException extends RuntimeException {

		TypeConflictException(String message) {
			super(message);
		}

	}

}
