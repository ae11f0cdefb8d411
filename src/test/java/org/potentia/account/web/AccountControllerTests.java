package org.potentia.account.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.HtmlForm.inputValue;
import static org.potentia.testing.Accounts.anAccount;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The account form as a person uses it: a mistake is shown beside its field, and a save
 * that lost a race with someone else's says so and keeps what was typed.
 */
@PotentiaTest
class AccountControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService users;

	Person rep;

	String tag;

	@BeforeEach
	void setUp() {
		this.rep = this.people.rep();
		this.tag = Names.tag();
	}

	@Test
	void savesAValidAccount() throws Exception {
		this.mvc
			.perform(post("/accounts").with(signedIn())
				.with(csrf())
				.param("name", this.tag + " Alpha")
				.param("accountType", "customer")
				.param("ownerId", String.valueOf(this.rep.id())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/accounts/*"));
	}

	@Test
	void blankNameShowsTheMessageBesideTheField() throws Exception {
		String html = this.mvc
			.perform(post("/accounts").with(signedIn())
				.with(csrf())
				.param("name", " ")
				.param("accountType", "customer")
				.param("city", this.tag + " Berlin")
				.param("ownerId", String.valueOf(this.rep.id())))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/form"))
			.andExpect(model().attributeHasFieldErrors("accountForm", "name"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(fieldError(html, "name")).isEqualTo("Please fill in this field.");
		assertThat(inputValue(html, "city")).as("what was typed stays").isEqualTo(this.tag + " Berlin");
		assertThat(html).contains("is-invalid");
	}

	@Test
	void blankNameInGerman() throws Exception {
		String html = this.mvc
			.perform(post("/accounts").with(signedIn())
				.with(csrf())
				.header("Accept-Language", "de")
				.param("name", "")
				.param("accountType", "customer"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(fieldError(html, "name")).isEqualTo("Bitte f\u00fcllen Sie dieses Feld aus.");
	}

	@Test
	void staleVersionShowsTheConflictAndKeepsWhatWasTyped() throws Exception {
		long id = this.records.save(anAccount().named(this.tag + " Alpha").in("Berlin").ownedBy(this.rep));
		// Someone else saves first: the version moves from 0 to 1.
		var other = this.accounts.formOf(id, this.rep.currentUser());
		other.setCity("Hamburg");
		this.accounts.update(id, other, this.rep.currentUser(), SaveSource.FORM);

		String html = this.mvc
			.perform(post("/accounts/" + id).with(signedIn())
				.with(csrf())
				.param("version", "0")
				.param("name", this.tag + " Alpha typed")
				.param("accountType", "partner")
				.param("city", "Munich")
				.param("ownerId", String.valueOf(this.rep.id())))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/form"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).containsPattern("id=\"conflict\"[^>]*>\\s*Someone else saved this record");
		assertThat(inputValue(html, "name")).isEqualTo(this.tag + " Alpha typed");
		assertThat(inputValue(html, "city")).isEqualTo("Munich");
		var saved = this.accounts.get(id, this.rep.currentUser());
		assertThat(saved.getCity()).as("the other save is kept").isEqualTo("Hamburg");
		assertThat(saved.getName()).isEqualTo(this.tag + " Alpha");
	}

	@Test
	void currentVersionSaves() throws Exception {
		long id = this.records.save(anAccount().named(this.tag + " Alpha").ownedBy(this.rep));

		this.mvc
			.perform(post("/accounts/" + id).with(signedIn())
				.with(csrf())
				.param("version", "0")
				.param("name", this.tag + " Alpha renamed")
				.param("accountType", "customer")
				.param("ownerId", String.valueOf(this.rep.id())))
			.andExpect(status().is3xxRedirection());

		assertThat(this.accounts.get(id, this.rep.currentUser()).getName()).isEqualTo(this.tag + " Alpha renamed");
	}

	private RequestPostProcessor signedIn() {
		return user(this.users.loadUserByUsername(this.rep.username()));
	}

	/**
	 * The text of the error shown beside a field (the fields fragment's
	 * {@code <div id="{property}-error">}).
	 */
	private static String fieldError(String html, String property) {
		Matcher matcher = Pattern.compile("<div[^>]*id=\"" + property + "-error\"[^>]*>([^<]*)</div>").matcher(html);
		assertThat(matcher.find()).as("an error beside " + property).isTrue();
		return matcher.group(1).trim();
	}

}
