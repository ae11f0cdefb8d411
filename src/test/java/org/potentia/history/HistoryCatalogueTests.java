package org.potentia.history;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.Field;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history row's source is one of the save sources: the API filter offers each, and the
 * timeline names each in both languages.
 */
class HistoryCatalogueTests {

	@Test
	void theSourceOptionsAreTheSaveSources() {
		Field source = new HistoryCatalogue().potentialHistoryModule().field("source").orElseThrow();

		assertThat(source.options()).containsExactlyElementsOf(SaveSource.codes());
	}

	@Test
	void everySourceHasALabel() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_de.properties" }) {
			Properties messages = PropertiesLoaderUtils.loadProperties(new ClassPathResource(bundle));
			for (String code : SaveSource.codes()) {
				assertThat(messages.getProperty("history.source." + code)).as(bundle + " " + code).isNotBlank();
			}
		}
	}

}
