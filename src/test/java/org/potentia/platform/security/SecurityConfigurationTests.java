package org.potentia.platform.security;

import org.junit.jupiter.api.Test;

import org.potentia.platform.settings.Settings;
import org.potentia.testing.Api;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may reach what: pages need a sign-in, admin pages the admin role, and a changing
 * request from the browser a CSRF token; the API needs a token and never a session.
 */
@PotentiaTest
class SecurityConfigurationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	Settings settings;

	@Test
	void pagesSendStrangersToTheSignIn() throws Exception {
		this.mvc.perform(get("/accounts")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login")).andExpect(status().isOk());
	}

	/**
	 * An htmx request whose session has ended must not swap the sign-in page into a
	 * fragment: it is refused, and htmx reloads the whole page, which then goes to the
	 * sign-in.
	 */
	@Test
	void anHtmxRequestWithoutSessionReloadsThePage() throws Exception {
		this.mvc.perform(get("/notifications/menu").header("HX-Request", "true"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("HX-Refresh", "true"));
	}

	@Test
	void aRepMayNotUseTheAdminPages() throws Exception {
		Person rep = this.people.rep();
		this.people.repsSeeTeam(false);

		this.mvc.perform(get("/admin/users").with(signedIn(rep))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/teams").with(signedIn(rep))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/visibility").with(signedIn(rep)).with(csrf()).param("repsSeeTeam", "true"))
			.andExpect(status().isForbidden());

		assertThat(this.settings.getBoolean(Visibility.REPS_SEE_TEAM, false)).isFalse();
	}

	@Test
	void aManagerMayNotUseTheAdminPagesEither() throws Exception {
		Person manager = this.people.manager(this.people.team());

		this.mvc.perform(get("/admin/users").with(signedIn(manager))).andExpect(status().isForbidden());
	}

	@Test
	void anAdminMayUseTheAdminPages() throws Exception {
		this.mvc.perform(get("/admin/users").with(signedIn(this.people.admin()))).andExpect(status().isOk());
	}

	@Test
	void aChangeFromTheBrowserNeedsTheCsrfToken() throws Exception {
		Person rep = this.people.rep();

		this.mvc.perform(post("/accounts").with(signedIn(rep)).param("name", "No token"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiKeepsNoSession() {
		Api.Response response = this.api.as(this.people.rep()).get("/api/v1/accounts");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Set-Cookie")).isNull();
	}

	private RequestPostProcessor signedIn(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
