package org.potentia.reporting.odata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The German texts of Olingo's server messages name only keys Olingo has, with the same
 * placeholders as its English texts: a misspelt key would silently fall back to English,
 * a lost placeholder would drop the value the user needs to see. English stays English
 * whatever language the server's JVM runs in.
 */
class OlingoMessagesTests {

	private static final String BUNDLE = "server-core-exceptions-i18n";

	private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");

	@Test
	void everyGermanMessageTranslatesOneOfOlingosWithTheSamePlaceholders() throws IOException {
		ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
		Properties german = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/" + BUNDLE + "_de.properties")) {
			german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(german).hasSizeGreaterThan(80);
		for (String key : german.stringPropertyNames()) {
			assertThat(english.containsKey(key)).as(key).isTrue();
			assertThat(placeholders(german.getProperty(key))).as(key).isEqualTo(placeholders(english.getString(key)));
		}
		assertThat(ResourceBundle.getBundle(BUNDLE, Locale.GERMAN)
			.getString("UriParserSyntaxException.WRONG_VALUE_FOR_SYSTEM_QUERY_OPTION")).startsWith("Die Abfrageoption");
	}

	@Test
	void anEnglishUserGetsEnglishOnAServerThatRunsInGerman() {
		Locale server = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
		try {
			ResourceBundle.clearCache();
			assertThat(ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH)
				.getString("UriParserSyntaxException.WRONG_VALUE_FOR_SYSTEM_QUERY_OPTION"))
				.startsWith("The system query option");
		}
		finally {
			Locale.setDefault(server);
			ResourceBundle.clearCache();
		}
	}

	private static TreeSet<String> placeholders(String text) {
		TreeSet<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
