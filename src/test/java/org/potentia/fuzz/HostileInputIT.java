package org.potentia.fuzz;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.potentia.testing.Api;
import org.potentia.testing.Api.Response;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.WebSession;
import org.potentia.testing.WebSession.Answer;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to everything the application serves (issue 11): every operation of the
 * served OpenAPI document (path and query parameters, JSON bodies built from each
 * module's attributes, odd bodies and content types), every form of the pages an admin
 * can reach from the home page (each field in turn given hostile values, posted with the
 * CSRF token, files with odd names, types and content) and the public web forms. Any 5xx
 * fails the test with the list of requests that caused it.
 *
 * <p>
 * Everything is discovered, so a new module, page or form is covered without a change
 * here. The run is bounded (a fixed number of values per parameter and field, at most
 * {@value #MAX_PAGES} pages) and seeded: the seed is printed, and
 * {@code -Dpotentia.fuzz.seed=…} repeats a run. It has its own application context with
 * the demo data (a separate in-memory database), closed after it, so that what it saves
 * and deletes disturbs no other test; and it runs after the other classes (see
 * {@code junit-platform.properties}), which matters where the contexts share one database
 * (PostgreSQL).
 */
@PotentiaTest
@TestPropertySource(properties = { "potentia.demo=true", "potentia.demo.password=fuzz-demo-password",
		"potentia.forms.rate-limit=1000000" })
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@Order(Integer.MAX_VALUE)
class HostileInputIT {

	static final long SEED = Long.getLong("potentia.fuzz.seed", 20261205L);

	static final int MAX_PAGES = 160;

	/**
	 * How many more values per parameter and field (besides those always sent) and pages
	 * per shape of address: 1 in the build, more for a deeper run
	 * ({@code -Dpotentia.fuzz.depth=…}).
	 */
	static final int DEPTH = Integer.getInteger("potentia.fuzz.depth", 1);

	private static final int PAGES_PER_SHAPE = DEPTH;

	/**
	 * A parameter value, as sent, whose percent-escapes decode to no UTF-8.
	 */
	private static final String NOT_UTF8 = "%ff%C3%28";

	private static final int MORE_VALUES = DEPTH;

	private final ObjectMapper json = JsonMapper.builder().build();

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	WebFormService webForms;

	@Value("${local.server.port}")
	int port;

	HostileValues values;

	final List<String> failures = new ArrayList<>();

	int requests;

	@BeforeEach
	void seed() {
		System.out.println("HostileInputIT: seed " + SEED + ", depth " + DEPTH + " (repeat with -Dpotentia.fuzz.seed="
				+ SEED + " -Dpotentia.fuzz.depth=" + DEPTH + ")");
		this.values = new HostileValues(SEED);
	}

	@Test
	void everyApiOperationAnswersHostileInputWithoutAServerError() {
		Person admin = this.people.admin();
		JsonNode document = this.api.as(admin).header("Accept", "application/json").get("/v3/api-docs").json();
		int operations = 0;
		for (String path : sorted(document.path("paths").propertyNames())) {
			JsonNode item = document.path("paths").path(path);
			for (String method : sorted(item.propertyNames())) {
				if (!Set.of("get", "post", "patch", "put", "delete").contains(method)) {
					continue;
				}
				operations++;
				fuzzOperation(admin, document, path, method.toUpperCase(), item.path(method));
			}
		}
		report("API", operations);
		assertThat(operations).as("operations found in /v3/api-docs").isGreaterThan(20);
	}

	@Test
	void everyFormOfTheSignedInPagesAnswersHostileInputWithoutAServerError() {
		Person admin = this.people.admin();
		Crawl crawl = crawl(admin);
		Person[] current = { admin };
		WebSession[] session = { WebSession.signIn(this.port, admin) };
		for (FormShape form : crawl.forms().values()) {
			if (!signedIn(session[0])) {
				// A form of the last batch ended the session (a password or role change).
				current[0] = this.people.admin();
				session[0] = WebSession.signIn(this.port, current[0]);
			}
			fuzzForm(session[0], form);
		}
		// Every address found, with hostile ids in its path and values in its query.
		for (String page : crawl.addresses()) {
			if (!signedIn(session[0])) {
				session[0] = WebSession.signIn(this.port, this.people.admin());
			}
			fuzzAddress(session[0], page);
		}
		report("signed-in forms on " + crawl.pages() + " pages", crawl.forms().size());
		assertThat(crawl.pages()).as("pages crawled").isGreaterThan(10);
		assertThat(crawl.forms()).as("forms found").hasSizeGreaterThan(10);
	}

	@Test
	void everyPublicWebFormAnswersHostileInputWithoutAServerError() {
		Crawl crawl = crawl(this.people.admin());
		WebSession visitor = WebSession.anonymous(this.port);
		Set<String> publicForms = crawl.publicPages();
		// The page a visitor is sent to from the home page: the sign-in form.
		Set<String> pages = new LinkedHashSet<>(publicForms);
		String signIn = String.valueOf(visitor.get("/").location()).replaceFirst("^https?://[^/]+", "");
		assertThat(signIn).as("where the home page sends a visitor").startsWith("/");
		pages.add(signIn);
		for (String page : pages) {
			Answer answer = visitor.get(page);
			check("GET", page, "", answer.status());
			for (Element form : Jsoup.parse(answer.body(), visitor.baseUrl() + page).select("form")) {
				FormShape shape = FormShape.of(page, form);
				fuzzForm(visitor, shape);
				fuzzJsonForm(visitor, shape);
			}
		}
		report("public pages (web forms and sign-in)", pages.size());
		assertThat(publicForms).as("public web forms found").hasSizeGreaterThanOrEqualTo(WebFormService.MODULES.size());
	}

	// The API

	private void fuzzOperation(Person admin, JsonNode document, String template, String method, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameters::add);
		Map<String, String> pathValues = new LinkedHashMap<>();
		for (JsonNode parameter : parameters) {
			if ("path".equals(parameter.path("in").asString())) {
				pathValues.put(parameter.path("name").asString(), existingId(admin, template));
			}
		}
		String module = module(template);
		JsonNode schema = (module != null) ? moduleSchema(admin, module) : null;
		boolean hasBody = operation.has("requestBody");
		// Each path parameter in turn.
		for (String name : pathValues.keySet()) {
			for (String value : this.values.pick("relation", MORE_VALUES + 2)) {
				Map<String, String> path = new LinkedHashMap<>(pathValues);
				path.put(name, value);
				send(admin, method, expand(template, path), hasBody ? validBody(module, schema) : null, null);
			}
		}
		String base = expand(template, pathValues);
		// Each query parameter in turn.
		for (JsonNode parameter : parameters) {
			if (!"query".equals(parameter.path("in").asString())) {
				continue;
			}
			String name = parameter.path("name").asString();
			for (String value : queryValues(name, schema)) {
				send(admin, method, base + "?" + encode(name) + "=" + encode(value),
						hasBody ? validBody(module, schema) : null, null);
			}
			// Percent-escapes that decode to no UTF-8.
			send(admin, method, base + "?" + encode(name) + "=" + NOT_UTF8, hasBody ? validBody(module, schema) : null,
					null);
		}
		if (!hasBody) {
			return;
		}
		// Each attribute of the body in turn, then the body as a whole.
		for (String attribute : attributes(document, operation, schema)) {
			String type = (schema != null) ? schema.path(attribute).path("type").asString() : "";
			for (Object value : jsonValues(type)) {
				ObjectNode body = documentFor(module);
				((ObjectNode) body.path("data").path("attributes")).putPOJO(attribute, value);
				send(admin, method, base, this.json.writeValueAsString(body), null);
			}
		}
		for (String body : List.of("", "null", "[]", "{", "\u0000", "{\"data\":null}", "{\"data\":[]}",
				"{\"data\":{\"type\":\"other\",\"id\":\"x\",\"attributes\":{}}}", "{\"data\":{\"attributes\":[]}}",
				"{\"data\":{\"attributes\":{\"name\":" + HostileValues.DEEP_ARRAY + "}}}", HostileValues.DEEP_ARRAY,
				"{\"data\":{\"attributes\":{\"name\":\"" + "x".repeat(1_000_000) + "\"}}}")) {
			send(admin, method, base, body, null);
		}
		for (String contentType : List.of("text/plain", "application/xml", "application/vnd.api+json; ext=\"x\"",
				"multipart/form-data", "application/x-www-form-urlencoded", "*/*")) {
			send(admin, method, base, validBody(module, schema), contentType);
		}
	}

	private List<String> queryValues(String name, JsonNode schema) {
		List<String> result = new ArrayList<>(this.values.pick(name, MORE_VALUES));
		List<String> fields = (schema != null) ? sorted(schema.propertyNames()) : List.of("name");
		switch (name) {
			case "filter" -> {
				for (String field : fields) {
					String type = (schema != null) ? schema.path(field).path("type").asString() : "";
					for (String value : this.values.sample(this.values.pick(type, 1), 3)) {
						result.add(filter("$eq", field, value));
						result.add(filter("$gt", field, value));
					}
					result.add("{\"$between\":[\"" + field + "\",\"1e999999999\",\"-1e999999999\"]}");
					result.add("{\"$regex\":[\"" + field + "\",\"(\"]}");
					result.add("{\"$in\":[\"" + field + "\",[[]," + HostileValues.DEEP_ARRAY + "]]}");
				}
				result.add(HostileValues.DEEP_ARRAY);
				result.add("{\"$and\":" + "[{\"$or\":".repeat(40) + "[]" + "}]".repeat(40) + "}");
			}
			case "sort" -> fields.forEach((field) -> result.add("-" + field + ",," + field + ",+"));
			case "include" -> result.addAll(List.of("account,account,owner", ",,,", "owner.account", "*"));
			default -> {
			}
		}
		return result;
	}

	private static String filter(String operator, String field, String value) {
		return "{\"" + operator + "\":[\"" + field + "\"," + quote(value) + "]}";
	}

	private List<Object> jsonValues(String type) {
		List<Object> result = new ArrayList<>(this.values.pick(type, MORE_VALUES));
		result.addAll(List.of(new java.math.BigDecimal("1e999999999"), new java.math.BigDecimal("-1e-999999999"), -1,
				1.5, true, List.of(), Map.of("a", Map.of("b", List.of()))));
		result.add(null);
		return result;
	}

	private List<String> attributes(JsonNode document, JsonNode operation, JsonNode schema) {
		Set<String> names = new LinkedHashSet<>();
		for (JsonNode content : operation.path("requestBody").path("content")) {
			JsonNode attributes = resolve(document,
					resolve(document, resolve(document, content.path("schema")).path("properties").path("data"))
						.path("properties")
						.path("attributes"));
			names.addAll(attributes.path("properties").propertyNames());
		}
		if (names.isEmpty() && schema != null) {
			names.addAll(schema.propertyNames());
		}
		if (names.isEmpty()) {
			names.add("name");
		}
		return sorted(names);
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		String ref = node.path("$ref").asString("");
		if (ref.startsWith("#/")) {
			JsonNode target = document;
			for (String part : ref.substring(2).split("/")) {
				target = target.path(part);
			}
			return target;
		}
		return node;
	}

	private ObjectNode documentFor(String module) {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode data = body.putObject("data");
		data.put("type", (module != null) ? module : "tokens");
		data.putObject("attributes");
		return body;
	}

	private String validBody(String module, JsonNode schema) {
		ObjectNode body = documentFor(module);
		if (schema != null && schema.has("name")) {
			((ObjectNode) body.path("data").path("attributes")).put("name", "Fuzz");
		}
		return this.json.writeValueAsString(body);
	}

	/**
	 * The module of an API path ({@code /api/v1/accounts/{id}} → accounts), if the API
	 * has a schema for it.
	 */
	private static String module(String template) {
		String[] parts = template.split("/");
		return (parts.length > 3 && !parts[3].isEmpty() && !parts[3].startsWith("{")) ? parts[3] : null;
	}

	private final Map<String, JsonNode> schemas = new LinkedHashMap<>();

	private JsonNode moduleSchema(Person admin, String module) {
		return this.schemas.computeIfAbsent(module, (name) -> {
			Response response = this.api.as(admin).get("/api/v1/schema/" + encode(name));
			if (response.status() != 200) {
				return null;
			}
			JsonNode root = response.json();
			JsonNode attributes = root.path("data").path("attributes");
			return attributes.isObject() ? attributes : root.path("attributes");
		});
	}

	/**
	 * An id of a record the path's collection lists, so that hostile values reach a real
	 * record too.
	 */
	private String existingId(Person admin, String template) {
		int brace = template.indexOf("/{");
		if (brace < 0) {
			return "1";
		}
		Response list = this.api.as(admin).get(template.substring(0, brace) + "?page[size]=1");
		if (list.status() == 200 && list.json().path("data").path(0).has("id")) {
			return list.json().path("data").path(0).path("id").asString();
		}
		return "1";
	}

	private static String expand(String template, Map<String, String> values) {
		String path = template;
		for (Map.Entry<String, String> entry : values.entrySet()) {
			path = path.replace("{" + entry.getKey() + "}", encode(entry.getValue()).replace("+", "%20"));
		}
		return path;
	}

	private void send(Person admin, String method, String path, String body, String contentType) {
		Api.Call call = this.api.as(admin);
		if (contentType != null) {
			call.header("Content-Type", contentType);
		}
		this.requests++;
		try {
			Response response = switch (method) {
				case "GET" -> call.get(path);
				case "DELETE" -> call.delete(path);
				case "PATCH" -> call.patch(path, (body != null) ? body : "");
				default -> call.post(path, (body != null) ? body : "");
			};
			check(method, path, body, response.status());
		}
		catch (UncheckedIOException | IllegalArgumentException ex) {
			failed(method, path, body, "no answer: " + ex.getMessage());
		}
	}

	// The pages

	/**
	 * Pages found from the home page, at most {@value #PAGES_PER_SHAPE} of each shape of
	 * address (the same path with other ids), and the forms on them.
	 */
	private Crawl crawl(Person admin) {
		if (crawled == null || crawled.port() != this.port) {
			publishWebForms(admin);
			crawled = crawlFrom(admin);
		}
		return crawled;
	}

	private static Crawl crawled;

	/**
	 * A published form of each module that web forms can fill, with no time trap, so that
	 * the public pages exist whatever data the database holds (the demo data is made only
	 * into an empty one).
	 */
	private void publishWebForms(Person owner) {
		for (String module : WebFormService.MODULES) {
			WebForm form = this.webForms.create("Fuzz " + module, module, Locale.ENGLISH);
			this.webForms.define(form.getId(), null, form.getName(), true, "Fuzz", "Fuzz", owner.id(), null, "Thanks",
					"Danke", null, null, 0);
		}
	}

	private Crawl crawlFrom(Person admin) {
		WebSession session = WebSession.signIn(this.port, admin);
		Map<String, FormShape> forms = new TreeMap<>();
		Set<String> publicPages = new LinkedHashSet<>();
		Map<String, Integer> shapes = new LinkedHashMap<>();
		List<String> queue = new ArrayList<>(List.of("/"));
		Set<String> seen = new LinkedHashSet<>(queue);
		int pages = 0;
		List<String> visited = new ArrayList<>();
		while (!queue.isEmpty() && pages < MAX_PAGES) {
			String page = queue.remove(0);
			Answer answer = session.get(page);
			this.requests++;
			check("GET", page, "", answer.status());
			if (answer.status() != 200 || !answer.body().contains("<html")) {
				continue;
			}
			pages++;
			visited.add(page);
			Document html = Jsoup.parse(answer.body(), session.baseUrl() + page);
			for (Element form : html.select("form")) {
				FormShape shape = FormShape.of(page, form);
				if (!shape.action().startsWith("/logout")) {
					forms.putIfAbsent(shape.key(), shape);
				}
			}
			for (Element link : html.select("a[href], [hx-get]")) {
				String href = link.hasAttr("href") ? link.attr("href") : link.attr("hx-get");
				String path = localPath(href);
				if (path == null) {
					continue;
				}
				if (path.startsWith("/forms/")) {
					publicPages.add(path);
					continue;
				}
				String shape = path.replaceAll("\\d+", "#").replaceAll("=[^&]*", "=");
				if (seen.add(path) && shapes.merge(shape, 1, Integer::sum) <= PAGES_PER_SHAPE) {
					queue.add(path);
				}
			}
		}
		return new Crawl(this.port, pages, List.copyOf(visited), forms, publicPages);
	}

	private static String localPath(String href) {
		if (href == null || !href.startsWith("/") || href.startsWith("//")) {
			return null;
		}
		String path = href.replaceAll("#.*$", "");
		if (path.isEmpty() || path.startsWith("/logout") || path.startsWith("/login") || path.startsWith("/css")
				|| path.startsWith("/js") || path.startsWith("/webjars") || path.startsWith("/images")
				|| path.startsWith("/actuator") || path.startsWith("/swagger") || path.startsWith("/v3/")
				|| path.matches(".*\\.(css|js|png|svg|ico|woff2?)$")) {
			return null;
		}
		return path;
	}

	private void fuzzAddress(WebSession session, String page) {
		String[] pathAndQuery = page.split("\\?", 2);
		String[] segments = pathAndQuery[0].split("/");
		for (int i = 0; i < segments.length; i++) {
			if (!segments[i].matches("\\d+")) {
				continue;
			}
			for (String value : this.values.pick("relation", 0)) {
				String[] changed = segments.clone();
				changed[i] = encode(value).replace("+", "%20");
				String path = String.join("/", changed);
				this.requests++;
				check("GET", path, "", session.get(path).status());
			}
		}
		if (pathAndQuery.length < 2) {
			return;
		}
		for (String parameter : pathAndQuery[1].split("&")) {
			String name = parameter.split("=", 2)[0];
			List<String> encoded = new ArrayList<>();
			this.values.pick(name, 1).forEach((value) -> encoded.add(encode(value)));
			encoded.add(NOT_UTF8);
			for (String value : encoded) {
				String query = pathAndQuery[1].replace(parameter, name + "=" + value);
				String path = pathAndQuery[0] + "?" + query;
				this.requests++;
				check("GET", path, "", session.get(path).status());
			}
		}
	}

	private boolean signedIn(WebSession session) {
		Answer home = session.get("/");
		return home.status() == 200;
	}

	private void fuzzForm(WebSession session, FormShape form) {
		// The token of a page fetched now: the one the form was found with may belong to
		// an earlier session.
		Answer page = session.get(form.page());
		String csrf = WebSession.csrfToken(page.body());
		List<Map.Entry<String, String>> baseline = form.values(csrf);
		for (FormShape.Input input : form.inputs()) {
			if (input.name().equals("_csrf")) {
				continue;
			}
			if (input.type().equals("file")) {
				fuzzFile(session, form, input, baseline);
				continue;
			}
			for (String value : this.values.pick(input.type(), MORE_VALUES)) {
				submit(session, form, replace(baseline, input.name(), value));
			}
		}
		// The whole form: nothing but the token, every field twice, wrong encoding.
		submit(session, form, List.of(Map.entry("_csrf", csrf)));
		List<Map.Entry<String, String>> twice = new ArrayList<>(baseline);
		baseline.stream()
			.filter((entry) -> !entry.getKey().equals("_csrf"))
			.forEach((entry) -> twice.add(Map.entry(entry.getKey(), "\u0000")));
		submit(session, form, twice);
		if (!form.multipart()) {
			this.requests++;
			Answer answer = session.postMultipart(form.action(), baseline, "file",
					"x.csv".getBytes(StandardCharsets.UTF_8), "text/csv", new byte[0]);
			check("POST multipart", form.action(), describe(baseline), answer.status());
		}
	}

	private void fuzzFile(WebSession session, FormShape form, FormShape.Input input,
			List<Map.Entry<String, String>> baseline) {
		List<Map.Entry<String, String>> fields = baseline.stream()
			.filter((entry) -> !entry.getKey().equals(input.name()))
			.toList();
		List<byte[]> names = List.of("a\u0000b.csv".getBytes(StandardCharsets.UTF_8),
				"\u0001\u001f\u007f.csv".getBytes(StandardCharsets.UTF_8),
				"..\\..\\windows\\win.ini".getBytes(StandardCharsets.UTF_8), new byte[0],
				"\u202Evsc.exe".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xff, (byte) 0xfe, 'x' },
				("a".repeat(300) + ".csv").getBytes(StandardCharsets.UTF_8));
		List<String> types = List.of("text/csv", "application/octet-stream", "x/\u0001", "");
		List<byte[]> contents = List.of(new byte[0], "\uFEFFname;name\n\u0000;\"\n".getBytes(StandardCharsets.UTF_8),
				new byte[] { (byte) 0xff, (byte) 0xfe, 0, 'a' }, ("\"" + "x".repeat(200_000)).getBytes(),
				(",".repeat(5_000) + "\n" + "1e999999999,".repeat(5_000)).getBytes());
		for (int i = 0; i < names.size(); i++) {
			byte[] content = contents.get(i % contents.size());
			String type = types.get(i % types.size());
			this.requests++;
			Answer answer = session.postMultipart(form.action(), fields, input.name(), names.get(i), type, content);
			check("POST multipart", form.action(),
					"file name " + printable(new String(names.get(i), StandardCharsets.UTF_8)) + ", type "
							+ printable(type) + ", " + content.length + " bytes",
					answer.status());
		}
	}

	private void fuzzJsonForm(WebSession session, FormShape form) {
		for (FormShape.Input input : form.inputs()) {
			for (Object value : jsonValues(input.type())) {
				Map<String, Object> body = new LinkedHashMap<>();
				form.inputs().forEach((other) -> body.put(other.name(), other.value()));
				body.put(input.name(), value);
				String text = this.json.writeValueAsString(body);
				this.requests++;
				Answer answer = session.send(HttpRequest.newBuilder(session.uri(form.action()))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
				check("POST json", form.action(), text, answer.status());
			}
		}
	}

	private void submit(WebSession session, FormShape form, List<Map.Entry<String, String>> values) {
		this.requests++;
		Answer answer;
		if (form.get()) {
			String query = values.stream()
				.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
				.collect(Collectors.joining("&"));
			answer = session.get(form.action() + (form.action().contains("?") ? "&" : "?") + query);
		}
		else if (form.multipart()) {
			answer = session.postMultipart(form.action(), values, "file-absent", new byte[0], "text/plain",
					new byte[0]);
		}
		else {
			answer = session.postForm(form.action(), values);
		}
		check(form.get() ? "GET" : "POST", form.action(), describe(values), answer.status());
	}

	private static List<Map.Entry<String, String>> replace(List<Map.Entry<String, String>> values, String name,
			String value) {
		List<Map.Entry<String, String>> result = new ArrayList<>();
		boolean replaced = false;
		for (Map.Entry<String, String> entry : values) {
			if (entry.getKey().equals(name)) {
				if (!replaced) {
					result.add(Map.entry(name, value));
				}
				replaced = true;
			}
			else {
				result.add(entry);
			}
		}
		if (!replaced) {
			result.add(Map.entry(name, value));
		}
		return result;
	}

	// Checking and reporting

	private void check(String method, String path, String body, int status) {
		if (status >= 500) {
			failed(method, path, body, String.valueOf(status));
		}
	}

	private void failed(String method, String path, String body, String outcome) {
		this.failures.add(method + " " + printable(path) + " " + printable(body) + " -> " + outcome);
	}

	private void report(String what, int count) {
		System.out.println("HostileInputIT: " + this.requests + " requests to " + count + " " + what + ", "
				+ this.failures.size() + " server errors");
		this.failures.forEach((failure) -> System.out.println("  " + failure));
		assertThat(this.failures).as("requests answered with a server error (seed " + SEED + ")").isEmpty();
	}

	private static String describe(List<Map.Entry<String, String>> values) {
		return values.stream()
			.filter((entry) -> !entry.getKey().equals("_csrf"))
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
	}

	/**
	 * The text cut to 160 characters, control characters written as escapes.
	 */
	static String printable(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder result = new StringBuilder();
		for (Iterator<Integer> it = text.codePoints().iterator(); it.hasNext() && result.length() < 160;) {
			int c = it.next();
			result.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
					? String.format("\\u%04x", c) : Character.toString(c));
		}
		return (text.length() > 160) ? result + "…(" + text.length() + " chars)" : result.toString();
	}

	private static String quote(String value) {
		return JsonMapper.builder().build().writeValueAsString(value);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static List<String> sorted(Iterable<String> names) {
		List<String> result = new ArrayList<>();
		names.forEach(result::add);
		result.sort(null);
		return result;
	}

	record Crawl(int port, int pages, List<String> addresses, Map<String, FormShape> forms, Set<String> publicPages) {
	}

}
