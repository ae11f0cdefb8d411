package org.potentia.platform.security;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.testing.Api;
import org.potentia.testing.Api.Response;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Everyone sees only what they may, wherever records are read: API lists, gets, writes,
 * filters and includes, and the pages. Two teams: in the first a manager and reps A and
 * B, in the second rep C; each rep owns one account.
 */
@PotentiaTest
class VisibilityTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	String tag;

	Person repA;

	Person repB;

	Person repC;

	Person manager;

	long accountA;

	long accountB;

	long accountC;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.tag = Names.tag();
		Team sales = this.people.team();
		Team other = this.people.team();
		this.manager = this.people.manager(sales);
		this.repA = this.people.rep(sales);
		this.repB = this.people.rep(sales);
		this.repC = this.people.rep(other);
		this.accountA = this.records.save(anAccount().named(this.tag + " A").ownedBy(this.repA));
		this.accountB = this.records.save(anAccount().named(this.tag + " B").ownedBy(this.repB));
		this.accountC = this.records.save(anAccount().named(this.tag + " C").ownedBy(this.repC));
	}

	@AfterEach
	void resetSetting() {
		this.people.repsSeeTeam(false);
	}

	@Test
	void aRepListsOnlyOwnRecords() {
		assertThat(visibleTo(this.repA)).containsExactly(this.tag + " A");
		assertThat(this.api.as(this.repA).get("/api/v1/accounts").json().path("meta").path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void aRepCannotReadChangeOrDeleteAnotherRepsRecord() {
		String path = "/api/v1/accounts/" + this.accountB;

		assertThat(this.api.as(this.repA).get(path).status()).isEqualTo(404);
		assertThat(this.api.as(this.repA)
			.patch(path, Api.document("accounts", this.accountB, Map.of("name", "Taken over")))
			.status()).isEqualTo(404);
		assertThat(this.api.as(this.repA).delete(path).status()).isEqualTo(404);
		JsonNode untouched = this.api.as(this.repB).get(path).json().path("data").path("attributes");
		assertThat(untouched.path("name").asString()).isEqualTo(this.tag + " B");
	}

	@Test
	void aFilterNeverWidensWhatARepSees() {
		String filter = "{\"$or\":[{\"$beg\":[\"name\",\"" + this.tag + "\"]},{\"$not.null\":[\"id\"]}]}";

		Response response = this.api.as(this.repA).get("/api/v1/accounts?filter=" + Api.encode(filter));

		assertThat(response.attribute("name")).containsExactly(this.tag + " A");
		Response byId = this.api.as(this.repA)
			.get("/api/v1/accounts?filter=" + Api.encode("{\"id\":" + this.accountB + "}"));
		assertThat(byId.ids()).isEmpty();
		assertThat(byId.json().path("meta").path("total").asLong()).isZero();
	}

	@Test
	void aFilterOnALinkedRecordSeesOnlyALinkedRecordTheUserMaySee() {
		Person admin = this.people.admin();
		long contact = this.records
			.save(aContact().named("Ann", this.tag + " Lee").at(this.accountB).ownedBy(this.repA), admin);
		String byHiddenName = "{\"account.name\":\"" + this.tag + " B\"}";
		String noAccount = "{\"$null\":[\"account.name\"]}";

		assertThat(this.api.as(this.repA).get("/api/v1/contacts?filter=" + Api.encode(byHiddenName)).ids()).isEmpty();
		assertThat(this.api.as(this.repA).get("/api/v1/contacts?filter=" + Api.encode(noAccount)).ids())
			.doesNotContain(contact);
		assertThat(this.api.as(this.repB).get("/api/v1/accounts/" + this.accountB).status()).isEqualTo(200);
		assertThat(this.api.as(this.manager).get("/api/v1/contacts?filter=" + Api.encode(byHiddenName)).ids())
			.containsExactly(contact);
		assertThat(this.api.as(admin).get("/api/v1/contacts?filter=" + Api.encode(byHiddenName)).ids())
			.containsExactly(contact);
	}

	@Test
	void includeLeavesOutRecordsTheUserMayNotSee() {
		Person admin = this.people.admin();
		// Only someone who sees both may link A's contact to B's account.
		long contact = this.records
			.save(aContact().named("Ann", this.tag + " Lee").at(this.accountB).ownedBy(this.repA), admin);

		Response list = this.api.as(this.repA).get("/api/v1/contacts?include=account");
		Response single = this.api.as(this.repA).get("/api/v1/contacts/" + contact + "?include=account");

		assertThat(list.ids()).containsExactly(contact);
		assertThat(list.json().path("included").size()).isZero();
		assertThat(single.json().path("included").size()).isZero();
		assertThat(this.api.as(admin)
			.get("/api/v1/contacts/" + contact + "?include=account")
			.json()
			.path("included")
			.size()).isEqualTo(1);
	}

	@Test
	void aRepCannotLinkToARecordTheyMayNotSee() {
		Response response = this.api.as(this.repA)
			.post("/api/v1/contacts",
					Api.document("contacts", Map.of("last_name", this.tag + " Lee", "account_id", this.accountB)));

		assertThat(response.status()).isEqualTo(422);
	}

	@Test
	void withTheSettingARepSeesTheTeamsRecords() {
		this.people.repsSeeTeam(true);

		assertThat(visibleTo(this.repA)).containsExactly(this.tag + " A", this.tag + " B");
		assertThat(this.api.as(this.repA).get("/api/v1/accounts/" + this.accountB).status()).isEqualTo(200);
		assertThat(this.api.as(this.repA).get("/api/v1/accounts/" + this.accountC).status()).isEqualTo(404);
		assertThat(visibleTo(this.repC)).as("alone in the team").containsExactly(this.tag + " C");
	}

	@Test
	void withoutATeamTheSettingShowsOnlyOwnRecords() {
		Person loner = this.people.rep();
		this.records.save(anAccount().named(this.tag + " L").ownedBy(loner));
		this.people.repsSeeTeam(true);

		assertThat(visibleTo(loner)).containsExactly(this.tag + " L");
	}

	@Test
	void aManagerSeesTheTeamsRecordsButNotAnotherTeams() {
		assertThat(visibleTo(this.manager)).containsExactly(this.tag + " A", this.tag + " B");
		assertThat(this.api.as(this.manager).get("/api/v1/accounts/" + this.accountC).status()).isEqualTo(404);
		assertThat(this.api.as(this.manager)
			.patch("/api/v1/accounts/" + this.accountB,
					Api.document("accounts", this.accountB, Map.of("city", "Berlin")))
			.status()).isEqualTo(200);
	}

	@Test
	void anAdminSeesEverything() {
		Person admin = this.people.admin();

		assertThat(visibleTo(admin)).containsExactly(this.tag + " A", this.tag + " B", this.tag + " C");
		assertThat(this.api.as(admin).get("/api/v1/accounts/" + this.accountC).status()).isEqualTo(200);
	}

	@Test
	void thePageOfAHiddenRecordIs404() throws Exception {
		this.mvc.perform(get("/accounts/" + this.accountB).with(signedIn(this.repA)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The record does not exist")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(this.tag))));
		this.mvc.perform(get("/accounts/" + this.accountB + "/edit").with(signedIn(this.repA)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/accounts/" + this.accountB).with(signedIn(this.repA))
				.with(csrf())
				.param("name", "Taken over")
				.param("accountType", "prospect"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/accounts/" + this.accountA).with(signedIn(this.repA))).andExpect(status().isOk());
		this.mvc.perform(get("/accounts/" + this.accountB).with(signedIn(this.manager))).andExpect(status().isOk());
	}

	@Test
	void theListPageShowsOnlyVisibleRecords() throws Exception {
		this.mvc.perform(get("/accounts").param("q", this.tag).with(signedIn(this.repA)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(this.tag + " A")))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(this.tag + " B"))));
	}

	private java.util.List<String> visibleTo(Person person) {
		return this.api.as(person)
			.get("/api/v1/accounts?sort=name&filter=" + Api.encode("{\"$beg\":[\"name\",\"" + this.tag + "\"]}"))
			.attribute("name");
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
