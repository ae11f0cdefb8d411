package org.potentia.tool.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.potentia.lead.LeadForm;
import org.potentia.lead.LeadService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The conversion dialog as a rep fills it in: a refused value is marked at its own field,
 * with the reason beside it.
 */
@PotentiaTest
class ConversionControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	LeadService leads;

	@Autowired
	UserDetailsService users;

	@Test
	void aRefusedValueShowsItsErrorBesideItsField() throws Exception {
		Person rep = this.people.rep();
		LeadForm form = this.leads.newForm(rep.currentUser());
		form.setLastName("Brandt");
		form.setCompany("Brandt Feinmechanik " + rep.username());
		long lead = this.leads.create(form, rep.currentUser(), SaveSource.FORM);

		String html = this.mvc
			.perform(post("/leads/{id}/convert", lead).with(user(this.users.loadUserByUsername(rep.username())))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("potentials.name", "Brandt deal")
				.param("contacts.last_name", " "))
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		Element lastName = page.getElementById("contacts.last_name");
		assertThat(lastName).isNotNull();
		assertThat(lastName.hasClass("is-invalid")).isTrue();
		Element feedback = lastName.nextElementSibling();
		assertThat(feedback.hasClass("invalid-feedback")).isTrue();
		assertThat(feedback.text()).isEqualTo("Please fill in this field.");
		// Only the refused field is marked.
		assertThat(page.getElementById("potentials.name").hasClass("is-invalid")).isFalse();
		assertThat(page.getElementById("potentials.name").val()).isEqualTo("Brandt deal");
		assertThat(page.getElementById("potentials.name").nextElementSibling().text()).isEmpty();
	}

}
