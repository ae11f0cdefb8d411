package org.potentia.pipeline.web;

import org.junit.jupiter.api.Test;

import org.potentia.pipeline.LostReason;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Texts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A stage or list entry saved from a pipeline page older than its last save is refused
 * with the conflict message, never written over the other admin's change. The pages carry
 * each row's version; the saves here send an older one, as a page shown before another
 * admin's save would.
 */
@PotentiaTest
class PipelineAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	People people;

	@Autowired
	PipelineService pipeline;

	@Test
	void aStageSavedFromAnOlderPageIsRefused() throws Exception {
		RequestPostProcessor admin = user(this.users.loadUserByUsername(this.people.admin().username()));
		Stage stage = this.pipeline.stages(PipelineService.POTENTIALS).get(0);
		String path = "/admin/pipeline/stages/" + stage.getId();
		HtmlForm form = HtmlForm.in(page(admin), path);
		assertThat(form.value("version")).isEqualTo(String.valueOf(stage.getVersion()));

		this.mvc
			.perform(form.set("version", String.valueOf(stage.getVersion() - 1)).set("nameEn", "Renamed").post(admin))
			.andExpect(redirectedUrl("/admin/pipeline"))
			.andExpect(flash().attribute("error", containsString(Texts.STALE)));

		Stage after = this.pipeline.stage(stage.getId()).orElseThrow();
		assertThat(after.getNameEn()).isEqualTo(stage.getNameEn());
		assertThat(after.getVersion()).isEqualTo(stage.getVersion());
	}

	@Test
	void aLostReasonSavedFromAnOlderPageIsRefused() throws Exception {
		RequestPostProcessor admin = user(this.users.loadUserByUsername(this.people.admin().username()));
		LostReason reason = this.pipeline.lostReasons().get(0);
		HtmlForm form = HtmlForm.in(page(admin), "/admin/pipeline/lost-reasons");
		assertThat(form.value("id")).isEqualTo(String.valueOf(reason.getId()));
		assertThat(form.value("version")).isEqualTo(String.valueOf(reason.getVersion()));

		this.mvc
			.perform(form.set("version", String.valueOf(reason.getVersion() - 1)).set("nameEn", "Renamed").post(admin))
			.andExpect(redirectedUrl("/admin/pipeline"))
			.andExpect(flash().attribute("error", containsString(Texts.STALE)));

		assertThat(this.pipeline.lostReasons().get(0).getNameEn()).isEqualTo(reason.getNameEn());
	}

	private String page(RequestPostProcessor admin) throws Exception {
		return this.mvc.perform(get("/admin/pipeline").with(admin)).andReturn().getResponse().getContentAsString();
	}

}
