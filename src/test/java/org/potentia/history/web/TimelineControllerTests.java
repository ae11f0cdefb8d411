package org.potentia.history.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import org.potentia.opportunity.Opportunity;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The opportunity card's history is the history module's own fragment: the card points to
 * it, it lists the opportunity's changes newest first, and it is refused for an
 * opportunity the user may not see.
 */
@PotentiaTest
class TimelineControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	UserDetailsService users;

	@Test
	void theCardLoadsTheHistoryFragmentWhichListsTheChangesNewestFirst() throws Exception {
		Person rep = this.people.rep(this.people.team());
		OpportunityForm form = new OpportunityForm();
		form.setName(Names.unique("Timeline"));
		form.setAmount(new BigDecimal("1000"));
		Opportunity created = this.opportunities
			.get(this.opportunities.create(form, rep.currentUser(), SaveSource.FORM), rep.currentUser());
		OpportunityForm change = this.opportunities.formOf(created.getId(), rep.currentUser());
		change.setAmount(new BigDecimal("2500"));
		this.opportunities.update(created.getId(), change, rep.currentUser(), SaveSource.API);

		this.mvc
			.perform(get("/opportunities/" + created.getId()).with(user(this.users.loadUserByUsername(rep.username()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/opportunities/" + created.getId() + "/history")));
		String fragment = this.mvc
			.perform(get("/opportunities/" + created.getId() + "/history")
				.with(user(this.users.loadUserByUsername(rep.username())))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Elements entries = Jsoup.parse(fragment).select("#timeline > li");
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).text()).contains("2,500.00").contains("1,000.00");
		assertThat(entries.get(1).text()).contains("1,000.00").doesNotContain("2,500.00");
	}

	@Test
	void anotherTeamsOpportunityHasNoHistoryToShow() throws Exception {
		Person owner = this.people.rep(this.people.team());
		Person stranger = this.people.rep(this.people.team());
		OpportunityForm form = new OpportunityForm();
		form.setName(Names.unique("Not yours"));
		Opportunity created = this.opportunities
			.get(this.opportunities.create(form, owner.currentUser(), SaveSource.FORM), owner.currentUser());
		this.mvc
			.perform(get("/opportunities/" + created.getId() + "/history")
				.with(user(this.users.loadUserByUsername(stranger.username()))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(created.getName()))));
	}

}
