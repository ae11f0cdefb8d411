package org.potentia.platform.settings;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

/**
 * The admin pages of settings kept as key/value rows (the email server, the visibility
 * setting, the opportunity rules, the history settings) carry their settings' version: a
 * save from a page older than another admin's save is refused and does not overwrite it.
 * Each test puts the settings back as they were, since they are the application's.
 */
@PotentiaTest
class SettingsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	People people;

	RequestPostProcessor admin;

	@BeforeEach
	void signIn() {
		this.admin = user(this.users.loadUserByUsername(this.people.admin().username()));
	}

	@Test
	void theEmailServer() throws Exception {
		anOlderPageIsRefused("/admin/workflows/mail", "/admin/workflows/mail",
				(form) -> form.set("host", "first.example.com"), (form) -> form.set("host", "second.example.com"),
				(form) -> form.value("host"));
	}

	@Test
	void theVisibility() throws Exception {
		anOlderPageIsRefused("/admin/teams", "/admin/visibility", (form) -> form.check("repsSeeTeam", "true"),
				(form) -> form.uncheck("repsSeeTeam"), (form) -> form.has("repsSeeTeam"));
	}

	@Test
	void theOpportunityRules() throws Exception {
		anOlderPageIsRefused("/admin/opportunities", "/admin/opportunities",
				(form) -> form.uncheck("mandatory").check("mandatory", "amount"),
				(form) -> form.uncheck("mandatory").check("mandatory", "account_id"),
				(form) -> form.values().stream().filter((entry) -> entry.getKey().equals("mandatory")).toList());
	}

	@Test
	void theHistorySettings() throws Exception {
		anOlderPageIsRefused("/admin/history", "/admin/history", (form) -> form.set("retentionDays", "401"),
				(form) -> form.set("retentionDays", "402"), (form) -> form.value("retentionDays"));
	}

	/**
	 * Two admins open the page; the first saves one change, the second's change from the
	 * page as it was is refused, and the page shows the first's.
	 */
	private void anOlderPageIsRefused(String page, String action, UnaryOperator<HtmlForm> first,
			UnaryOperator<HtmlForm> second, Function<HtmlForm, Object> shown) throws Exception {
		String opened = page(page);
		Object before = shown.apply(HtmlForm.in(opened, action));
		assertThat(HtmlForm.in(opened, action).value("version")).as("the page's version").isNotBlank();
		try {
			this.mvc.perform(first.apply(HtmlForm.in(opened, action)).post(this.admin))
				.andExpect(flash().attribute("success", "Saved."));
			Object saved = shown.apply(HtmlForm.in(page(page), action));
			assertThat(saved).isNotEqualTo(before);

			this.mvc.perform(second.apply(HtmlForm.in(opened, action)).post(this.admin))
				.andExpect(flash().attribute("error", containsString(Texts.STALE)));
			assertThat(shown.apply(HtmlForm.in(page(page), action))).isEqualTo(saved);
		}
		finally {
			// As it was, from the page as it is now.
			HtmlForm restore = HtmlForm.in(opened, action)
				.set("version", HtmlForm.in(page(page), action).value("version"));
			this.mvc.perform(restore.post(this.admin)).andExpect(flash().attribute("success", "Saved."));
			assertThat(shown.apply(HtmlForm.in(page(page), action))).isEqualTo(before);
		}
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(this.admin)).andReturn().getResponse().getContentAsString();
	}

}
