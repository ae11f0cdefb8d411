package org.potentia.platform.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
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
 * The JSON:API dialect of CRM-service as a client sees it over HTTP: list documents,
 * paging links, sparse fieldsets, sort, include, the module index, the schema, the
 * current user, and create, partial update and delete.
 */
@PotentiaTest
class JsonApiTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	Records records;

	Person rep;

	String tag;

	@BeforeEach
	void setUp() {
		this.rep = this.people.rep();
		this.tag = Names.tag();
	}

	@Test
	void listCarriesIntegerMetaAndPlainStringLinks() {
		saveAccounts("Alpha", "Bravo", "Charlie");

		Response first = this.api.as(this.rep).get("/api/v1/accounts?page[size]=2&sort=name");

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Content-Type")).startsWith(Api.MEDIA_TYPE);
		JsonNode meta = first.json().path("meta");
		assertThat(meta.path("total").isIntegralNumber()).isTrue();
		assertThat(meta.path("total").asLong()).isEqualTo(3);
		assertThat(meta.path("page").isIntegralNumber()).isTrue();
		assertThat(meta.path("page").asInt()).isEqualTo(1);
		assertThat(meta.path("page_size").asInt()).isEqualTo(2);
		JsonNode links = first.json().path("links");
		assertThat(links.path("self").isString()).isTrue();
		assertThat(links.path("first").isString()).isTrue();
		assertThat(links.path("last").isString()).isTrue();
		assertThat(links.path("next").isString()).isTrue();
		assertThat(links.has("prev")).as("no previous page on page 1").isFalse();
		assertThat(links.path("next").asString()).startsWith("/api/v1/accounts?").contains("page%5Bnumber%5D=2");
		assertThat(first.attribute("name")).containsExactly(name("Alpha"), name("Bravo"));

		Response last = this.api.as(this.rep).get(links.path("next").asString());

		assertThat(last.status()).isEqualTo(200);
		assertThat(last.json().path("meta").path("page").asInt()).isEqualTo(2);
		assertThat(last.attribute("name")).containsExactly(name("Charlie"));
		assertThat(last.json().path("links").path("prev").isString()).isTrue();
		assertThat(last.json().path("links").has("next")).as("no next page on the last page").isFalse();
		assertThat(last.json().path("links").path("last").asString()).contains("page%5Bnumber%5D=2");
	}

	/**
	 * Clients of the dialect write {@code page[size]} with bare brackets, as curl and
	 * browsers send them.
	 */
	@Test
	void pageSizeDefaultsTo20AndRefusesMoreThan500() {
		Response list = this.api.as(this.rep).get("/api/v1/accounts");
		assertThat(list.json().path("meta").path("page_size").asInt()).isEqualTo(20);

		assertThat(this.api.as(this.rep).get("/api/v1/accounts?page[size]=500").status()).isEqualTo(200);
		assertThat(this.api.as(this.rep)
			.get("/api/v1/accounts?page%5Bsize%5D=7")
			.json()
			.path("meta")
			.path("page_size")
			.asInt()).as("brackets percent-encoded").isEqualTo(7);
		Response tooLarge = this.api.as(this.rep).get("/api/v1/accounts?page[size]=501");
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.errorDetail()).contains("page[size]");
		assertThat(this.api.as(this.rep).get("/api/v1/accounts?page[size]=0").status()).isEqualTo(400);
		assertThat(this.api.as(this.rep).get("/api/v1/accounts?page[number]=0").status()).isEqualTo(400);
		assertThat(this.api.as(this.rep).get("/api/v1/accounts?page[size]=many").status()).isEqualTo(400);
	}

	@Test
	void sparseFieldsetsLimitTheAttributes() {
		saveAccounts("Alpha");

		Response list = this.api.as(this.rep).get("/api/v1/accounts?fields[accounts]=name");

		JsonNode resource = list.json().path("data").path(0);
		assertThat(resource.path("attributes").propertyNames()).containsExactly("name");
		assertThat(resource.path("id").isString()).isTrue();
		assertThat(resource.path("type").asString()).isEqualTo("accounts");
		assertThat(this.api.as(this.rep).get("/api/v1/accounts?fields[accounts]=name,no_such_field").status())
			.isEqualTo(400);
	}

	@Test
	void sortsDescendingWithAMinus() {
		saveAccounts("Alpha", "Charlie", "Bravo");

		Response list = this.api.as(this.rep).get("/api/v1/accounts?sort=-name");

		assertThat(list.attribute("name")).containsExactly(name("Charlie"), name("Bravo"), name("Alpha"));
		assertThat(this.api.as(this.rep).get("/api/v1/accounts?sort=no_such_field").status()).isEqualTo(400);
	}

	@Test
	void includesTheAccountsOfContacts() {
		long account = this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));
		this.records.save(aContact().named("Ann", name("Lee")).at(account).ownedBy(this.rep));
		this.records.save(aContact().named("Bob", name("Lee")).at(account).ownedBy(this.rep));

		Response list = this.api.as(this.rep).get("/api/v1/contacts?include=account");

		assertThat(list.status()).isEqualTo(200);
		JsonNode contact = list.json().path("data").path(0);
		assertThat(contact.path("relationships").path("account").path("data").path("id").asString())
			.isEqualTo(String.valueOf(account));
		JsonNode included = list.json().path("included");
		assertThat(included.size()).as("each included record once").isEqualTo(1);
		assertThat(included.path(0).path("type").asString()).isEqualTo("accounts");
		assertThat(included.path(0).path("id").asString()).isEqualTo(String.valueOf(account));
		assertThat(included.path(0).path("attributes").path("name").asString()).isEqualTo(name("Alpha"));
		assertThat(this.api.as(this.rep).get("/api/v1/contacts?include=nothing").status()).isEqualTo(400);
	}

	@Test
	void indexListsTheModules() {
		Response index = this.api.as(this.rep).get("/api/v1/");

		assertThat(index.status()).isEqualTo(200);
		JsonNode links = index.json().path("links");
		assertThat(links.propertyNames()).contains("accounts", "contacts", "users");
		assertThat(links.path("accounts").path("href").asString()).isEqualTo("/api/v1/accounts");
	}

	@Test
	void schemaDescribesTheAttributes() {
		Response schema = this.api.as(this.rep).get("/api/v1/schema/accounts");

		assertThat(schema.status()).isEqualTo(200);
		assertThat(schema.json().has("data")).as("the dialect answers the description at the top level").isFalse();
		assertThat(schema.json().path("primary-key").asString()).isEqualTo("id");
		JsonNode attributes = schema.json().path("attributes");
		JsonNode name = attributes.path("name");
		assertThat(name.path("type").asString()).isEqualTo("string");
		assertThat(name.path("size").asInt()).isEqualTo(200);
		assertThat(name.path("nullable").asBoolean(true)).isFalse();
		assertThat(name.path("label").asString()).isEqualTo("Account name");
		assertThat(attributes.path("city").path("nullable").asBoolean(false)).isTrue();
		assertThat(attributes.path("account_type").path("type").asString()).isEqualTo("enum");
		JsonNode owner = attributes.path("owner_id");
		assertThat(owner.path("type").asString()).isEqualTo("relation");
		assertThat(owner.path("relationType").asString()).isEqualTo("users");
		assertThat(owner.path("relationName").asString()).isEqualTo("owner");
		assertThat(schema.json().path("relations").path("contacts").path("relationType").asString())
			.isEqualTo("contacts");
		assertThat(this.api.as(this.rep).get("/api/v1/schema/no_such_module").status()).isEqualTo(404);
	}

	@Test
	void schemaLabelsEveryAttributeInBothLanguages() {
		for (String module : List.of("accounts", "contacts", "users")) {
			for (String language : List.of("en", "de")) {
				JsonNode attributes = this.api.as(this.rep)
					.language(language)
					.get("/api/v1/schema/" + module)
					.json()
					.path("attributes");
				attributes.properties()
					.forEach((attribute) -> assertThat(attribute.getValue().path("label").asString())
						.as("label of %s.%s in %s", module, attribute.getKey(), language)
						.isNotBlank()
						.isNotEqualTo(attribute.getKey()));
			}
		}
		assertThat(this.api.as(this.rep)
			.language("de")
			.get("/api/v1/schema/accounts")
			.json()
			.path("attributes")
			.path("city")
			.path("label")
			.asString()).isEqualTo("Ort");
	}

	@Test
	void createAnswers201WithTheResource() {
		Response created = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", name("Alpha"), "city", "Berlin")));

		assertThat(created.status()).isEqualTo(201);
		JsonNode data = created.json().path("data");
		assertThat(data.path("type").asString()).isEqualTo("accounts");
		assertThat(data.path("id").asString()).isNotBlank();
		assertThat(data.path("attributes").path("name").asString()).isEqualTo(name("Alpha"));
		assertThat(data.path("attributes").path("city").asString()).isEqualTo("Berlin");
		assertThat(data.path("attributes").path("account_type").asString()).as("the default type")
			.isEqualTo("prospect");
		assertThat(data.path("attributes").path("owner_id").asLong()).as("owned by its creator")
			.isEqualTo(this.rep.id());
		assertThat(data.path("attributes").path("created_by").asString()).isEqualTo(this.rep.username());
		assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + data.path("id").asString());
		assertThat(this.api.as(this.rep).get("/api/v1/accounts/" + data.path("id").asString()).status()).isEqualTo(200);
	}

	@Test
	void patchChangesOnlyTheGivenAttributes() {
		long id = this.records.save(anAccount().named(name("Alpha")).ofType("customer").in("Berlin").ownedBy(this.rep));

		Response patched = this.api.as(this.rep)
			.patch("/api/v1/accounts/" + id, Api.document("accounts", id, Map.of("city", "Hamburg")));

		assertThat(patched.status()).isEqualTo(200);
		JsonNode attributes = patched.json().path("data").path("attributes");
		assertThat(attributes.path("city").asString()).isEqualTo("Hamburg");
		assertThat(attributes.path("name").asString()).isEqualTo(name("Alpha"));
		assertThat(attributes.path("account_type").asString()).isEqualTo("customer");
		assertThat(attributes.path("owner_id").asLong()).isEqualTo(this.rep.id());
		assertThat(attributes.path("version").asLong()).isEqualTo(1);
		JsonNode reread = this.api.as(this.rep).get("/api/v1/accounts/" + id).json().path("data").path("attributes");
		assertThat(reread.path("city").asString()).isEqualTo("Hamburg");
		assertThat(reread.path("name").asString()).isEqualTo(name("Alpha"));
	}

	@Test
	void patchWithNullClearsAnOptionalAttribute() {
		long id = this.records.save(anAccount().named(name("Alpha")).in("Berlin").ownedBy(this.rep));
		Map<String, Object> attributes = new java.util.HashMap<>();
		attributes.put("city", null);

		Response patched = this.api.as(this.rep)
			.patch("/api/v1/accounts/" + id, Api.document("accounts", id, attributes));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().path("data").path("attributes").path("city").isNull()).isTrue();
	}

	@Test
	void deleteAnswers204AndTheRecordIsGone() {
		long id = this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));

		Response deleted = this.api.as(this.rep).delete("/api/v1/accounts/" + id);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertThat(this.api.as(this.rep).get("/api/v1/accounts/" + id).status()).isEqualTo(404);
		assertThat(this.api.as(this.rep).delete("/api/v1/accounts/" + id).status()).isEqualTo(404);
	}

	@Test
	void getAnswersOneResourceWithItsLinks() {
		long account = this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));
		long contact = this.records.save(aContact().named("Ann", name("Lee")).at(account).ownedBy(this.rep));

		Response got = this.api.as(this.rep).get("/api/v1/contacts/" + contact + "?include=account,owner");

		assertThat(got.status()).isEqualTo(200);
		JsonNode data = got.json().path("data");
		assertThat(data.path("id").asString()).isEqualTo(String.valueOf(contact));
		assertThat(data.path("attributes").path("account_id").asLong()).isEqualTo(account);
		assertThat(data.path("links").path("self").asString()).isEqualTo("/api/v1/contacts/" + contact);
		assertThat(got.json().path("included").valueStream().map((resource) -> resource.path("type").asString()))
			.containsExactlyInAnyOrder("accounts", "users");
	}

	private void saveAccounts(String... names) {
		for (String name : names) {
			this.records.save(anAccount().named(name(name)).ownedBy(this.rep));
		}
	}

	private String name(String name) {
		return this.tag + " " + name;
	}

}
