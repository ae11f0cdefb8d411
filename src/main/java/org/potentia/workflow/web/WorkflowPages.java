package org.potentia.workflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.platform.Messages;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.tool.ModuleTool;
import org.potentia.workflow.FieldPath;
import org.potentia.workflow.WorkflowAction;
import org.potentia.workflow.WorkflowCondition;
import org.potentia.workflow.WorkflowService;
import org.springframework.stereotype.Component;

/**
 * What the workflow admin pages show, in the admin's words: field paths as labels
 * (Account \u203a Type), values as the option or record they name, actions as a line of
 * text, and the choices of the pickers.
 */
@Component
class WorkflowPages {

	private static final String SEPARATOR = " \u203a ";

	private final WorkflowService workflows;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final Messages messages;

	private final IdentityService identity;

	WorkflowPages(WorkflowService workflows, Catalogue catalogue, RecordQueries queries, Messages messages,
			IdentityService identity) {
		this.identity = identity;
		this.workflows = workflows;
		this.catalogue = catalogue;
		this.queries = queries;
		this.messages = messages;
	}

	/**
	 * The input that suits a field: a list for picklists, yes/no, and relations to short
	 * lists; a date input for dates; a number input for numbers; else text.
	 */
	ValueInput valueInput(String module, FieldPath path, Locale locale) {
		Field field = path.field();
		List<Choice> choices = new ArrayList<>();
		String kind = "text";
		if (field.type() == FieldType.PICKLIST) {
			kind = "select";
			field.options()
				.forEach(
						(option) -> choices.add(new Choice(option, this.catalogue.optionLabel(field, option, locale))));
		}
		else if (field.type() == FieldType.BOOLEAN) {
			kind = "select";
			choices.add(new Choice("true", this.messages.get("yes")));
			choices.add(new Choice("false", this.messages.get("no")));
		}
		else if (field.type() == FieldType.DATE) {
			kind = "date";
		}
		else if (field.type().isNumeric()) {
			kind = "number";
		}
		if (field.isRelation()) {
			List<Choice> records = relationChoices(module, field);
			if (!records.isEmpty()) {
				kind = "select";
				choices.addAll(records);
			}
		}
		return new ValueInput(kind, choices);
	}

	/**
	 * The records a relation to a short list (stages, business areas, lost reasons,
	 * users) can point at; empty for relations to whole modules (accounts), whose id is
	 * typed.
	 */
	List<Choice> relationChoices(String module, Field relation) {
		ModuleDefinition target = this.catalogue.get(relation.relationModule());
		if (target.uiPath() != null) {
			return List.of();
		}
		SqlCondition filter = target.field("module").isPresent() ? SqlCondition.of("t.module = ?", module)
				: SqlCondition.TRUE;
		List<Choice> choices = new ArrayList<>();
		for (Map<String, Object> row : this.queries.rows(target, new ListQuery(null, filter, null, 1, 500),
				CurrentUser.SYSTEM)) {
			choices.add(new Choice(String.valueOf(row.get("id")), String.valueOf(row.get(RecordQueries.DISPLAY))));
		}
		return choices;
	}

	List<Choice> users() {
		return this.identity.allUsers()
			.stream()
			.filter(User::isActive)
			.map((user) -> new Choice(String.valueOf(user.getId()),
					user.getDisplayName() + " (" + user.getUsername() + ")"))
			.toList();
	}

	List<Choice> options(String module, List<FieldPath> paths, Locale locale) {
		return paths.stream().map((path) -> new Choice(path.path(), label(module, path, locale))).toList();
	}

	String label(String module, FieldPath path, Locale locale) {
		ModuleDefinition definition = this.catalogue.get(module);
		if (!path.isLinked()) {
			return this.catalogue.label(definition, path.field(), locale);
		}
		return this.catalogue.label(definition, path.relation(), locale) + SEPARATOR
				+ this.catalogue.label(path.target(), path.field(), locale);
	}

	String label(String module, String fieldPath, Locale locale) {
		return FieldPath.resolve(this.catalogue, this.catalogue.get(module), fieldPath)
			.map((path) -> label(module, path, locale))
			.orElse(fieldPath);
	}

	/**
	 * A value as the admin knows it: the option's label, the linked record's name.
	 */
	String valueLabel(String module, String fieldPath, String value, Locale locale) {
		if (value == null) {
			return "";
		}
		Optional<FieldPath> path = FieldPath.resolve(this.catalogue, this.catalogue.get(module), fieldPath);
		if (path.isEmpty()) {
			return value;
		}
		Field field = path.get().field();
		if (field.type() == FieldType.PICKLIST) {
			return this.catalogue.optionLabel(field, value, locale);
		}
		if (field.isRelation() && value.matches("\\d{1,18}")) {
			return this.queries
				.get(this.catalogue.get(field.relationModule()), Long.parseLong(value), CurrentUser.SYSTEM)
				.map((row) -> String.valueOf(row.get(RecordQueries.DISPLAY)))
				.orElse(value);
		}
		return value;
	}

	ConditionRow conditionRow(String module, WorkflowCondition condition, Locale locale) {
		return new ConditionRow(condition.getId(), label(module, condition.getField(), locale),
				this.messages.get("workflow.operator." + condition.getOperator().code()),
				valueLabel(module, condition.getField(), condition.getValue(), locale));
	}

	ActionRow actionRow(String module, WorkflowAction action, Locale locale) {
		String summary = switch (action.getType()) {
			case SET_FIELD -> label(module, action.getField(), locale) + " = " + switch (action.getValueSource()) {
				case FIXED -> (action.getValue() != null)
						? "\u201c" + valueLabel(module, action.getField(), action.getValue(), locale) + "\u201d"
						: this.messages.get("workflow.value.empty");
				case FIELD -> label(module, action.getValue(), locale);
				case DATE_PLUS -> this.messages.get(
						"workflow.value.date_plus_summary", (action.getValue() != null)
								? label(module, action.getValue(), locale) : this.messages.get("workflow.value.today"),
						action.getDays());
			};
			case RUN_TOOL -> this.workflows.tools(module)
				.stream()
				.filter((tool) -> tool.getCode().equals(action.getToolCode()))
				.map((ModuleTool tool) -> tool.name(locale))
				.findFirst()
				.orElse(action.getToolCode());
			case SEND_EMAIL -> action.getRecipients() + ": " + action.getSubject();
			case NOTIFY -> ((action.getUserId() != null) ? userName(action.getUserId())
					: this.messages.get("workflow.notify.owner")) + ": " + action.getBody();
			case WEBHOOK -> "POST " + action.getUrl();
		};
		return new ActionRow(action.getId(), this.messages.get("workflow.action." + action.getType().code()), summary);
	}

	String userName(long id) {
		return this.identity.findUser(id).map(User::getDisplayName).orElse(String.valueOf(id));
	}

	List<String> placeholderExamples(String module) {
		List<String> examples = new ArrayList<>();
		ModuleDefinition definition = this.catalogue.get(module);
		definition.field("name").ifPresent((field) -> examples.add("{name}"));
		definition.field("last_name").ifPresent((field) -> examples.add("{last_name}"));
		definition.relation("account").ifPresent((field) -> examples.add("{account.name}"));
		definition.relation("owner").ifPresent((field) -> examples.add("{owner.email}"));
		return examples;
	}

	/**
	 * A value to pick and its label.
	 */
	record Choice(String value, String label) {
	}

	/**
	 * A condition as the edit page lists it.
	 */
	record ConditionRow(long id, String field, String operator, String value) {
	}

	/**
	 * An action as the edit page lists it.
	 */
	record ActionRow(long id, String type, String summary) {
	}

	/**
	 * The kind of input a value needs (text, number, date, select) and the choices of a
	 * select.
	 */
	record ValueInput(String kind, List<Choice> choices) {
	}

}
