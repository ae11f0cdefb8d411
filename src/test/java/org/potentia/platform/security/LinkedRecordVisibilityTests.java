package org.potentia.platform.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;
import static org.potentia.testing.Contacts.aContact;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One rule for linked records: a record the user may see that links one they may not (a
 * rep's contact at another team's account) shows the link as "not visible to you", with
 * no name and no link, on the card, in the list, on the board, in the export and in the
 * API; and a refused delete does not count records the user may not see.
 */
@PotentiaTest
class LinkedRecordVisibilityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	Api api;

	@Autowired
	UserDetailsService users;

	Person rep;

	Person stranger;

	String secret;

	long account;

	long contact;

	long opportunity;

	@BeforeEach
	void setUp() {
		this.rep = this.people.rep(this.people.team());
		this.stranger = this.people.rep(this.people.team());
		this.secret = Names.unique("Secret Holding");
		this.account = this.records.save(anAccount().named(this.secret).ownedBy(this.stranger));
		// The admin links the rep's records to the stranger's account.
		Person admin = this.people.admin();
		this.contact = this.records
			.save(aContact().named("Vera", Names.unique("Visible")).at(this.account).ownedBy(this.rep), admin);
		Api.Response created = this.api.as(admin)
			.post("/api/v1/potentials", Api.document("potentials",
					Map.of("name", Names.unique("Deal"), "account_id", this.account, "owner_id", this.rep.id())));
		assertThat(created.status()).isEqualTo(201);
		this.opportunity = Long.parseLong(created.json().path("data").path("id").asString());
	}

	@Test
	void theContactCardShowsTheAccountAsNotVisible() throws Exception {
		String html = page("/contacts/" + this.contact, "en");
		assertThat(html).contains("Not visible to you")
			.doesNotContain(this.secret)
			.doesNotContain("/accounts/" + this.account);
	}

	@Test
	void theListsShowTheAccountAsNotVisible() throws Exception {
		String contacts = page("/contacts?q=Vera", "de");
		assertThat(contacts).contains("Für Sie nicht sichtbar")
			.doesNotContain(this.secret)
			.doesNotContain("/accounts/" + this.account);
		String opportunities = page("/opportunities", "en");
		assertThat(opportunities).doesNotContain(this.secret).doesNotContain("/accounts/" + this.account);
		String card = page("/opportunities/" + this.opportunity, "en");
		assertThat(card).contains("Not visible to you").doesNotContain(this.secret);
	}

	@Test
	void theBoardShowsTheAccountAsNotVisible() throws Exception {
		String board = page("/opportunities/board", "en");
		assertThat(board).contains("Not visible to you").doesNotContain(this.secret);
	}

	@Test
	void theExportHasNoNameButKeepsTheLink() throws Exception {
		String csv = page("/contacts/export", "en");
		String line = csv.lines().filter((candidate) -> candidate.contains("Vera")).findFirst().orElseThrow();
		assertThat(line).contains("Not visible to you")
			.contains(String.valueOf(this.account))
			.doesNotContain(this.secret);
	}

	@Test
	void theApiMarksTheRelationshipAndIncludesNothing() {
		Api.Response response = this.api.as(this.rep).get("/api/v1/contacts/" + this.contact + "?include=account");
		assertThat(response.status()).isEqualTo(200);
		JsonNode relationship = response.json().path("data").path("relationships").path("account");
		assertThat(relationship.path("data").path("id").asString()).isEqualTo(String.valueOf(this.account));
		assertThat(relationship.path("meta").path("visible").asBoolean(true)).isFalse();
		assertThat(response.body()).doesNotContain(this.secret);
		assertThat(response.json().path("included").size()).isZero();
	}

	@Test
	void aRefusedDeleteDoesNotCountRecordsTheUserMayNotSee() throws Exception {
		// The stranger's account is referred to by the rep's contact and opportunity.
		String html = this.mvc
			.perform(post("/accounts/" + this.account + "/delete").with(csrf())
				.with(user(this.users.loadUserByUsername(this.stranger.username())))
				.header("Accept-Language", "en"))
			.andReturn()
			.getFlashMap()
			.get("error")
			.toString();
		assertThat(html).isEqualTo("This record cannot be deleted: other records still refer to it.");
	}

	private String page(String path, String language) throws Exception {
		var response = this.mvc
			.perform(get(path).with(user(this.users.loadUserByUsername(this.rep.username())))
				.header("Accept-Language", language))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

}
