package org.potentia.reporting.odata;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.uri.URIBuilder;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.client.core.http.BasicAuthHttpClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.potentia.testing.Accounts.anAccount;

/**
 * The OData feed as Excel and Power BI use it, checked with Apache Olingo's OData client
 * against the running server: the model from the catalogue, queries with the system query
 * options, server-driven paging, visibility, API-token sign-in and OData errors. Two
 * teams: a manager and rep A in the first, rep C in the second; A owns five potentials, C
 * three.
 */
@PotentiaTest
class ODataFeedTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	Api api;

	@Autowired
	Catalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	final ODataClient client = ODataClientFactory.getClient();

	String tag;

	Person admin;

	Person manager;

	Person repA;

	Person repC;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.tag = Names.tag();
		Team sales = this.people.team();
		Team other = this.people.team();
		this.admin = this.people.admin();
		this.manager = this.people.manager(sales);
		this.repA = this.people.rep(sales);
		this.repC = this.people.rep(other);
		long accountA = this.records.save(anAccount().named(Names.unique("Acme")).ownedBy(this.repA), this.admin);
		long accountC = this.records.save(anAccount().named(Names.unique("Beta")).ownedBy(this.repC), this.admin);
		for (int i = 1; i <= 5; i++) {
			potential(this.tag + "-a" + i, accountA, this.repA, new BigDecimal(i * 100 + ".50"));
		}
		for (int i = 1; i <= 3; i++) {
			potential(this.tag + "-c" + i, accountC, this.repC, new BigDecimal(i * 1000));
		}
	}

	private void potential(String name, long account, Person owner, BigDecimal amount) {
		Api.Response created = this.api.as(this.admin)
			.post("/api/v1/potentials", Api.document("potentials", Map.of("name", name, "account_id", account,
					"owner_id", owner.id(), "amount", amount, "expected_close_date", "2027-03-15")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	/**
	 * A query option's value for a URL: spaces as %20, since OData reads a plus as a
	 * plus.
	 */
	private static String encode(String value) {
		return Api.encode(value).replace("+", "%20");
	}

	private String root() {
		return "http://localhost:" + this.port + "/odata";
	}

	private URIBuilder potentials() {
		return this.client.newURIBuilder(root()).appendEntitySetSegment("potentials");
	}

	private ClientEntitySet read(Person person, URI uri) {
		return request(person, uri).execute().getBody();
	}

	private ODataEntitySetRequest<ClientEntitySet> request(Person person, URI uri) {
		ODataEntitySetRequest<ClientEntitySet> request = this.client.getRetrieveRequestFactory()
			.getEntitySetRequest(uri);
		request.addCustomHeader("Authorization", "Bearer " + person.token());
		return request;
	}

	private static List<String> names(ClientEntitySet set) {
		return set.getEntities()
			.stream()
			.map((entity) -> entity.getProperty("name").getPrimitiveValue().toString())
			.toList();
	}

	private List<String> mine(Person person) {
		return names(read(person, potentials().filter("startswith(name,'" + this.tag + "')").build()));
	}

	@Test
	void theMetadataHasAnEntitySetForEveryModuleTypedFromTheCatalogue() {
		var request = this.client.getRetrieveRequestFactory().getMetadataRequest(root());
		request.addCustomHeader("Authorization", "Bearer " + this.repA.token());
		Edm edm = request.execute().getBody();

		for (ModuleDefinition module : this.catalogue.modules()) {
			EdmEntitySet set = edm.getEntityContainer().getEntitySet(module.name());
			assertThat(set).as(module.name()).isNotNull();
			EdmEntityType type = set.getEntityType();
			assertThat(type.getKeyPredicateNames()).containsExactly("id");
			for (Field field : module.fields()) {
				EdmProperty property = type.getStructuralProperty(field.name());
				assertThat(property).as(module.name() + "." + field.name()).isNotNull();
				assertThat(property.getType().getName()).as(module.name() + "." + field.name())
					.isEqualTo(CatalogueEdmProvider.typeOf(field.type()).name());
			}
		}
		EdmEntityType potential = edm.getEntityContainer().getEntitySet("potentials").getEntityType();
		assertThat(potential.getStructuralProperty("amount").getType().getName())
			.isEqualTo(EdmPrimitiveTypeKind.Decimal.name());
		assertThat(potential.getStructuralProperty("amount").getScale()).isEqualTo(2);
		assertThat(potential.getStructuralProperty("expected_close_date").getType().getName())
			.isEqualTo(EdmPrimitiveTypeKind.Date.name());
		assertThat(potential.getStructuralProperty("created_at").getType().getName())
			.isEqualTo(EdmPrimitiveTypeKind.DateTimeOffset.name());
		assertThat(potential.getStructuralProperty("account_id").getType().getName())
			.isEqualTo(EdmPrimitiveTypeKind.Int64.name());
	}

	@Test
	void listsWithFilterSelectTopAndOrderBy() throws Exception {
		URI uri = potentials().filter("startswith(name,'" + this.tag + "') and amount gt 150 and amount le 400.50")
			.select("name,amount,expected_close_date")
			.orderBy("amount desc")
			.top(2)
			.build();

		ClientEntitySet set = read(this.admin, uri);

		assertThat(names(set)).containsExactly(this.tag + "-a4", this.tag + "-a3");
		ClientEntity first = set.getEntities().get(0);
		assertThat(first.getProperty("amount").getPrimitiveValue().toCastValue(BigDecimal.class))
			.isEqualByComparingTo("400.50");
		assertThat(first.getProperty("expected_close_date").getPrimitiveValue().toString()).isEqualTo("2027-03-15");
		assertThat(first.getProperty("id")).as("the key is always there").isNotNull();
		assertThat(first.getProperty("owner_id")).as("not selected").isNull();
		assertThat(set.getNext()).as("$top asked for no more").isNull();
	}

	@Test
	void theOperatorsTranslate() {
		String mine = "startswith(name,'" + this.tag + "')";
		assertThat(names(read(this.admin, potentials().filter(mine + " and endswith(name,'-a2')").build())))
			.containsExactly(this.tag + "-a2");
		assertThat(names(read(this.admin, potentials().filter(mine + " and contains(name,'-c')").build())))
			.containsExactly(this.tag + "-c1", this.tag + "-c2", this.tag + "-c3");
		assertThat(names(
				read(this.admin, potentials().filter(mine + " and (amount eq 100.50 or amount ge 3000)").build())))
			.containsExactly(this.tag + "-a1", this.tag + "-c3");
		assertThat(names(
				read(this.admin, potentials().filter(mine + " and not (amount lt 2000) and amount ne 3000").build())))
			.containsExactly(this.tag + "-c2");
		assertThat(names(
				read(this.admin, potentials().filter(mine + " and tolower(name) eq '" + this.tag + "-a5'").build())))
			.containsExactly(this.tag + "-a5");
		assertThat(read(this.admin, potentials().filter(mine + " and next_step eq null").build()).getEntities())
			.hasSize(8);
		assertThat(read(this.admin, potentials().filter(mine + " and next_step ne null").build()).getEntities())
			.isEmpty();
		assertThat(names(read(this.admin,
				potentials().filter(mine + " and expected_close_date eq 2027-03-15 and amount lt 300").build())))
			.containsExactly(this.tag + "-a1", this.tag + "-a2");
	}

	@Test
	void pagesFollowTheNextLinkAndCount() {
		URI uri = potentials().filter("startswith(name,'" + this.tag + "')").orderBy("name").count(true).build();
		List<String> names = new ArrayList<>();
		int pages = 0;
		while (uri != null) {
			ODataEntitySetRequest<ClientEntitySet> request = request(this.admin, uri);
			request.setPrefer(this.client.newPreferences().maxPageSize(3));
			ClientEntitySet page = request.execute().getBody();
			assertThat(page.getEntities().size()).isLessThanOrEqualTo(3);
			assertThat(page.getCount()).isEqualTo(8);
			names.addAll(names(page));
			uri = page.getNext();
			pages++;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(names).containsExactly(this.tag + "-a1", this.tag + "-a2", this.tag + "-a3", this.tag + "-a4",
				this.tag + "-a5", this.tag + "-c1", this.tag + "-c2", this.tag + "-c3");
	}

	@Test
	void skipAndTopWorkAcrossPages() {
		URI uri = potentials().filter("startswith(name,'" + this.tag + "')").orderBy("name").skip(1).top(5).build();
		List<String> names = new ArrayList<>();
		while (uri != null) {
			ODataEntitySetRequest<ClientEntitySet> request = request(this.admin, uri);
			request.setPrefer(this.client.newPreferences().maxPageSize(2));
			ClientEntitySet page = request.execute().getBody();
			names.addAll(names(page));
			uri = page.getNext();
		}

		assertThat(names).containsExactly(this.tag + "-a2", this.tag + "-a3", this.tag + "-a4", this.tag + "-a5",
				this.tag + "-c1");
	}

	@Test
	void theCountSegmentAndTheMinimalJsonThatPowerBiReads() {
		Api.Response count = this.api.as(this.manager)
			.header("Accept", "text/plain")
			.get("/odata/potentials/$count?$filter=" + encode("startswith(name,'" + this.tag + "')"));
		assertThat(count.status()).as(count.body()).isEqualTo(200);
		assertThat(count.body().trim()).isEqualTo("5");

		Api.Response page = this.api.as(this.repC)
			.header("Accept", "application/json;odata.metadata=minimal")
			.header("Prefer", "odata.maxpagesize=2")
			.get("/odata/potentials?$count=true&$select=name&$filter=" + encode("startswith(name,'" + this.tag + "')"));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		JsonNode json = page.json();
		assertThat(json.path("@odata.context").asString())
			.matches(".*/odata/\\$metadata#potentials\\((id,name|name,id)\\)");
		assertThat(json.path("@odata.count").asInt()).isEqualTo(3);
		assertThat(json.path("value")).hasSize(2);
		assertThat(json.path("@odata.nextLink").asString()).contains("$skiptoken=2");
		assertThat(page.header("Preference-Applied")).isEqualTo("odata.maxpagesize=2");
	}

	@Test
	void fullMetadataNamesEachEntitysType() {
		Api.Response page = this.api.as(this.repC)
			.header("Accept", "application/json;odata.metadata=full")
			.get("/odata/potentials?$select=name&$filter=" + encode("startswith(name,'" + this.tag + "')"));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		JsonNode json = page.json();
		assertThat(json.path("value")).hasSize(3);
		for (JsonNode entity : json.path("value")) {
			assertThat(entity.path("@odata.type").asString()).isEqualTo("#Potentia.potentials");
		}
	}

	@Test
	void eachSeesOnlyWhatTheyMaySee() {
		List<String> teamA = List.of(this.tag + "-a1", this.tag + "-a2", this.tag + "-a3", this.tag + "-a4",
				this.tag + "-a5");
		List<String> teamC = List.of(this.tag + "-c1", this.tag + "-c2", this.tag + "-c3");

		assertThat(mine(this.repA)).containsExactlyElementsOf(teamA);
		assertThat(mine(this.repC)).containsExactlyElementsOf(teamC);
		assertThat(mine(this.manager)).containsExactlyElementsOf(teamA);
		assertThat(mine(this.admin)).hasSize(8);
		// Further into the answer, where a page's ids are found first and then read.
		URI further = potentials().filter("startswith(name,'" + this.tag + "')").orderBy("name").skip(4).top(3).build();
		assertThat(names(read(this.manager, further))).containsExactly(this.tag + "-a5");
		assertThat(names(read(this.admin, further))).containsExactly(this.tag + "-a5", this.tag + "-c1",
				this.tag + "-c2");

		// A count, and a record asked for by key, see no more.
		URI counted = potentials().filter("startswith(name,'" + this.tag + "')").count(true).top(0).build();
		assertThat(read(this.manager, counted).getCount()).isEqualTo(5);
		long secret = Long
			.parseLong(read(this.repC, potentials().filter("name eq '" + this.tag + "-c1'").build()).getEntities()
				.get(0)
				.getProperty("id")
				.getPrimitiveValue()
				.toString());
		Api.Response hidden = this.api.as(this.manager)
			.header("Accept", "application/json")
			.get("/odata/potentials(" + secret + ")");
		assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
		Api.Response missing = this.api.as(this.manager)
			.header("Accept", "application/json")
			.get("/odata/potentials(1234567)");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).as("the key as written, not as the number 1,234,567")
			.contains("There is no record 1234567 in potentials");
		Api.Response own = this.api.as(this.repC)
			.header("Accept", "application/json")
			.get("/odata/potentials(" + secret + ")");
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().path("name").asString()).isEqualTo(this.tag + "-c1");
	}

	@Test
	void anApiTokenIsRequiredAsBearerOrAsTheBasicPassword() {
		String path = "/odata/potentials?$filter=" + encode("startswith(name,'" + this.tag + "')");

		Api.Response anonymous = this.api.anonymous().header("Accept", "application/json").get(path);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().path("error").path("message").asString()).contains("API token");
		assertThat(anonymous.headers().get("WWW-Authenticate")).anyMatch((challenge) -> challenge.startsWith("Basic"));

		Api.Response wrongToken = this.api.anonymous()
			.header("Accept", "application/json")
			.header("Authorization", "Bearer not-a-token")
			.get(path);
		assertThat(wrongToken.status()).isEqualTo(401);

		Api.Response password = this.api.anonymous()
			.header("Accept", "application/json")
			.basic(this.repA.username(), this.repA.password())
			.get(path);
		assertThat(password.status()).as("a sign-in password is no API token").isEqualTo(401);

		Api.Response metadata = this.api.anonymous().get("/odata/$metadata");
		assertThat(metadata.status()).isEqualTo(401);

		// Excel's and Power BI's "Basic" credentials: the token as the password.
		ODataClient excel = ODataClientFactory.getClient();
		excel.getConfiguration().setHttpClientFactory(new BasicAuthHttpClientFactory("anyone", this.repA.token()));
		ClientEntitySet set = excel.getRetrieveRequestFactory()
			.getEntitySetRequest(excel.newURIBuilder(root())
				.appendEntitySetSegment("potentials")
				.filter("startswith(name,'" + this.tag + "')")
				.build())
			.execute()
			.getBody();
		assertThat(set.getEntities()).hasSize(5);
	}

	@Test
	void badQueriesAreODataErrorsNeverServerErrors() {
		assertThat(error(potentials().filter("nonsense eq 1").build()).getStatusLine().getStatusCode()).isEqualTo(400);
		assertThat(error(potentials().filter("name eq").build()).getStatusLine().getStatusCode()).isEqualTo(400);
		assertThat(error(potentials().filter("amount eq 1e40").build()).getStatusLine().getStatusCode()).isEqualTo(400);
		assertThat(error(potentials().filter("amount add 1 eq 2").build()).getStatusLine().getStatusCode())
			.isEqualTo(400);
		assertThat(error(potentials().select("nonsense").build()).getStatusLine().getStatusCode()).isEqualTo(400);
		assertThat(error(potentials().orderBy("description").build()).getStatusLine().getStatusCode()).isEqualTo(400);
		ODataClientErrorException unknownSet = error(
				this.client.newURIBuilder(root()).appendEntitySetSegment("nonsense").build());
		assertThat(unknownSet.getStatusLine().getStatusCode()).isEqualTo(404);

		Api.Response bad = this.api.as(this.repA)
			.header("Accept", "application/json")
			.language("de")
			.get("/odata/potentials?$filter=" + encode("amount lt 100000000000000000000"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("error").path("message").asString())
			.isEqualTo("Der Wert '100000000000000000000' passt nicht zu amount.");
		// Olingo's own errors, of the URL's parser and its checks, in the user's
		// language.
		Api.Response top = this.api.as(this.repA)
			.header("Accept", "application/json")
			.language("de")
			.get("/odata/potentials?$top=-1");
		assertThat(top.status()).isEqualTo(400);
		assertThat(top.json().path("error").path("message").asString())
			.isEqualTo("Die Abfrageoption '$top' erlaubt den Wert '-1' nicht.");
		assertThat(top.json().path("error").path("code").asString()).isEqualTo("400");
		Api.Response property = this.api.as(this.repA)
			.header("Accept", "application/json")
			.language("de")
			.get("/odata/potentials?$select=nonsense");
		assertThat(property.json().path("error").path("message").asString())
			.isEqualTo("Die Eigenschaft 'nonsense' der Abfrage gibt es im Typ 'potentials' nicht.");
		Api.Response english = this.api.as(this.repA)
			.header("Accept", "application/json")
			.language("en")
			.get("/odata/potentials?$top=-1");
		assertThat(english.json().path("error").path("message").asString())
			.isEqualTo("The system query option '$top' has the not-allowed value '-1'.");
		Api.Response skipToken = this.api.as(this.repA)
			.header("Accept", "application/json")
			.get("/odata/potentials?$skiptoken=x");
		assertThat(skipToken.status()).isEqualTo(400);
		assertThat(skipToken.json().path("error").path("message").asString()).contains("$skiptoken");
		// Deep nesting is refused before the parser sees it.
		String deep = "(".repeat(1000) + "amount eq 1" + ")".repeat(1000);
		Api.Response nested = this.api.as(this.repA)
			.header("Accept", "application/json")
			.get("/odata/potentials?$filter=" + encode(deep));
		assertThat(nested.status()).as(nested.body()).isEqualTo(400);
		assertThat(nested.json().path("error").path("message").asString()).contains("50");
		String fine = "(".repeat(20) + "amount eq 1" + ")".repeat(20);
		assertThat(this.api.as(this.repA)
			.header("Accept", "application/json")
			.get("/odata/potentials?$filter=" + encode(fine))
			.status()).isEqualTo(200);
		// What the feed does not implement is refused, not ignored: the plain rows are no
		// answer to a search or an aggregation.
		for (String option : List.of("$search=Alpha", "$apply=" + encode("aggregate(amount with sum as total)"),
				"$deltatoken=1")) {
			for (String path : List.of("/odata/potentials?", "/odata/potentials/$count?")) {
				Api.Response unsupported = this.api.as(this.repA)
					.header("Accept", "application/json")
					.language("de")
					.get(path + option);
				assertThat(unsupported.status()).as(path + option).isEqualTo(501);
				assertThat(unsupported.json().path("error").path("message").asString()).as(path + option)
					.startsWith("Der Feed unterstützt ")
					.contains(option.substring(0, option.indexOf('=')));
			}
		}
		String many = String.join(" or ", java.util.Collections.nCopies(250, "amount eq 1"));
		Api.Response tooMany = this.api.as(this.repA)
			.header("Accept", "application/json")
			.get("/odata/potentials?$filter=" + encode(many));
		assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
	}

	/**
	 * A stored value the model cannot carry (an amount with more digits than the declared
	 * precision, which the column holds but the forms never write) in the middle of a
	 * page is an OData error before anything is sent, never a page cut short after its
	 * first rows; the pages without it are served whole.
	 */
	@Test
	void aValueThatDoesNotFitItsPropertyIsAnErrorNotAPageCutShort() {
		long bad = this.jdbc.sql("SELECT id FROM potentials WHERE name = ?")
			.param(this.tag + "-a3")
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE potentials SET amount = 10000000000000000.00 WHERE id = ?").param(bad).update();
		// Other tests of this context may read every potential.
		try {
			String mine = "startswith(name,'" + this.tag + "')";

			Api.Response page = this.api.as(this.admin)
				.header("Accept", "application/json")
				.get("/odata/potentials?$filter=" + encode(mine) + "&$orderby=name");

			assertThat(page.status()).as(page.body()).isEqualTo(500);
			assertThat(page.json().path("error").path("message").asString()).contains("amount",
					"potentials(" + bad + ")");
			Api.Response one = this.api.as(this.admin)
				.header("Accept", "application/json")
				.get("/odata/potentials(" + bad + ")");
			assertThat(one.status()).as(one.body()).isEqualTo(500);
			assertThat(one.json().path("error").path("message").asString()).contains("amount");
			ClientEntitySet rest = read(this.admin,
					potentials().filter(mine + " and name ne '" + this.tag + "-a3'").orderBy("name").build());
			assertThat(rest.getEntities()).hasSize(7);
		}
		finally {
			this.jdbc.sql("UPDATE potentials SET amount = 300.50 WHERE id = ?").param(bad).update();
		}
	}

	@Test
	void theFeedIsReadOnly() {
		Api.Response post = this.api.as(this.admin)
			.header("Content-Type", "application/json")
			.post("/odata/potentials", "{\"name\":\"x\"}");
		assertThat(post.status()).isEqualTo(405);
		assertThat(post.json().path("error").path("message").asString()).contains("read-only");
		assertThat(this.api.as(this.admin)
			.header("Content-Type", "application/json")
			.patch("/odata/potentials(1)", "{}")
			.status()).isEqualTo(405);
		assertThat(this.api.as(this.admin).delete("/odata/potentials(1)").status()).isEqualTo(405);
	}

	private ODataClientErrorException error(URI uri) {
		ODataClientErrorException error = catchThrowableOfType(ODataClientErrorException.class,
				() -> read(this.repA, uri));
		assertThat(error).as(uri.toString()).isNotNull();
		assertThat(error.getODataError()).as(uri + " answers an OData error").isNotNull();
		assertThat(error.getODataError().getMessage()).as(uri.toString()).isNotBlank();
		return error;
	}

}
