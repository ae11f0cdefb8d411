package org.potentia.platform;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.potentia.platform.security.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The codes of the save sources are stored on history rows and in saved events, so they
 * never change: rows and events written before a change still read.
 */
class SaveSourceTests {

	@Test
	void theStoredCodesStayAsTheyAre() {
		assertThat(SaveSource.codes()).containsExactly("form", "board", "api", "import", "workflow", "conversion",
				"web_form");
	}

	@Test
	void everyCodeReadsBackAsItsSource() {
		for (SaveSource source : SaveSource.values()) {
			assertThat(SaveSource.of(source.code())).isEqualTo(source);
		}
	}

	@Test
	void anUnknownCodeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SaveSource.of("WEB_FORM"));
		assertThatIllegalArgumentException().isThrownBy(() -> SaveSource.of(null));
	}

	@Test
	void aSavedEventKeepsTheCodeInItsJson() {
		JsonMapper json = JsonMapper.builder().build();
		RecordSaved saved = new RecordSaved("leads", 7, null, java.util.Map.of(), CurrentUser.SYSTEM,
				SaveSource.WEB_FORM, UUID.randomUUID());

		String written = json.writeValueAsString(saved);

		assertThat(json.readTree(written).path("source").asString()).isEqualTo("web_form");
		assertThat(json.readValue(written.replace("\"web_form\"", "\"workflow\""), RecordSaved.class).byWorkflow())
			.isTrue();
	}

}
