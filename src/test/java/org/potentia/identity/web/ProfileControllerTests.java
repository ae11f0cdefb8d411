package org.potentia.identity.web;

import org.junit.jupiter.api.Test;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The language switch returns to the page it was used on when a GET shows that page, and
 * never to the address of a form post (which answered 405 after a new API token); the
 * token's address asked again leads to the profile.
 */
@PotentiaTest
class ProfileControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Test
	void theLanguageSwitchReturnsToTheShownPageOnly() throws Exception {
		Person rep = this.people.rep();
		String list = this.mvc.perform(get("/contacts?q=lee").with(as(rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("name=\"page\" value=\"/contacts?q=lee\"");
		String token = this.mvc.perform(post("/profile/tokens").param("name", "Excel").with(as(rep)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(token).contains("name=\"page\" value=\"/profile\"").doesNotContain("value=\"/profile/tokens");

		language("/contacts?q=lee", rep).andExpect(redirectedUrl("/contacts?q=lee"));
		language("/profile", rep).andExpect(redirectedUrl("/profile"));
		language(null, rep).andExpect(redirectedUrl("/"));
		language("//elsewhere.example/phish", rep).andExpect(redirectedUrl("/phish"));
		this.mvc.perform(get("/profile/tokens").with(as(rep))).andExpect(redirectedUrl("/profile"));
	}

	private org.springframework.test.web.servlet.ResultActions language(String page, Person person) throws Exception {
		var request = post("/profile/language").param("language", "de").with(as(person)).with(csrf());
		if (page != null) {
			request.param("page", page);
		}
		return this.mvc.perform(request);
	}

	private RequestPostProcessor as(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
