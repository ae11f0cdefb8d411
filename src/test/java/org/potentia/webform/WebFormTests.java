package org.potentia.webform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A public web form as visitors and bots use it, without signing in: what it makes, what
 * it refuses and how, and that nothing accepted is lost. Each test posts from its own
 * address, so that the rate limit of one test does not reach another.
 */
@PotentiaTest
class WebFormTests {

	static final String ORIGIN = "https://shop.example.com";

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	WebFormService forms;

	@Autowired
	WebFormIntake intake;

	@Autowired
	SubmissionProcessor processor;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	final List<Long> made = new java.util.ArrayList<>();

	Person owner;

	WebForm form;

	String tag;

	String address;

	@BeforeEach
	void setUp() {
		this.tag = Names.tag();
		this.owner = this.people.rep();
		this.address = "10.9." + (addresses.incrementAndGet() / 250) + "." + (addresses.get() % 250);
		this.form = this.forms.create("Contact " + this.tag, "leads", java.util.Locale.ENGLISH);
		this.made.add(this.form.getId());
		define(this.form.getId(), 0, null, null);
		this.forms.fix(this.form.getId(), "campaign", "Spring fair " + this.tag);
		this.form = this.forms.get(this.form.getId());
	}

	@AfterEach
	void tearDown() {
		this.made.forEach(this.forms::delete);
	}

	@Test
	void theFormsPageNeedsNoSignInAndCarriesItsFieldsTokenAndHoneypot() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/forms/" + this.form.getKey()).with(from(this.address)))
			.andReturn()
			.getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Contact " + this.tag, "name=\"last_name\"", "name=\"email\"",
				"name=\"_token\"", "name=\"homepage\"", "Send");
		assertThat(page.getHeader("Content-Security-Policy")).isEqualTo("frame-ancestors 'self' " + ORIGIN);
		assertThat(page.getHeader("X-Frame-Options")).isNull();
		assertThat(this.mvc.perform(get("/forms/nosuchform").with(from(this.address)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aPostMakesALeadOfTheFormsOwnerWithTheFixedValuesAndNoAccountOrContact() throws Exception {
		String email = "anna-" + this.tag + "@example.com";
		long accountsBefore = count("accounts");
		long contactsBefore = count("contacts");

		MockHttpServletResponse answer = send(Map.of("first_name", "Anna", "last_name", "Berg " + this.tag, "company",
				"Berg GmbH " + this.tag, "email", email, "marketing_consent", "on"));

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentAsString()).contains("Thank you!");
		Map<String, Object> lead = lead(email);
		assertThat(((Number) lead.get("owner_id")).longValue()).isEqualTo(this.owner.id());
		assertThat(lead).containsEntry("lead_source", "web_form")
			.containsEntry("campaign", "Spring fair " + this.tag)
			.containsEntry("company", "Berg GmbH " + this.tag)
			.containsEntry("marketing_consent", true)
			.containsEntry("consent_source", "Contact " + this.tag);
		assertThat(lead.get("consent_date")).isNotNull();
		assertThat(submissions()).singleElement().satisfies((submission) -> {
			assertThat(submission.status()).isEqualTo("saved");
			assertThat(submission.recordId()).isEqualTo(((Number) lead.get("id")).longValue());
			assertThat(submission.payload()).contains("Berg GmbH " + this.tag).doesNotContain("_token");
		});
		assertThat(count("accounts")).isEqualTo(accountsBefore);
		assertThat(count("contacts")).isEqualTo(contactsBefore);
	}

	@Test
	void missingAndMalformedValuesReRenderTheFormWithAMessagePerFieldAndKeepNothing() throws Exception {
		MockHttpServletResponse answer = send(
				Map.of("first_name", "<script>alert(1)</script>", "email", "not-an-address " + this.tag));

		assertThat(answer.getStatus()).isEqualTo(422);
		String page = answer.getContentAsString();
		assertThat(page).contains("Please check the marked fields.", "This field is mandatory.", "is-invalid")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>")
			.contains("not-an-address " + this.tag);
		assertThat(submissions()).isEmpty();
	}

	@Test
	void hostileTextIsKeptAsText() throws Exception {
		String email = "drop-" + this.tag + "@example.com";
		String name = "O'Brien'); DROP TABLE leads; -- " + this.tag;

		assertThat(
				send(Map.of("last_name", name, "company", "<b>Bold</b>\u0000 " + this.tag, "email", email)).getStatus())
			.isEqualTo(200);

		Map<String, Object> lead = lead(email);
		assertThat(lead).containsEntry("last_name", name).containsEntry("company", "<b>Bold</b> " + this.tag);
	}

	@Test
	void aFilledHoneypotIsAnsweredLikeSuccessButKeepsNothing() throws Exception {
		String email = "bot-" + this.tag + "@example.com";

		MockHttpServletResponse answer = send(
				Map.of("last_name", "Bot", "email", email, WebFormIntake.HONEYPOT, "https://spam.example.com"));

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentAsString()).contains("Thank you!");
		assertThat(submissions()).isEmpty();
		assertThat(leads(email)).isEmpty();
	}

	@Test
	void aMissingForgedOrTooFreshTokenIsRefused() throws Exception {
		Map<String, String> values = Map.of("last_name", "Quick", "email", "quick-" + this.tag + "@example.com");

		assertThat(postForm(values, null).getContentAsString()).contains("The form could not be checked.");
		assertThat(postForm(values, "1700000000000.forged").getContentAsString())
			.contains("The form could not be checked.");
		define(this.form.getId(), 60, null, null);
		MockHttpServletResponse tooFast = send(values);
		assertThat(tooFast.getStatus()).isEqualTo(422);
		assertThat(tooFast.getContentAsString()).contains("That was very quick.");
		assertThat(submissions()).isEmpty();
	}

	@Test
	void anAddressThatPostsTooOftenIsToldToWait() throws Exception {
		int limit = 20;
		for (int i = 0; i < limit; i++) {
			assertThat(postForm(Map.of("last_name", "Flood"), null).getStatus()).isEqualTo(422);
		}

		MockHttpServletResponse refused = postForm(Map.of("last_name", "Flood"), null);

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 600L);
		assertThat(refused.getContentAsString()).contains("Too many submissions");
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
		MockHttpServletResponse refused = this.mvc
			.perform(post("/forms/" + this.form.getKey()).with(from(this.address))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("last_name=" + "x".repeat(70_000)))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(413);
		assertThat(refused.getContentAsString()).isEqualTo("The request is too large.");

		MockHttpServletResponse unknownLength = this.mvc
			.perform(post("/forms/" + this.form.getKey()).with(from(this.address))
				.header("Accept-Language", "de")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED))
			.andReturn()
			.getResponse();
		assertThat(unknownLength.getStatus()).isEqualTo(411);
		assertThat(unknownLength.getContentAsString()).contains("Content-Length");
	}

	@Test
	void theSameEmailWithinTheWindowUpdatesTheLeadAndAfterItMakesANewOne() throws Exception {
		String email = "twice-" + this.tag + "@example.com";
		send(Map.of("last_name", "Twice", "email", email, "phone", "+49 1"));
		send(Map.of("last_name", "Twice", "email", email.toUpperCase(), "company", "Later GmbH"));

		assertThat(leads(email)).singleElement().satisfies((lead) -> {
			assertThat(lead).containsEntry("phone", "+49 1").containsEntry("company", "Later GmbH");
		});
		assertThat(submissions()).extracting(Submissions.Submission::status).containsExactly("updated", "saved");

		this.jdbc
			.sql("UPDATE web_form_submissions SET received_at = received_at - INTERVAL '11' MINUTE WHERE form_id = ?")
			.param(this.form.getId())
			.update();
		send(Map.of("last_name", "Thrice", "email", email));
		assertThat(leads(email)).hasSize(2);
	}

	@Test
	void twoSubmissionsWithOneEmailAtOnceMakeOneLead() throws Exception {
		String email = "race-" + this.tag + "@example.com";
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<WebFormIntake.Result>> results = new java.util.ArrayList<>();
			for (String phone : List.of("+49 10", "+49 20")) {
				results.add(pool.submit(() -> {
					start.await();
					return this.intake.submit(this.form, Map.of("last_name", "Race", "email", email, "phone", phone,
							WebFormIntake.TOKEN, this.intake.token(this.form)), this.address);
				}));
			}
			start.countDown();
			for (var result : results) {
				assertThat(result.get().status()).isEqualTo("accepted");
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(leads(email)).hasSize(1);
		assertThat(submissions()).extracting(Submissions.Submission::status)
			.containsExactlyInAnyOrder("saved", "updated");
	}

	@Test
	void aSubmissionThatCannotBeSavedIsKeptAndSavedOnRetry() throws Exception {
		this.forms.removeField(this.form.getId(), this.form.field("last_name").orElseThrow().getId());
		String email = "kept-" + this.tag + "@example.com";

		MockHttpServletResponse answer = send(Map.of("first_name", "Kept", "email", email, "phone", "+49 2"));

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(leads(email)).isEmpty();
		Submissions.Submission failed = submissions().get(0);
		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.error()).contains("last_name");
		assertThat(failed.payload()).contains("+49 2");

		// Not due yet: the scheduled retry leaves it.
		this.processor.retryDue();
		assertThat(submissions().get(0).attempts()).isEqualTo(1);

		this.forms.fix(this.form.getId(), "last_name", "Unknown");
		this.jdbc.sql("UPDATE web_form_submissions SET next_attempt_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), failed.id())
			.update();
		this.processor.retryDue();

		assertThat(submissions().get(0).status()).isEqualTo("saved");
		assertThat(leads(email)).singleElement()
			.satisfies((lead) -> assertThat(lead).containsEntry("last_name", "Unknown")
				.containsEntry("first_name", "Kept")
				.containsEntry("phone", "+49 2"));
	}

	@Test
	void aTeamGetsTheNewLeadsInTurn() throws Exception {
		Team team = this.people.team();
		Person first = this.people.rep(team);
		Person second = this.people.rep(team);
		this.forms.define(this.form.getId(), null, this.form.getName(), true, null, null, this.owner.id(), team.getId(),
				null, null, null, ORIGIN, 0);

		for (int i = 1; i <= 3; i++) {
			send(Map.of("last_name", "Turn " + i, "email", "turn" + i + "-" + this.tag + "@example.com"));
		}

		List<Long> owners = this.jdbc.sql("SELECT owner_id FROM leads WHERE email LIKE ? ORDER BY last_name")
			.param("turn%-" + this.tag + "@example.com")
			.query(Long.class)
			.list();
		assertThat(owners).containsExactly(first.id(), second.id(), first.id());
	}

	@Test
	void jsonFromAnAllowedOriginGetsCorsHeadersAndJsonAnswers() throws Exception {
		MockHttpServletResponse preflight = this.mvc
			.perform(options("/forms/" + this.form.getKey()).with(from(this.address))
				.header("Origin", ORIGIN)
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "content-type"))
			.andReturn()
			.getResponse();
		assertThat(preflight.getStatus()).isEqualTo(204);
		assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
		assertThat(preflight.getHeader("Access-Control-Allow-Methods")).contains("POST");

		MockHttpServletResponse token = this.mvc
			.perform(get("/forms/" + this.form.getKey() + "/token").with(from(this.address)).header("Origin", ORIGIN))
			.andReturn()
			.getResponse();
		assertThat(token.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
		assertThat(token.getContentAsString()).contains("\"token\"");

		String email = "json-" + this.tag + "@example.com";
		MockHttpServletResponse created = json(ORIGIN, "{\"last_name\":\"Json\",\"email\":\"" + email
				+ "\",\"marketing_consent\":true,\"_token\":\"" + this.intake.token(this.form) + "\"}");
		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
		assertThat(created.getContentAsString()).contains("\"status\":\"accepted\"");
		assertThat(lead(email)).containsEntry("marketing_consent", true);

		MockHttpServletResponse invalid = json(ORIGIN,
				"{\"email\":\"nope\",\"_token\":\"" + this.intake.token(this.form) + "\"}");
		assertThat(invalid.getStatus()).isEqualTo(422);
		assertThat(invalid.getContentAsString()).contains("\"last_name\":\"This field is mandatory.\"", "\"email\":");

		assertThat(json(ORIGIN, "[1, 2").getStatus()).isEqualTo(400);
		assertThat(json(ORIGIN, "{\"last_name\":{\"nested\":1}}").getStatus()).isEqualTo(400);
	}

	@Test
	void anOriginTheFormDoesNotAllowIsRefused() throws Exception {
		String other = "https://evil.example.net";
		assertThat(this.mvc
			.perform(options("/forms/" + this.form.getKey()).with(from(this.address))
				.header("Origin", other)
				.header("Access-Control-Request-Method", "POST"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		MockHttpServletResponse refused = json(other,
				"{\"last_name\":\"Evil\",\"_token\":\"" + this.intake.token(this.form) + "\"}");

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getHeader("Access-Control-Allow-Origin")).isNull();
		assertThat(submissions()).isEmpty();
	}

	@Test
	void theVisitorsLanguageIsSpoken() throws Exception {
		String page = postForm(Map.of("email", "x"), this.intake.token(this.form), "de").getContentAsString();

		assertThat(page).contains("Bitte prüfen Sie die markierten Felder.", "Senden");
	}

	@Test
	void anOpportunityFormWritesTheOpportunityAndItsHistoryAsAWebForm() throws Exception {
		WebForm deals = this.forms.create("Quote " + this.tag, "potentials", java.util.Locale.ENGLISH);
		this.made.add(deals.getId());
		define(deals.getId(), 0, null, null);
		this.form = this.forms.get(deals.getId());
		String name = "Quote request " + this.tag;

		assertThat(send(Map.of("name", name, "amount", "1250.50")).getStatus()).isEqualTo(200);

		Map<String, Object> opportunity = this.jdbc
			.sql("SELECT id, owner_id, amount, lead_source, account_id, contact_id FROM potentials WHERE name = ?")
			.param(name)
			.query()
			.singleRow();
		assertThat(((Number) opportunity.get("owner_id")).longValue()).isEqualTo(this.owner.id());
		assertThat(opportunity).containsEntry("lead_source", "web_form");
		assertThat(opportunity.get("account_id")).isNull();
		assertThat(this.jdbc.sql("SELECT source FROM potential_history WHERE potential_id = ?")
			.param(opportunity.get("id"))
			.query(String.class)
			.list()).containsExactly("web_form");
	}

	private void define(long id, int minFillSeconds, String redirect, Long teamId) {
		this.forms.define(id, null, this.forms.get(id).getName(), true, null, null, this.owner.id(), teamId, null, null,
				redirect, ORIGIN, minFillSeconds);
	}

	private MockHttpServletResponse send(Map<String, String> values) throws Exception {
		return postForm(values, this.intake.token(this.form));
	}

	private MockHttpServletResponse postForm(Map<String, String> values, String token) throws Exception {
		return postForm(values, token, "en");
	}

	/**
	 * Posts the values as a browser does: URL-encoded in the body, with its length.
	 */
	private MockHttpServletResponse postForm(Map<String, String> values, String token, String language)
			throws Exception {
		Map<String, String> body = new java.util.LinkedHashMap<>(values);
		if (token != null) {
			body.put(WebFormIntake.TOKEN, token);
		}
		String encoded = String.join("&",
				body.entrySet()
					.stream()
					.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
					.toList());
		MockHttpServletRequestBuilder request = post("/forms/" + this.form.getKey()).with(from(this.address))
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(encoded);
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private MockHttpServletResponse json(String origin, String body) throws Exception {
		return this.mvc
			.perform(post("/forms/" + this.form.getKey()).with(from(this.address))
				.header("Origin", origin)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private List<Submissions.Submission> submissions() {
		return this.forms.submissions(this.form.getId(), 100);
	}

	private Map<String, Object> lead(String email) {
		List<Map<String, Object>> leads = leads(email);
		assertThat(leads).hasSize(1);
		return leads.get(0);
	}

	private List<Map<String, Object>> leads(String email) {
		return this.jdbc.sql("SELECT * FROM leads WHERE LOWER(email) = ? ORDER BY id")
			.param(email.toLowerCase())
			.query()
			.listOfRows()
			.stream()
			.map(WebFormTests::lowerKeys)
			.toList();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static Map<String, Object> lowerKeys(Map<String, Object> row) {
		Map<String, Object> lower = new java.util.LinkedHashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(), value));
		return lower;
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
