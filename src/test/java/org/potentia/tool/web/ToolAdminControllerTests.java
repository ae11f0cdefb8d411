package org.potentia.tool.web;

import org.junit.jupiter.api.Test;

import org.potentia.testing.HtmlForm;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Texts;
import org.potentia.tool.ModuleTool;
import org.potentia.tool.ToolService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A tool's settings saved from a page older than the tool's last save are refused with
 * the conflict message, never written over the other admin's change.
 */
@PotentiaTest
class ToolAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	People people;

	@Autowired
	ToolService tools;

	@Test
	void settingsSavedFromAnOlderPageAreRefused() throws Exception {
		Person admin = this.people.admin();
		ModuleTool tool = this.tools.byCode(ModuleTool.CONVERT_LEAD);
		String path = "/admin/tools/" + tool.getId();
		String page = this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(admin.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		HtmlForm settings = HtmlForm.in(page, path);
		assertThat(settings.value("version")).isEqualTo(String.valueOf(tool.getVersion()));
		// As if another admin had saved the tool since this page was shown.
		String older = String.valueOf(tool.getVersion() - 1);

		this.mvc
			.perform(settings.set("version", older)
				.set("nameEn", "Renamed")
				.post(user(this.users.loadUserByUsername(admin.username()))))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("error", containsString(Texts.STALE)));

		assertThat(this.tools.byCode(ModuleTool.CONVERT_LEAD).getVersion()).isEqualTo(tool.getVersion());
		assertThat(this.tools.byCode(ModuleTool.CONVERT_LEAD).getNameEn()).isEqualTo(tool.getNameEn());
	}

}
