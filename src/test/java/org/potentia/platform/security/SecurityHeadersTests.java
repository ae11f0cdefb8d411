package org.potentia.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The pages send a Content-Security-Policy that allows scripts only from Potentia itself
 * and a Referrer-Policy, and no template needs more: no inline script, no event handler
 * attribute, htmx configured without eval.
 */
@PotentiaTest
class SecurityHeadersTests {

	/**
	 * A script element; one without a {@code src} is inline.
	 */
	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern HANDLER = Pattern.compile("[\\s\",](?:th:|data-th-)?on[a-z]{3,}\\s*=",
			Pattern.CASE_INSENSITIVE);

	/**
	 * An htmx trigger filter ({@code change[...]}) is evaluated as script; a
	 * {@code from:} selector may hold brackets.
	 */
	private static final Pattern TRIGGER = Pattern.compile("hx-trigger=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Test
	void signedInPagesSendTheContentSecurityPolicyAndReferrerPolicy() throws Exception {
		MvcResult page = this.mvc
			.perform(get("/profile").with(user(this.users.loadUserByUsername(this.people.rep().username()))))
			.andReturn();

		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		String policy = page.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self';")
			.contains("object-src 'none'")
			.contains("frame-ancestors 'none'");
		assertThat(directive(policy, "script-src")).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(page.getResponse().getContentAsString())
			.contains("<meta name=\"htmx-config\" content='{\"allowEval\":false,\"allowScriptTags\":false}'>");
	}

	@Test
	void theSignInPageSendsThemToo() throws Exception {
		MvcResult page = this.mvc.perform(get("/login")).andReturn();

		assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self';");
		assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
	}

	@Test
	void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
		Path root = Path.of("src/main/resources/templates");
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
				String name = root.relativize(file).toString().replace('\\', '/');
				String html = Files.readString(file);
				Matcher script = SCRIPT.matcher(html);
				while (script.find()) {
					if (!script.group(1).matches("(?s).*\\b(th:)?src\\s*=.*")) {
						problems.add(name + ": inline <script" + script.group(1) + ">");
					}
				}
				Matcher handler = HANDLER.matcher(html);
				while (handler.find()) {
					problems.add(name + ": event handler attribute" + handler.group());
				}
				if (html.contains("hx-on") || html.contains("js:") || hasTriggerFilter(html)) {
					problems.add(name + ": htmx attribute that needs eval");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static boolean hasTriggerFilter(String html) {
		Matcher trigger = TRIGGER.matcher(html);
		while (trigger.find()) {
			if (trigger.group(1).replaceAll("from:[^,\\s]+", "").contains("[")) {
				return true;
			}
		}
		return false;
	}

	private static String directive(String policy, String name) {
		for (String directive : policy.split(";")) {
			if (directive.trim().startsWith(name + " ")) {
				return directive.trim();
			}
		}
		return "";
	}

}
