package org.potentia.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.web.Cells;
import org.springframework.stereotype.Component;

/**
 * Fills field placeholders into a text: {@code {name}} is a field of the record,
 * {@code {account.name}} a field of the record it links to, and {@code {account}} the
 * linked record's display name. Values are formatted as the pages show them. A
 * placeholder that names no field stays as it is.
 */
@Component
class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)?)\\}");

	private final Catalogue catalogue;

	private final Cells cells;

	Placeholders(Catalogue catalogue, Cells cells) {
		this.catalogue = catalogue;
		this.cells = cells;
	}

	String render(String template, ModuleDefinition module, RecordState record, Locale locale) {
		if (template == null) {
			return "";
		}
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = value(matcher.group(1), module, record, locale).orElse(matcher.group());
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * The placeholders of a text that name no field of the module.
	 */
	List<String> unknown(String template, ModuleDefinition module) {
		List<String> unknown = new ArrayList<>();
		if (template == null) {
			return unknown;
		}
		Matcher matcher = PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (FieldPath.resolve(this.catalogue, module, name).isEmpty() && module.relation(name).isEmpty()) {
				unknown.add(matcher.group());
			}
		}
		return unknown;
	}

	private Optional<String> value(String name, ModuleDefinition module, RecordState record, Locale locale) {
		if (module.relation(name).isPresent()) {
			Object label = record.values().get(module.relation(name).get().name() + RecordQueries.LABEL_SUFFIX);
			return Optional.of((label != null) ? label.toString() : "");
		}
		return FieldPath.resolve(this.catalogue, module, name).map((path) -> {
			Object value = record.get(path);
			return (value != null) ? this.cells.format(path.field(), value, locale) : "";
		});
	}

}
