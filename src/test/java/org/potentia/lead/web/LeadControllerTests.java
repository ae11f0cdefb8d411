package org.potentia.lead.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.IdentityService;
import org.potentia.lead.Lead;
import org.potentia.lead.LeadFixtures;
import org.potentia.lead.LeadService;
import org.potentia.lead.LeadSource;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.potentia.lead.Leads.aLead;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lead pages and the CSV export of the list, as a signed-in rep uses them.
 */
@PotentiaTest
class LeadControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	LeadService leads;

	@Autowired
	IdentityService identity;

	@Autowired
	PipelineService pipeline;

	@Autowired
	UserDetailsService userDetails;

	LeadFixtures fixtures;

	CurrentUser rep;

	CurrentUser other;

	/**
	 * A word in every lead of this test, so that searches find only them.
	 */
	String tag;

	@BeforeEach
	void setUp() {
		this.fixtures = new LeadFixtures(this.identity, this.userDetails);
		this.rep = this.fixtures.rep("Rita");
		this.other = this.fixtures.rep("Otto");
		this.tag = LeadFixtures.unique("tag");
	}

	@Test
	void theListShowsTheRepsOwnLeadsOnly() throws Exception {
		this.leads.create(aLead().named("Mine", "Own").at(this.tag).form(), this.rep, SaveSource.FORM);
		this.leads.create(aLead().named("Theirs", "Other").at(this.tag).form(), this.other, SaveSource.FORM);

		this.mvc.perform(get("/leads").param("q", this.tag).with(user(this.fixtures.details(this.rep))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Own")))
			.andExpect(content().string(not(containsString("Theirs"))))
			.andExpect(content().string(containsString("/leads/export?q=" + this.tag)));
	}

	@Test
	void theExportHoldsTheFilteredListOfVisibleLeadsOnly() throws Exception {
		this.leads.create(aLead().named("Web", "Alpha").at(this.tag).from(LeadSource.WEB_FORM).form(), this.rep,
				SaveSource.FORM);
		this.leads.create(aLead().named("Hand", "Beta").at(this.tag).from(LeadSource.MANUAL).form(), this.rep,
				SaveSource.FORM);
		this.leads.create(aLead().named("Hidden", "Gamma").at(this.tag).from(LeadSource.WEB_FORM).form(), this.other,
				SaveSource.FORM);

		String csv = export(this.rep, Locale.ENGLISH, "q", this.tag, "lead_source", "web_form", "sort", "last_name");

		assertThat(csv).startsWith("\uFEFFID,First name,Last name,Company,");
		assertThat(csv).contains("Web,Alpha," + this.tag).contains("Web form");
		assertThat(csv).doesNotContain("Beta").doesNotContain("Gamma");
		assertThat(csv.lines().count()).isEqualTo(2);
	}

	@Test
	void theExportIsSortedLikeTheListAndSpeaksTheUsersLanguage() throws Exception {
		this.leads.create(aLead().named("Zoe", "Zander").at(this.tag).form(), this.rep, SaveSource.FORM);
		this.leads.create(aLead().named("Adam", "Abel").at(this.tag).form(), this.rep, SaveSource.FORM);

		String csv = export(this.rep, Locale.GERMAN, "q", this.tag, "sort", "-last_name");

		assertThat(csv).startsWith("\uFEFFID;Vorname;Nachname;Firma;");
		assertThat(csv).contains("Manuell erfasst");
		assertThat(csv.indexOf("Zander")).isLessThan(csv.indexOf("Abel"));
	}

	@Test
	void theExportHonoursTheCreatedDateRange() throws Exception {
		this.leads.create(aLead().at(this.tag).form(), this.rep, SaveSource.FORM);
		String today = LocalDate.now().toString();
		String tomorrow = LocalDate.now().plusDays(1).toString();

		assertThat(export(this.rep, Locale.ENGLISH, "q", this.tag, "created_from", today, "created_to", today).lines())
			.hasSize(2);
		assertThat(export(this.rep, Locale.ENGLISH, "q", this.tag, "created_from", tomorrow).lines()).hasSize(1);
	}

	@Test
	void aLeadIsCreatedThroughTheForm() throws Exception {
		this.mvc
			.perform(post("/leads").with(user(this.fixtures.details(this.rep)))
				.with(csrf())
				.param("lastName", "Formfield")
				.param("company", this.tag)
				.param("leadSource", "referral")
				.param("rating", "warm"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/leads/*"));

		String csv = export(this.rep, Locale.ENGLISH, "q", this.tag);
		assertThat(csv).contains("Formfield").contains("Referral").contains("Warm");
	}

	@Test
	void controlCharactersPastedIntoTheFormAreDroppedAndTheLeadSaved() throws Exception {
		String location = this.mvc
			.perform(post("/leads").with(user(this.fixtures.details(this.rep)))
				.with(csrf())
				.param("lastName", "Null\u0000byte")
				.param("company", this.tag + "\u0007")
				.param("description", "Line one\r\nLine\ttwo")
				.param("leadSource", "manual"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		var lead = this.leads.get(id, this.rep);
		assertThat(lead.getLastName()).isEqualTo("Nullbyte");
		assertThat(lead.getCompany()).isEqualTo(this.tag);
		assertThat(lead.getDescription()).isEqualTo("Line one\nLine\ttwo");
	}

	@Test
	void aFormWithoutLastNameShowsTheErrorBesideTheField() throws Exception {
		this.mvc
			.perform(post("/leads").with(user(this.fixtures.details(this.rep)))
				.with(csrf())
				.param("firstName", "Only")
				.param("leadSource", "manual"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lastName-error")));
	}

	@Test
	void anotherRepsLeadCardIsNotFound() throws Exception {
		Lead lead = this.leads.get(this.leads.create(aLead().form(), this.other, SaveSource.FORM), this.other);

		this.mvc.perform(get("/leads/" + lead.getId()).with(user(this.fixtures.details(this.rep))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/leads/" + lead.getId()).with(user(this.fixtures.details(this.other))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(lead.getLastName())));
	}

	@Test
	void theCardMovesTheLeadToAnotherStage() throws Exception {
		Lead lead = this.leads.get(this.leads.create(aLead().form(), this.rep, SaveSource.FORM), this.rep);
		long qualified = this.pipeline.stage(PipelineService.LEADS, "qualified").orElseThrow().getId();

		this.mvc
			.perform(post("/leads/" + lead.getId() + "/stage").with(user(this.fixtures.details(this.rep)))
				.with(csrf())
				.param("stageId", String.valueOf(qualified)))
			.andExpect(status().is3xxRedirection());

		assertThat(this.leads.get(lead.getId(), this.rep).getStageId()).isEqualTo(qualified);
	}

	private String export(CurrentUser user, Locale locale, String... parameters) throws Exception {
		var request = get("/leads/export").with(user(this.fixtures.details(user)))
			.locale(locale)
			.header("Accept-Language", locale.toLanguageTag());
		for (int i = 0; i < parameters.length; i += 2) {
			request = request.param(parameters[i], parameters[i + 1]);
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
