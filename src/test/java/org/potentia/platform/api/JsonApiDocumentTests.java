package org.potentia.platform.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.potentia.testing.Api;
import org.potentia.testing.Api.Response;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;
import static org.potentia.testing.Contacts.aContact;

/**
 * What JSON:API asks of every document (issue 11): each resource at most once in
 * {@code included}, and every resource object with its {@code type} and {@code id}, also
 * the token that {@code POST /api/v1/tokens} makes.
 */
@PotentiaTest
class JsonApiDocumentTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Test
	void aRelationNamedTwiceIsIncludedOnce() {
		Person rep = this.people.rep();
		long account = this.records.save(anAccount().named(Names.tag() + " Alpha").ownedBy(rep));
		long contact = this.records.save(aContact().named("Ann", Names.tag()).at(account).ownedBy(rep));

		Response single = this.api.as(rep).get("/api/v1/contacts/" + contact + "?include=account,account,owner");
		Response list = this.api.as(rep)
			.get("/api/v1/contacts?include=account,owner,account&filter="
					+ Api.encode("{\"$eq\":[\"id\"," + contact + "]}"));

		for (Response response : new Response[] { single, list }) {
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json()
				.path("included")
				.valueStream()
				.map((resource) -> resource.path("type").asString() + "/" + resource.path("id").asString()))
				.containsExactlyInAnyOrder("accounts/" + account, "users/" + rep.id());
		}
	}

	@Test
	void aNewTokenIsAResourceWithTypeAndId() {
		Person rep = this.people.rep();

		Response created = this.api.anonymous()
			.basic(rep.username(), rep.password())
			.post("/api/v1/tokens", Api.document("tokens", Map.of("name", "ERP sync")));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode data = created.json().path("data");
		assertThat(data.path("type").asString()).isEqualTo("tokens");
		assertThat(data.path("id").isString()).isTrue();
		assertThat(Long.parseLong(data.path("id").asString())).isPositive();
		assertThat(data.path("attributes").path("name").asString()).isEqualTo("ERP sync");
		String token = data.path("attributes").path("token").asString();
		assertThat(token).startsWith("pt_");
		Response again = this.api.anonymous()
			.basic(rep.username(), rep.password())
			.post("/api/v1/tokens", Api.document("tokens", Map.of("name", "second")));
		assertThat(again.json().path("data").path("id").asString()).isNotEqualTo(data.path("id").asString());
		assertThat(this.api.anonymous().header("Authorization", "Bearer " + token).get("/api/v1/user").status())
			.isEqualTo(200);
	}

}
