package org.potentia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A client of the web service over real HTTP, as an integrator would use it: bearer
 * tokens, JSON:API documents, and whatever status comes back (it never throws on 4xx or
 * 5xx).
 */
public class Api {

	public static final String MEDIA_TYPE = "application/vnd.api+json";

	private final Environment environment;

	private final ObjectMapper json;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	Api(Environment environment, ObjectMapper json) {
		this.environment = environment;
		this.json = json;
	}

	public Call as(Person person) {
		return new Call().header("Authorization", "Bearer " + person.token());
	}

	public Call anonymous() {
		return new Call();
	}

	/**
	 * A JSON:API document for POST: {@code {"data":{"type":…,"attributes":…}}}.
	 */
	public static Map<String, Object> document(String type, Map<String, ?> attributes) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("attributes", attributes);
		return Map.of("data", data);
	}

	/**
	 * A JSON:API document for PATCH, with the id.
	 */
	public static Map<String, Object> document(String type, long id, Map<String, ?> attributes) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("id", String.valueOf(id));
		data.put("attributes", attributes);
		return Map.of("data", data);
	}

	/**
	 * A URL-encoded query parameter value, for filters.
	 */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	/**
	 * One request being put together.
	 */
	public final class Call {

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Call() {
			this.headers.put("Accept", MEDIA_TYPE);
		}

		public Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Call language(String language) {
			return header("Accept-Language", language);
		}

		public Call basic(String username, String password) {
			String credentials = username + ":" + password;
			return header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}

		public Response get(String path) {
			return send("GET", path, null);
		}

		public Response delete(String path) {
			return send("DELETE", path, null);
		}

		/**
		 * POST a body: a String is sent as it is, anything else as JSON.
		 */
		public Response post(String path, Object body) {
			return send("POST", path, body);
		}

		public Response patch(String path, Object body) {
			return send("PATCH", path, body);
		}

		private Response send(String method, String path, Object body) {
			HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
			if (body != null) {
				String text = (body instanceof String string) ? string : Api.this.json.writeValueAsString(body);
				publisher = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
				this.headers.putIfAbsent("Content-Type", MEDIA_TYPE);
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.method(method, publisher);
			this.headers.forEach(request::header);
			try {
				HttpResponse<String> response = Api.this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response(response.statusCode(), response.headers().map(), response.body(), Api.this.json);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * An answer of the web service.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the body as text
	 * @param mapper to read the body as JSON
	 */
	public record Response(int status, Map<String, List<String>> headers, String body, ObjectMapper mapper) {

		public JsonNode json() {
			return this.mapper.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/**
		 * The {@code detail} of the first error.
		 */
		public String errorDetail() {
			return json().path("errors").path(0).path("detail").asString();
		}

		/**
		 * The values of an attribute over all resources of a list, in order.
		 */
		public List<String> attribute(String name) {
			return json().path("data")
				.valueStream()
				.map((resource) -> resource.path("attributes").path(name).asString())
				.toList();
		}

		/**
		 * The ids of the resources of a list, in order.
		 */
		public List<Long> ids() {
			return json().path("data")
				.valueStream()
				.map((resource) -> Long.valueOf(resource.path("id").asString()))
				.toList();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
