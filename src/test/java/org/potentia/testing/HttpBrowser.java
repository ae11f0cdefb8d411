package org.potentia.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a window: keeps its cookies (one jar for every instance on localhost,
 * as a browser would behind a load balancer), follows no redirects, and sends the page's
 * CSRF token with a form.
 */
public class HttpBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * Signs in on the instance at {@code base} (such as {@code http://localhost:8080}).
	 * @return where the sign-in redirected to
	 */
	public String signIn(String base, String username, String password) {
		HttpResponse<String> response = post(base, "/login", "/login",
				Map.of("username", username, "password", password));
		return response.headers().firstValue("Location").orElse("");
	}

	public HttpResponse<String> get(String base, String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/**
	 * Posts a form the way a browser posts it from the page at {@code page}: with that
	 * page's CSRF token.
	 */
	public HttpResponse<String> post(String base, String page, String path, Map<String, String> fields) {
		String html = get(base, page).body();
		Matcher csrf = CSRF.matcher(html);
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf.find()) {
			all.put("_csrf", csrf.group(1));
		}
		String form = all.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
