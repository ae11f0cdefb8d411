package org.potentia.platform.api;

import generated.potentia.client.ApiClient;
import generated.potentia.client.ApiException;
import generated.potentia.client.api.AccountsApi;
import generated.potentia.client.model.AccountsCreateDocument;
import generated.potentia.client.model.AccountsCreateDocumentData;
import generated.potentia.client.model.AccountsDocument;
import generated.potentia.client.model.AccountsListDocument;
import generated.potentia.client.model.AccountsNewAttributes;
import generated.potentia.client.model.Error;
import generated.potentia.client.model.Errors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Java client that openapi-generator made from the API document (the snapshot in
 * {@code src/test/resources/openapi.json}, kept equal to the served one by
 * {@link OpenApiDocumentTests}) works against the running application: it creates, lists,
 * and reads an error document, with nothing written by hand but the calls.
 */
@PotentiaTest
class GeneratedClientTests {

	@Autowired
	People people;

	@Autowired
	Environment environment;

	AccountsApi accounts;

	ApiClient client;

	String tag;

	@BeforeEach
	void setUp() {
		Person rep = this.people.rep();
		this.tag = Names.tag();
		this.client = new ApiClient();
		this.client.updateBaseUri("http://localhost:" + this.environment.getRequiredProperty("local.server.port"));
		this.client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer " + rep.token()));
		this.accounts = new AccountsApi(this.client);
	}

	@Test
	void createsAndListsWithTheGeneratedClient() throws ApiException {
		AccountsDocument created = this.accounts.createAccounts(new AccountsCreateDocument()
			.data(new AccountsCreateDocumentData().type(AccountsCreateDocumentData.TypeEnum.ACCOUNTS)
				.attributes(new AccountsNewAttributes().name("Generated " + this.tag).city("Berlin"))));

		assertThat(created.getData().getId()).isNotBlank();
		assertThat(created.getData().getAttributes().getName()).isEqualTo("Generated " + this.tag);
		assertThat(created.getData().getAttributes().getCreatedAt()).isNotNull();

		AccountsListDocument list = this.accounts.listAccounts(1, 20, "name", null,
				"{\"$eq\":[\"name\",\"Generated " + this.tag + "\"]}", null, "owner");

		assertThat(list.getMeta().getTotal()).isEqualTo(1);
		assertThat(list.getData()).singleElement().satisfies((account) -> {
			assertThat(account.getId()).isEqualTo(created.getData().getId());
			assertThat(account.getAttributes().getCity()).isEqualTo("Berlin");
		});
		assertThat(list.getLinks().getSelf()).startsWith("/api/v1/accounts?");
		assertThat(list.getIncluded()).singleElement()
			.satisfies((owner) -> assertThat(owner.getType()).isEqualTo("users"));
	}

	@Test
	void readsTheErrorDocumentOfARefusal() throws Exception {
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> this.accounts.createAccounts(new AccountsCreateDocument()
					.data(new AccountsCreateDocumentData().type(AccountsCreateDocumentData.TypeEnum.ACCOUNTS)
						.attributes(new AccountsNewAttributes().name("").city("Berlin")))));

		assertThat(refused.getCode()).isEqualTo(422);
		Errors errors = this.client.getObjectMapper().readValue(refused.getResponseBody(), Errors.class);
		assertThat(errors.getErrors()).extracting(Error::getStatus).containsOnly("422");
		assertThat(errors.getErrors())
			.anySatisfy((error) -> assertThat(error.getSource().getPointer()).isEqualTo("/data/attributes/name"));

		ApiException missing = catchThrowableOfType(ApiException.class,
				() -> this.accounts.getAccounts("999999999", null));

		assertThat(missing.getCode()).isEqualTo(404);
		assertThat(this.client.getObjectMapper().readValue(missing.getResponseBody(), Errors.class).getErrors())
			.singleElement()
			.satisfies((error) -> assertThat(error.getDetail()).isNotBlank());
	}

}
