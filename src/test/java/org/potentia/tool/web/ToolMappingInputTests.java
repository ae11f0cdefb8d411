package org.potentia.tool.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.potentia.tool.ModuleTool;
import org.potentia.tool.ToolService;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.WebSession;
import org.potentia.testing.WebSession.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module tool's mapping posted with a target module that is no module (issue 11): over
 * real HTTP, so that a line break that would reach the Location header shows; the admin
 * is sent back to the tool with the message and nothing is saved.
 */
@PotentiaTest
class ToolMappingInputTests {

	@Autowired
	People people;

	@Autowired
	ToolService tools;

	@Value("${local.server.port}")
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "\r\n", "contacts\r\nSet-Cookie: x=y", "", "\u0000", "#top" })
	void anOddTargetModuleIsRefusedWithAMessage(String targetModule) {
		ModuleTool tool = this.tools.byCode(ModuleTool.CONVERT_LEAD);
		WebSession session = WebSession.signIn(this.port, this.people.admin());
		String page = "/admin/tools/" + tool.getId();
		String csrf = WebSession.csrfToken(session.get(page).body());

		Answer answer = session.postForm(page + "/mappings",
				List.of(Map.entry("_csrf", csrf), Map.entry("targetModule", targetModule),
						Map.entry("targetField", "name"), Map.entry("active", "true")));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith(page);
		assertThat(session.get(page).body()).contains("This field cannot be filled by a tool.");
		assertThat(this.tools.byCode(ModuleTool.CONVERT_LEAD).mappingsFor(targetModule)).isEmpty();
	}

}
