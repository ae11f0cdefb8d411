package org.potentia.platform.web;

import java.util.List;
import java.util.Map;

import org.potentia.platform.NotFoundException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Options for a record picker (an account on a contact's form): the first matches of a
 * search among the records the user may see, as {@code <option>} elements for htmx. A
 * parameter named after a relation's form property ({@code accountId}) keeps only the
 * records linked to that record.
 */
@Controller
class PickerController {

	static final int OPTIONS = 20;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	PickerController(Catalogue catalogue, RecordQueries queries) {
		this.catalogue = catalogue;
		this.queries = queries;
	}

	@GetMapping("/pick/{module}")
	String options(@PathVariable String module, @RequestParam(defaultValue = "") String q,
			@RequestParam Map<String, String> parameters, CurrentUser user, Model model) {
		ModuleDefinition definition = this.catalogue.find(module)
			.filter((candidate) -> candidate.uiPath() != null)
			.orElseThrow(() -> new NotFoundException("module", module));
		SqlCondition filter = SqlCondition.TRUE;
		// The form's other pickers narrow the choice: with an account chosen, only its
		// contacts are offered.
		for (Field field : definition.fields()) {
			String value = field.isRelation() && field.property() != null ? parameters.get(field.property()) : null;
			if (value != null && value.matches("[0-9]{1,18}")) {
				filter = filter.and(SqlCondition.of("t." + field.column() + " = ?", Long.parseLong(value)));
			}
		}
		ListQuery query = new ListQuery(q, filter, null, 1, OPTIONS);
		List<Map<String, Object>> rows = this.queries.list(definition, query, user).rows();
		model.addAttribute("options",
				rows.stream()
					.map((row) -> new Option((Long) row.get("id"), this.queries.displayName(definition, row)))
					.toList());
		return "fragments/picker :: options";
	}

	/**
	 * One option.
	 */
	record Option(long id, String label) {
	}

}
