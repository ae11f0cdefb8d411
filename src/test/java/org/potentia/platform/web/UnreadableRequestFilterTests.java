package org.potentia.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.potentia.testing.Api;
import org.potentia.testing.Api.Response;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body with a content type that is no concrete media type (found by the fuzz test,
 * issue 11): 415 with a message, where Spring failed with a 500 on every operation that
 * reads its body as it is; one the operation does not read is refused with the same
 * message, in the user's language. Parameters Tomcat cannot decode (a percent-escape that
 * is no UTF-8) are a 400 with a message, in the API (a 500 before) and on pages alike.
 */
@PotentiaTest
class UnreadableRequestFilterTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/v1/leads/1/convert | */*
			/api/v1/leads/1/convert | application/*
			/api/v1/accounts        | */*
			/api/v1/tokens          | no-slash
			/api/v1/accounts        | text/plain
			""")
	void aWildcardOrBrokenOrUnreadContentTypeIsRefused(String path, String contentType) {
		Response response = this.api.as(this.people.admin())
			.header("Content-Type", contentType)
			.post(path, "{\"data\":{\"type\":\"leads\",\"attributes\":{}}}");

		assertThat(response.status()).as(response.body()).isEqualTo(415);
		assertThat(response.json().path("errors").path(0).path("detail").asString())
			.isEqualTo("The request body has a content type that is not supported here.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			*/*        | Der Inhaltstyp des Anfragekörpers wird hier nicht unterstützt.
			text/plain | Der Inhaltstyp des Anfragekörpers wird hier nicht unterstützt.
			""")
	void theRefusalIsInTheUsersLanguage(String contentType, String detail) {
		Response response = this.api.as(this.people.admin())
			.language("de")
			.header("Content-Type", contentType)
			.post("/api/v1/accounts", "{}");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.json().path("errors").path(0).path("detail").asString()).isEqualTo(detail);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | The address or the form could not be read
			de | Die Adresse oder das Formular ließ sich nicht lesen
			""")
	void anAddressWhoseParametersAreNoUtf8IsRefusedWithAMessage(String language, String detail) {
		Response api = this.api.as(this.people.admin()).language(language).get("/api/v1/accounts?filter=%ff");
		assertThat(api.status()).as(api.body()).isEqualTo(400);
		assertThat(api.json().path("errors").path(0).path("detail").asString()).startsWith(detail);

		Response page = this.api.anonymous()
			.header("Accept", "text/html")
			.language(language)
			.get("/login?lang=%C3%28&error");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains(detail);
	}

	@Test
	void aFormBodyWhoseParametersAreNoUtf8IsRefusedWithAMessage() {
		Response form = this.api.anonymous()
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.post("/login", "username=%ff&password=x");

		assertThat(form.status()).isEqualTo(400);
		assertThat(form.body()).contains("The address or the form could not be read");
	}

}
