package org.potentia.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;

/**
 * A field the report generator offers: the module's own fields and, one level deep, the
 * fields of the records its relations link to ({@code account.city}) and their names
 * ({@code owner.name}). Read from the catalogue, so a new module or field is offered
 * without code here.
 *
 * @param expression what a report column names
 * @param label the label in the user's language
 * @param type the catalogue type name
 * @param filterable whether the filter language can compare it
 * @param options the picklist values, if any
 */
public record FieldChoice(String expression, String label, String type, boolean filterable, List<String> options) {

	public boolean isNumeric() {
		return switch (this.type) {
			case "decimal", "money", "percent" -> true;
			case "integer" -> !"id".equals(this.expression) && !this.expression.endsWith(".id");
			default -> false;
		};
	}

	public boolean isTemporal() {
		return "date".equals(this.type) || "datetime".equals(this.type);
	}

	static List<FieldChoice> of(Catalogue catalogue, ModuleDefinition module, Locale locale) {
		List<FieldChoice> choices = new ArrayList<>();
		for (Field field : module.fields()) {
			choices.add(new FieldChoice(field.name(), catalogue.label(module, field, locale), field.type().schemaName(),
					field.isFilterable(), field.options()));
		}
		for (Field relation : module.fields()) {
			if (!relation.isRelation()) {
				continue;
			}
			ModuleDefinition target = catalogue.find(relation.relationModule()).orElse(null);
			if (target == null) {
				continue;
			}
			String prefix = relation.relationName() + ".";
			String relationLabel = catalogue.label(module, relation, locale);
			if (target.field("name").isEmpty()) {
				choices.add(new FieldChoice(prefix + "name", relationLabel, FieldType.RELATION.schemaName(), false,
						List.of()));
			}
			for (Field field : target.fields()) {
				if ("id".equals(field.name()) || field.type() == FieldType.LONG_TEXT
						|| "version".equals(field.name())) {
					continue;
				}
				choices.add(new FieldChoice(prefix + field.name(),
						relationLabel + ": " + catalogue.label(target, field, locale), field.type().schemaName(),
						field.isFilterable(), field.options()));
			}
		}
		return choices;
	}

}
