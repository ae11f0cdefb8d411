package org.potentia.platform.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.potentia.identity.IdentityService;
import org.potentia.identity.ProfileView;
import org.potentia.identity.User;
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
 * Every refusal of the web service is a JSON:API error document with the right 4xx status
 * and a message that says why, in the client's language; hostile input is data, never SQL
 * and never a 500.
 */
@PotentiaTest
class ApiErrorTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	IdentityService identity;

	@Autowired
	ProfileView profiles;

	Person rep;

	String tag;

	@BeforeEach
	void setUp() {
		this.rep = this.people.rep();
		this.tag = Names.tag();
	}

	@Test
	void malformedJsonBodyIs400NamingTheProblem() {
		Response response = this.api.as(this.rep).post("/api/v1/accounts", "{\"data\": {\"attributes\": {\"name\": ");

		assertError(response, 400);
		assertThat(response.errorDetail()).contains("not valid JSON");
	}

	@Test
	void bodyWithoutDataIs400() {
		assertThat(this.api.as(this.rep).post("/api/v1/accounts", "{\"name\":\"Acme\"}").errorDetail())
			.contains("'data'");
		assertError(this.api.as(this.rep).post("/api/v1/accounts", "{\"data\":{\"attributes\":[1]}}"), 400);
		assertError(this.api.as(this.rep).post("/api/v1/accounts", "[]"), 400);
	}

	@Test
	void documentOfAnotherTypeIs409() {
		Response response = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("contacts", Map.of("name", name("Alpha"))));

		assertError(response, 409);
		assertThat(response.errorDetail()).contains("contacts");
	}

	@Test
	void bodyThatIsNotJsonApiIs415() {
		Response response = this.api.as(this.rep)
			.header("Content-Type", "text/plain")
			.post("/api/v1/accounts", "name=Acme");

		assertError(response, 415);
	}

	@Test
	void malformedFilterIs400() {
		Response response = this.api.as(this.rep).get("/api/v1/accounts?filter=" + Api.encode("{\"$eq\":[\"name\""));

		assertError(response, 400);
		assertThat(response.errorDetail()).isEqualTo("The filter is not valid JSON.");
	}

	@Test
	void aBadFilterSortOrPageIsToldInTheUsersLanguage() {
		Response json = this.api.as(this.rep)
			.language("de")
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$eq\":[\"name\""));
		assertError(json, 400);
		assertThat(json.errorDetail()).isEqualTo("Der Filter ist kein g\u00fcltiges JSON.");
		Response field = this.api.as(this.rep)
			.language("de")
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$eq\":[\"no_such_field\",\"x\"]}"));
		assertThat(field.errorDetail()).isEqualTo("Ein Feld 'no_such_field' gibt es zum Filtern von accounts nicht.");
		Response sort = this.api.as(this.rep).language("de").get("/api/v1/accounts?sort=nonsense");
		assertError(sort, 400);
		assertThat(sort.errorDetail()).isEqualTo("accounts kann nicht nach 'nonsense' sortiert werden.");
		Response size = this.api.as(this.rep).language("de").get("/api/v1/accounts?page%5Bsize%5D=0");
		assertError(size, 400);
		assertThat(size.errorDetail()).startsWith("page[size] muss zwischen 1 und ");
	}

	@Test
	void unknownFilterFieldIs400NamingIt() {
		Response response = this.api.as(this.rep)
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$eq\":[\"no_such_field\",\"x\"]}"));

		assertError(response, 400);
		assertThat(response.errorDetail()).contains("no field 'no_such_field'");
	}

	@Test
	void unknownFilterOperatorIs400NamingIt() {
		Response response = this.api.as(this.rep)
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$almost\":[\"name\",\"x\"]}"));

		assertError(response, 400);
		assertThat(response.errorDetail()).contains("unknown filter operator '$almost'");
	}

	@Test
	void missingTokenIs401() {
		Response response = this.api.anonymous().get("/api/v1/accounts");

		assertError(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void wrongTokenIs401() {
		Response response = this.api.anonymous()
			.header("Authorization", "Bearer pt_not-a-token")
			.get("/api/v1/accounts");

		assertError(response, 401);
	}

	@Test
	void revokedTokenIs401() {
		Person rep = this.people.rep();
		long tokenId = this.profiles.of(rep.currentUser()).tokens().get(0).id();
		this.identity.revokeToken(rep.currentUser(), tokenId);

		assertError(this.api.as(rep).get("/api/v1/accounts"), 401);
	}

	@Test
	void deactivatedUsersTokenIs401() {
		Person rep = this.people.rep();
		assertThat(this.api.as(rep).get("/api/v1/accounts").status()).isEqualTo(200);
		User user = this.identity.findUser(rep.id()).orElseThrow();
		this.identity.updateUser(rep.id(), user.getVersion(), user.getFirstName(), user.getLastName(), user.getEmail(),
				user.getRole(), user.getTeamId(), false, this.people.admin().currentUser());

		assertError(this.api.as(rep).get("/api/v1/accounts"), 401);
	}

	@Test
	void aTokensLastUseIsKept() {
		Person rep = this.people.rep();
		assertThat(this.profiles.of(rep.currentUser()).tokens().get(0).lastUsedAt()).isNull();

		assertThat(this.api.as(rep).get("/api/v1/accounts").status()).isEqualTo(200);

		assertThat(this.profiles.of(rep.currentUser()).tokens().get(0).lastUsedAt()).isNotNull();
	}

	/*
	 * No module is closed to a whole role, so no write through the API answers 403: a
	 * record the user may not see is 404, a rule the service keeps is 409 or 422. The
	 * admin pages' 403 is in SecurityConfigurationTests.
	 */

	@Test
	void writingAReadOnlyModuleIs405() {
		Response response = this.api.as(this.rep)
			.post("/api/v1/users", Api.document("users", Map.of("username", Names.unique("user"))));

		assertError(response, 405);
	}

	@Test
	void unknownIdIs404() {
		assertError(this.api.as(this.rep).get("/api/v1/accounts/" + Long.MAX_VALUE), 404);
		assertError(this.api.as(this.rep).get("/api/v1/accounts/not-a-number"), 404);
		assertError(this.api.as(this.rep).get("/api/v1/no_such_module"), 404);
		assertError(this.api.as(this.rep)
			.patch("/api/v1/accounts/" + Long.MAX_VALUE,
					Api.document("accounts", Long.MAX_VALUE, Map.of("city", "Berlin"))),
				404);
		assertError(this.api.as(this.rep).delete("/api/v1/accounts/" + Long.MAX_VALUE), 404);
	}

	@Test
	void recordTheUserMayNotSeeIs404() {
		long hidden = this.records.save(anAccount().named(name("Hidden")).ownedBy(this.people.rep()));

		Response response = this.api.as(this.rep).get("/api/v1/accounts/" + hidden);

		assertError(response, 404);
		assertThat(response.errorDetail()).isEqualTo("The record does not exist or you may not see it.");
	}

	@Test
	void staleVersionOnPatchIs409() {
		long id = this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));
		Response first = this.api.as(this.rep)
			.patch("/api/v1/accounts/" + id, Api.document("accounts", id, Map.of("city", "Berlin", "version", 0)));
		assertThat(first.status()).isEqualTo(200);

		Response stale = this.api.as(this.rep)
			.patch("/api/v1/accounts/" + id, Api.document("accounts", id, Map.of("city", "Hamburg", "version", 0)));

		assertError(stale, 409);
		assertThat(stale.errorDetail()).contains("Someone else saved this record");
		assertThat(this.api.as(this.rep)
			.get("/api/v1/accounts/" + id)
			.json()
			.path("data")
			.path("attributes")
			.path("city")
			.asString()).as("the stale change is not saved").isEqualTo("Berlin");
	}

	@Test
	void deletingAnAccountWithContactsIs409SayingWhy() {
		long account = this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));
		this.records.save(aContact().at(account).ownedBy(this.rep));
		this.records.save(aContact().at(account).ownedBy(this.rep));

		Response response = this.api.as(this.rep).delete("/api/v1/accounts/" + account);

		assertError(response, 409);
		assertThat(response.errorDetail()).isEqualTo("This record cannot be deleted: 2 contact(s) still belong to it.");
		assertThat(this.api.as(this.rep).get("/api/v1/accounts/" + account).status()).isEqualTo(200);
	}

	@Test
	void blankNameIs422PointingAtTheName() {
		Response response = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", "  ", "city", "Berlin")));

		assertError(response, 422);
		JsonNode error = response.json().path("errors").path(0);
		assertThat(error.path("source").path("pointer").asString()).isEqualTo("/data/attributes/name");
		assertThat(error.path("detail").asString()).isEqualTo("Please fill in this field.");
	}

	@Test
	void missingNameIs422() {
		Response response = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("accounts", Map.of("city", "Berlin")));

		assertError(response, 422);
		assertThat(pointers(response)).containsExactly("/data/attributes/name");
	}

	@Test
	void blankNameOnPatchIs422AndNothingChanges() {
		long id = this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));

		Response response = this.api.as(this.rep)
			.patch("/api/v1/accounts/" + id, Api.document("accounts", id, Map.of("name", "")));

		assertError(response, 422);
		assertThat(pointers(response)).containsExactly("/data/attributes/name");
		assertThat(this.api.as(this.rep)
			.get("/api/v1/accounts/" + id)
			.json()
			.path("data")
			.path("attributes")
			.path("name")
			.asString()).isEqualTo(name("Alpha"));
	}

	@Test
	void unknownAttributeIs422PointingAtIt() {
		Response response = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", name("Alpha"), "colour", "red")));

		assertError(response, 422);
		JsonNode error = response.json().path("errors").path(0);
		assertThat(error.path("source").path("pointer").asString()).isEqualTo("/data/attributes/colour");
		assertThat(error.path("detail").asString()).isEqualTo("Unknown attribute 'colour'.");
	}

	@Test
	void readOnlyAndMistypedAttributesAre422() {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("name", name("Alpha"));
		attributes.put("created_at", "2020-01-01T00:00:00Z");
		attributes.put("owner_id", "somebody");
		attributes.put("account_type", "friend");
		attributes.put("city", List.of("Berlin"));

		Response response = this.api.as(this.rep).post("/api/v1/accounts", Api.document("accounts", attributes));

		assertError(response, 422);
		assertThat(pointers(response)).containsExactlyInAnyOrder("/data/attributes/created_at",
				"/data/attributes/owner_id", "/data/attributes/account_type", "/data/attributes/city");
	}

	@Test
	void tooLongNameIs422() {
		Response response = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", "x".repeat(201))));

		assertError(response, 422);
		assertThat(response.errorDetail()).isEqualTo("Enter at most 200 characters.");
	}

	@Test
	void linkingAContactToAHiddenAccountIs422() {
		long hidden = this.records.save(anAccount().named(name("Hidden")).ownedBy(this.people.rep()));

		Response response = this.api.as(this.rep)
			.post("/api/v1/contacts", Api.document("contacts", Map.of("last_name", name("Lee"), "account_id", hidden)));

		assertError(response, 422);
		assertThat(pointers(response)).containsExactly("/data/attributes/account_id");
	}

	@Test
	void errorsSpeakGermanWhenAskedTo() {
		long hidden = this.records.save(anAccount().named(name("Hidden")).ownedBy(this.people.rep()));
		long account = this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));
		this.records.save(aContact().at(account).ownedBy(this.rep));

		assertThat(this.api.as(this.rep).language("de").get("/api/v1/accounts/" + hidden).errorDetail())
			.isEqualTo("Der Datensatz existiert nicht oder Sie d\u00fcrfen ihn nicht sehen.");
		assertThat(this.api.as(this.rep)
			.language("de-DE,de;q=0.9,en;q=0.5")
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", "")))
			.errorDetail()).isEqualTo("Bitte f\u00fcllen Sie dieses Feld aus.");
		assertThat(this.api.as(this.rep)
			.language("de")
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", name("Beta"), "colour", "red")))
			.errorDetail()).isEqualTo("Unbekanntes Attribut 'colour'.");
		assertThat(this.api.as(this.rep).language("de").delete("/api/v1/accounts/" + account).errorDetail())
			.isEqualTo("Dieser Datensatz kann nicht gel\u00f6scht werden: 1 Kontakt(e) geh\u00f6ren noch dazu.");
		assertThat(this.api.anonymous().language("de").get("/api/v1/accounts").errorDetail())
			.isEqualTo("Melden Sie sich an oder senden Sie ein g\u00fcltiges API-Token.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert('x')</script>", "'; drop table accounts; --",
			"Robert\"); DROP TABLE contacts;--", "100% _sure_ \\ back", "' OR '1'='1" })
	void hostileNamesAreStoredAndFoundLiterally(String hostile) {
		String name = this.tag + " " + hostile;

		Response created = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", name)));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("data").path("attributes").path("name").asString()).isEqualTo(name);
		Response found = this.api.as(this.rep)
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$eq\":[\"name\"," + quote(name) + "]}"));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.attribute("name")).containsExactly(name);
		Response contains = this.api.as(this.rep)
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$cts\":[\"name\"," + quote(hostile) + "]}"));
		assertThat(contains.attribute("name")).containsExactly(name);
		Response searched = this.api.as(this.rep).get("/api/v1/accounts?q=" + Api.encode(hostile));
		assertThat(searched.attribute("name")).containsExactly(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "' OR '1'='1", "'; drop table accounts; --", "x') OR 1=1 --", "%", "_" })
	void hostileFilterValuesMatchNothingAndBreakNothing(String hostile) {
		this.records.save(anAccount().named(name("Alpha")).ownedBy(this.rep));

		for (String operator : List.of("$eq", "$ne", "$beg", "$end", "$cts", "$gt")) {
			Response response = this.api.as(this.rep)
				.get("/api/v1/accounts?filter="
						+ Api.encode("{\"" + operator + "\":[\"name\"," + quote(this.tag + hostile) + "]}"));
			assertThat(response.status()).as(operator).isEqualTo(200);
			if (!operator.equals("$ne") && !operator.equals("$gt")) {
				assertThat(response.ids()).as(operator).isEmpty();
			}
		}
		assertThat(this.api.as(this.rep).get("/api/v1/accounts").attribute("name")).containsExactly(name("Alpha"));
	}

	@Test
	void hostileFieldNamesSortsAndIncludesAre400() {
		assertError(this.api.as(this.rep)
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$eq\":[\"name = name OR 1=1 --\",\"x\"]}")), 400);
		assertError(this.api.as(this.rep).get("/api/v1/accounts?sort=" + Api.encode("name; drop table accounts")), 400);
		assertError(this.api.as(this.rep).get("/api/v1/accounts?sort=" + Api.encode("(select 1)")), 400);
		assertError(this.api.as(this.rep).get("/api/v1/contacts?include=" + Api.encode("account;--")), 400);
		assertError(this.api.as(this.rep).get("/api/v1/accounts?fields[accounts]=" + Api.encode("name,(select 1)")),
				400);
	}

	@Test
	void controlCharactersAreStoredOrRefusedAsBadInput() {
		Response response = this.api.as(this.rep)
			.post("/api/v1/accounts", Api.document("accounts", Map.of("name", name("nul\u0000byte"))));

		// H2 stores a NUL; PostgreSQL cannot, which is bad input, not a conflict.
		assertThat(response.status()).as(response.toString()).isIn(201, 400);
		Response filtered = this.api.as(this.rep)
			.get("/api/v1/accounts?filter=" + Api.encode("{\"$eq\":[\"name\",\"nul\\u0000byte\"]}"));
		assertThat(filtered.status()).as(filtered.toString()).isIn(200, 400);
	}

	private static void assertError(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith(Api.MEDIA_TYPE);
		JsonNode error = response.json().path("errors").path(0);
		assertThat(error.path("status").asString()).isEqualTo(String.valueOf(status));
		assertThat(error.path("detail").asString()).isNotBlank();
	}

	private static List<String> pointers(Response response) {
		return response.json()
			.path("errors")
			.valueStream()
			.map((error) -> error.path("source").path("pointer").asString())
			.toList();
	}

	private static String quote(String text) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
	}

	private String name(String name) {
		return this.tag + " " + name;
	}

}
