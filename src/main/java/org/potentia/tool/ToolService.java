package org.potentia.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.BadQueryException;
import org.potentia.platform.query.FilterParser;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The module tools: which ones a record's card offers (active, and the record matches the
 * tool's condition, written in the filter language), where a "create linked record" tool
 * leads, and the admin's changes.
 */
@Service
@Transactional(readOnly = true)
public class ToolService {

	private final ModuleToolRepository tools;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final FilterParser filters;

	ToolService(ModuleToolRepository tools, Catalogue catalogue, RecordQueries queries, FilterParser filters) {
		this.tools = tools;
		this.catalogue = catalogue;
		this.queries = queries;
		this.filters = filters;
	}

	public List<ModuleTool> all() {
		return this.tools.findAllByOrderByModuleAscSortOrderAscIdAsc();
	}

	public ModuleTool get(long id) {
		return this.tools.findById(id).orElseThrow(() -> new NotFoundException("tools", id));
	}

	public ModuleTool byCode(String code) {
		return this.tools.findByCode(code).orElseThrow(() -> new NotFoundException("tools", code));
	}

	/**
	 * The tools a record's card offers the user.
	 */
	public List<ModuleTool> toolsFor(String module, long recordId, CurrentUser user) {
		ModuleDefinition definition = this.catalogue.find(module)
			.orElseThrow(() -> new NotFoundException("module", module));
		List<ModuleTool> offered = new ArrayList<>();
		for (ModuleTool tool : this.tools.findByModuleOrderBySortOrderAscIdAsc(module)) {
			if (tool.isActive() && matches(definition, tool, recordId, user)) {
				offered.add(tool);
			}
		}
		return offered;
	}

	/**
	 * Whether the record is visible to the user and meets the tool's condition.
	 */
	public boolean matches(ModuleDefinition definition, ModuleTool tool, long recordId, CurrentUser user) {
		SqlCondition condition;
		try {
			condition = this.filters.parse(definition, tool.getConditionFilter());
		}
		catch (BadQueryException ex) {
			// A condition that no longer parses (a field was removed) hides the tool.
			return false;
		}
		ListQuery query = new ListQuery(null, condition.and(SqlCondition.of("t.id = ?", recordId)), null, 1, 1);
		return this.queries.count(definition, query, user) > 0;
	}

	/**
	 * Where a "create linked record" tool leads: the target module's new-record form,
	 * prefilled by the tool's mapping from the source record.
	 */
	public String linkedRecordLink(long toolId, long recordId, CurrentUser user) {
		ModuleTool tool = get(toolId);
		ModuleDefinition source = this.catalogue.get(tool.getModule());
		if (!tool.isActive() || tool.isConversion() || !matches(source, tool, recordId, user)) {
			throw new NotFoundException("tools", toolId);
		}
		Map<String, Object> row = this.queries.get(source, recordId, user)
			.orElseThrow(() -> new NotFoundException(source.name(), recordId));
		String targetModule = tool.getTargets().get(0);
		ModuleDefinition target = this.catalogue.get(targetModule);
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(target.uiPath() + "/new");
		Map<String, Object> values = new LinkedHashMap<>();
		for (ToolMapping mapping : tool.mappingsFor(targetModule)) {
			Object value = mapping.isActive() ? mapping.valueFrom(row) : null;
			if (value != null) {
				values.put(mapping.getTargetField(), value);
			}
		}
		values.forEach((name, value) -> link.queryParam(name, "{" + name + "}"));
		return link.encode().buildAndExpand(values).toUriString();
	}

	/**
	 * Changes a tool's settings. The condition must be a filter the source module
	 * understands.
	 * @param version the version the admin's page showed, or null if it does not say
	 * @throws ConflictException if the tool was saved since that version
	 */
	@Transactional
	public void saveTool(long id, Long version, String nameEn, String nameDe, String conditionFilter,
			List<String> targets, boolean createAccount, boolean createContact, boolean deleteLead,
			Long opportunityStageId, boolean active) {
		ModuleTool tool = get(id);
		ConflictException.checkVersion(version, tool.getVersion());
		if (blank(nameEn) || blank(nameDe) || nameEn.length() > 100 || nameDe.length() > 100) {
			throw ValidationException.of("name", "error.list.name");
		}
		String condition = blank(conditionFilter) ? null : conditionFilter.trim();
		if (condition != null) {
			try {
				this.filters.parse(this.catalogue.get(tool.getModule()), condition);
			}
			catch (BadQueryException ex) {
				throw ValidationException.of("condition", "error.tool.condition", ex);
			}
		}
		List<String> validTargets = targets.stream().filter((t) -> this.catalogue.find(t).isPresent()).toList();
		if (validTargets.isEmpty()) {
			throw ValidationException.of("targets", "error.tool.targets");
		}
		tool.define(nameEn.trim(), nameDe.trim(), condition, validTargets, createAccount, createContact, deleteLead,
				opportunityStageId, active);
	}

	/**
	 * Changes one mapping row; the target field must be one the target module may import,
	 * the source a field of the tool's module.
	 */
	@Transactional
	public void saveMapping(long toolId, String targetModule, String targetField, boolean active, boolean editable,
			String sourceField, String fixedValue) {
		ModuleTool tool = get(toolId);
		ModuleDefinition target = this.catalogue.find(targetModule)
			.orElseThrow(() -> ValidationException.of("target", "error.tool.target_field"));
		Field field = target.field(targetField)
			.filter((candidate) -> !candidate.readOnly() || "id".equals(candidate.name()))
			.orElseThrow(() -> ValidationException.of("target", "error.tool.target_field"));
		String source = blank(sourceField) ? null : sourceField.trim();
		if (source != null && this.catalogue.get(tool.getModule()).field(source).isEmpty()) {
			throw ValidationException.of("source", "error.tool.source_field");
		}
		String fixed = blank(fixedValue) ? null : fixedValue;
		if (fixed != null && fixed.length() > 1000) {
			throw ValidationException.of("fixed", "error.tool.fixed_value");
		}
		tool.mapping(targetModule, field.name()).define(active, editable, source, fixed);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
