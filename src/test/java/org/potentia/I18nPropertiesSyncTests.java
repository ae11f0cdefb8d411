package org.potentia;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads exists in English and German: both bundles have the same
 * keys, no value is empty, and every key a template names is in the bundles.
 */
class I18nPropertiesSyncTests {

	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties german = load("messages_de.properties");

		assertThat(german.stringPropertyNames()).as("keys missing in messages_de.properties")
			.containsAll(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).as("keys missing in messages.properties")
			.containsAll(german.stringPropertyNames());
	}

	@Test
	void noValueIsEmpty() throws IOException {
		for (String bundle : Set.of("messages.properties", "messages_de.properties")) {
			Properties messages = load(bundle);
			Set<String> empty = new TreeSet<>();
			messages.stringPropertyNames()
				.stream()
				.filter((key) -> messages.getProperty(key).isBlank())
				.forEach(empty::add);
			assertThat(empty).as("empty values in " + bundle).isEmpty();
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties english = load("messages.properties");
		Set<String> missing = new TreeSet<>();
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
					if (!english.containsKey(matcher.group(1))) {
						missing.add(matcher.group(1) + " (" + template.getFileName() + ")");
					}
				}
			}
		}
		assertThat(used).as("keys found in the templates").hasSizeGreaterThan(20);
		assertThat(missing).as("message keys used in templates but missing from the bundles").isEmpty();
	}

	private static Properties load(String name) throws IOException {
		return PropertiesLoaderUtils.loadProperties(new ClassPathResource(name));
	}

}
