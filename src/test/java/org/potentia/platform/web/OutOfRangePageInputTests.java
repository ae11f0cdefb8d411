package org.potentia.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Page input that the fuzz test found answered with 500 (issue 11): dates Java can hold
 * but no day arithmetic or database can ({@code +999999999-12-31}) in list filters and
 * report ranges are ignored like any unusable date; a contact's name far over its limit
 * gets the field error, not a failure while the form shows it again. Found by a later
 * sweep: a form post naming a list entry no form has, and a value of the wrong type,
 * which showed Spring's converter text in English.
 */
@PotentiaTest
class OutOfRangePageInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@ParameterizedTest
	@ValueSource(strings = { "/leads?created_from=%2B999999999-12-31&created_to=%2B999999999-12-31",
			"/opportunities?close_from=-999999999-01-01&close_to=%2B999999999-12-31",
			"/reports/funnel?from=%2B999999999-12-31&to=2026-12-05",
			"/reports/funnel?from=2026-09-05&to=%2B999999999-12-31",
			"/reports/movement?from=%2B999999999-12-31&to=2026-12-05",
			"/reports/movement?from=2026-11-06&to=%2B999999999-12-31",
			"/reports/time-in-stage?from=%2B999999999-12-31&to=2026-12-05&group=stage",
			"/reports/time-in-stage?from=2025-12-05&to=%2B999999999-12-31&group=stage",
			"/reports/pipeline?month=%2B999999999-12&compare=-999999999-01" })
	void aDateOutOfRangeIsIgnored(String page) throws Exception {
		this.mvc.perform(get(page).with(user(admin()))).andExpect(status().isOk());
	}

	@Test
	void aHugeFirstNameIsAFieldError() throws Exception {
		this.mvc
			.perform(post("/contacts").with(csrf())
				.with(user(admin()))
				.param("firstName", "x".repeat(100_000))
				.param("lastName", "Lee"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter at most 100 characters.")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "columns[-1].expression", "columns[300].expression" })
	void aListEntryNoFormHasIsABadRequest(String entry) throws Exception {
		this.mvc
			.perform(post("/reports/custom/run").with(csrf())
				.with(user(admin()))
				.param("module", "potentials")
				.param(entry, "name"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The request could not be understood.")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en:Enter a number.", "de:Geben Sie eine Zahl ein." })
	void aNumberThatIsNoneIsAFieldErrorInTheUsersLanguage(String expected) throws Exception {
		String[] parts = expected.split(":", 2);
		this.mvc
			.perform(post("/opportunities").with(csrf())
				.with(user(admin()))
				.header("Accept-Language", parts[0])
				.param("name", "Rollout")
				.param("amount", "NaN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(parts[1])))
			.andExpect(content().string(not(containsString("Failed to convert"))));
	}

	private UserDetails admin() {
		return this.users.loadUserByUsername(this.people.admin().username());
	}

}
