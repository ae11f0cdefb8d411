package org.potentia.platform.catalogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * All modules' field definitions, collected from the {@link ModuleDefinition} beans, and
 * the labels of their fields in the user's language.
 */
@Component
public class Catalogue {

	private final Map<String, ModuleDefinition> modules = new LinkedHashMap<>();

	private final MessageSource messages;

	public Catalogue(List<ModuleDefinition> definitions, MessageSource messages) {
		definitions.forEach((definition) -> this.modules.put(definition.name(), definition));
		this.messages = messages;
	}

	public Optional<ModuleDefinition> find(String module) {
		return Optional.ofNullable(this.modules.get(module));
	}

	public ModuleDefinition get(String module) {
		return find(module).orElseThrow(() -> new IllegalArgumentException("No module " + module));
	}

	public Collection<ModuleDefinition> modules() {
		return this.modules.values();
	}

	/**
	 * The label of a field: {@code field.{module}.{name}} if the bundle has it, else the
	 * shared {@code field.{name}}.
	 */
	public String label(ModuleDefinition module, Field field, Locale locale) {
		String specific = this.messages.getMessage("field." + module.name() + "." + field.name(), null, null, locale);
		if (specific != null) {
			return specific;
		}
		return this.messages.getMessage("field." + field.name(), null, field.name(), locale);
	}

	/**
	 * The label of a picklist value: {@code option.{field}.{value}}.
	 */
	public String optionLabel(Field field, String value, Locale locale) {
		if (value == null) {
			return "";
		}
		return this.messages.getMessage("option." + field.name() + "." + value, null, value, locale);
	}

}
