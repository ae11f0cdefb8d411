package org.potentia.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser's session with the real server over HTTP: signs in through the login form,
 * keeps the session cookie, and posts forms with the page's CSRF token, URL-encoded or as
 * multipart bodies written byte by byte (so that a file name may hold what no browser
 * would send). Unlike MockMvc, every request goes through Tomcat's own parsing.
 */
public final class WebSession {

	private static final String BOUNDARY = "----potentia-test-boundary-7f3a";

	private final String baseUrl;

	private final HttpClient http;

	private WebSession(int port) {
		this.baseUrl = "http://localhost:" + port;
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * A session without a user, for the public pages.
	 */
	public static WebSession anonymous(int port) {
		return new WebSession(port);
	}

	/**
	 * A session signed in as the person through the login form.
	 */
	public static WebSession signIn(int port, Person person) {
		WebSession session = new WebSession(port);
		Answer login = session.get("/login");
		Answer signedIn = session.postForm("/login",
				Map.of("username", person.username(), "password", person.password(), "_csrf", csrfToken(login.body())));
		if (signedIn.status() != 302 || String.valueOf(signedIn.location()).contains("error")) {
			throw new IllegalStateException("Sign-in of " + person.username() + " failed: " + signedIn.status());
		}
		return session;
	}

	/**
	 * The CSRF token of a page, from its first {@code _csrf} input or meta tag.
	 */
	public static String csrfToken(String html) {
		var document = Jsoup.parse(html);
		Element input = document.selectFirst("input[name=_csrf]");
		if (input != null) {
			return input.attr("value");
		}
		Element meta = document.selectFirst("meta[name=_csrf]");
		return (meta != null) ? meta.attr("content") : "";
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Answer get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/**
	 * Posts name-value pairs URL-encoded, in their order.
	 */
	public Answer postForm(String path, Map<String, String> values) {
		return postForm(path, values.entrySet().stream().toList());
	}

	public Answer postForm(String path, List<Map.Entry<String, String>> values) {
		String body = values.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/**
	 * Posts a multipart body with the fields and one file part; the file name and content
	 * type are written as given, bytes and all.
	 */
	public Answer postMultipart(String path, List<Map.Entry<String, String>> fields, String fileField, byte[] fileName,
			String contentType, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields) {
			write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n");
		}
		write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"");
		body.writeBytes(fileName);
		write(body, "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + BOUNDARY + "--\r\n");
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * Sends a request as it is given (any method, headers and body), in this session.
	 */
	public Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * An answer of the server.
	 *
	 * @param status the HTTP status
	 * @param location the Location header, if any
	 * @param body the body as text
	 */
	public record Answer(int status, String location, String body) {
	}

}
