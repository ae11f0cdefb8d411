package org.potentia.identity.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.potentia.testing.Api;
import org.potentia.testing.Api.Response;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current user and API tokens, over HTTP.
 */
@PotentiaTest
class IdentityApiTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Test
	void userAnswersTheTokensOwner() {
		Person rep = this.people.rep();

		Response user = this.api.as(rep).get("/api/v1/user");

		assertThat(user.status()).isEqualTo(200);
		JsonNode data = user.json().path("data");
		assertThat(data.path("id").asString()).isEqualTo(String.valueOf(rep.id()));
		assertThat(data.path("type").asString()).isEqualTo("users");
		JsonNode attributes = data.path("attributes");
		assertThat(attributes.path("name").asString()).isEqualTo("Test " + rep.username());
		assertThat(attributes.path("first_name").asString()).isEqualTo("Test");
		assertThat(attributes.path("last_name").asString()).isEqualTo(rep.username());
		assertThat(attributes.path("email").asString()).isEqualTo(rep.username() + "@example.com");
		assertThat(attributes.path("is_admin").isBoolean()).isTrue();
		assertThat(attributes.path("is_admin").asBoolean()).isFalse();
		assertThat(this.api.as(this.people.admin())
			.get("/api/v1/user")
			.json()
			.path("data")
			.path("attributes")
			.path("is_admin")
			.asBoolean()).isTrue();
	}

	@Test
	void httpBasicMakesATokenThatThenWorks() {
		Person rep = this.people.rep();

		Response made = this.api.anonymous()
			.basic(rep.username(), rep.password())
			.post("/api/v1/tokens", Map.of("data", Map.of("type", "tokens", "attributes", Map.of("name", "ERP sync"))));

		assertThat(made.status()).isEqualTo(201);
		String token = made.json().path("data").path("attributes").path("token").asString();
		assertThat(token).startsWith("pt_");
		Response user = this.api.anonymous().header("Authorization", "Bearer " + token).get("/api/v1/user");
		assertThat(user.status()).isEqualTo(200);
		assertThat(user.json().path("data").path("id").asString()).isEqualTo(String.valueOf(rep.id()));
	}

	@Test
	void aWrongPasswordMakesNoToken() {
		Person rep = this.people.rep();

		Response refused = this.api.anonymous().basic(rep.username(), "wrong-password").post("/api/v1/tokens", "{}");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().path("errors").path(0).path("status").asString()).isEqualTo("401");
	}

	@Test
	void httpBasicOnlyMakesTokens() {
		Person rep = this.people.rep();

		Response basic = this.api.anonymous().basic(rep.username(), rep.password()).get("/api/v1/accounts");

		assertThat(basic.status()).as("HTTP Basic only makes tokens").isEqualTo(401);
	}

}
