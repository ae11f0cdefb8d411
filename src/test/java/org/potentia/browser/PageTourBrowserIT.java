package org.potentia.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.potentia.testing.QuickPasswordHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, in English and German on a laptop and in German on a phone, with the demo
 * data: no raw message keys, no error page, nothing wider than the screen. With
 * {@code -Dpotentia.screenshots=DIR} it also saves a screenshot of each page there, to
 * look at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "potentia.demo=true", "spring.datasource.url=jdbc:h2:mem:tour-${random.uuid};DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=" })
@Import(QuickPasswordHashing.class)
class PageTourBrowserIT {

	@LocalServerPort
	int port;

	@Value("${potentia.admin.username}")
	String adminUsername;

	@Value("${potentia.admin.password}")
	String adminPassword;

	@Value("${potentia.screenshots:}")
	String screenshots;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0} {1}")
	// English on a desktop; German, whose words run longest, on a phone's width, which
	// checks every German text too (a German desktop tour added a minute and found
	// nothing the two do not).
	@CsvSource({ "desktop, en", "phone, de" })
	void everyPageReadsWell(String device, String language) {
		Dimension window = "phone".equals(device) ? Browser.PHONE : Browser.DESKTOP;
		long account = id("select min(id) from accounts where account_type = 'customer'");
		long contact = id("select min(id) from contacts where account_id = " + account);
		long user = id("select min(id) from users where role = 'REP'");
		long opportunity = id("select min(id) from potentials where account_id = " + account);
		long tool = id("select min(id) from module_tools");
		List<String> problems = new ArrayList<>();
		try (Browser browser = Browser.open("http://localhost:" + this.port, window)) {
			browser.get("/login?lang=" + language);
			look(browser, device, language, "login", problems);

			browser.signIn(this.adminUsername, this.adminPassword);
			chooseLanguage(browser, language);
			visit(browser, device, language, "home", "/", problems);
			visit(browser, device, language, "accounts", "/accounts", problems);
			visit(browser, device, language, "accounts-search", "/accounts?q=gmbh&sort=-city", problems);
			visit(browser, device, language, "accounts-page2", "/accounts?page=2", problems);
			visit(browser, device, language, "account", "/accounts/" + account, problems);
			visit(browser, device, language, "account-new", "/accounts/new", problems);
			browser.click(By.id("save"));
			browser.find(By.cssSelector(".invalid-feedback"));
			look(browser, device, language, "account-new-invalid", problems);
			visit(browser, device, language, "account-edit", "/accounts/" + account + "/edit", problems);
			visit(browser, device, language, "contacts", "/contacts", problems);
			visit(browser, device, language, "contact", "/contacts/" + contact, problems);
			visit(browser, device, language, "contact-new", "/contacts/new?account_id=" + account, problems);
			visit(browser, device, language, "contact-edit", "/contacts/" + contact + "/edit", problems);
			visit(browser, device, language, "opportunities", "/opportunities", problems);
			visit(browser, device, language, "opportunities-board", "/opportunities/board", problems);
			visit(browser, device, language, "opportunity", "/opportunities/" + opportunity, problems);
			visit(browser, device, language, "opportunity-new", "/opportunities/new?account_id=" + account, problems);
			visit(browser, device, language, "opportunity-edit", "/opportunities/" + opportunity + "/edit", problems);
			visit(browser, device, language, "reports", "/reports", problems);
			visit(browser, device, language, "report-pipeline", "/reports/pipeline", problems);
			visit(browser, device, language, "report-movement", "/reports/movement", problems);
			visit(browser, device, language, "report-time-in-stage", "/reports/time-in-stage", problems);
			visit(browser, device, language, "report-funnel", "/reports/funnel", problems);
			visit(browser, device, language, "report-builder-new", "/reports/custom/new", problems);
			visit(browser, device, language, "leads", "/leads", problems);
			visit(browser, device, language, "lead-new", "/leads/new", problems);
			browser.type(By.id("firstName"), "Tour")
				.type(By.id("lastName"), device + "-" + language)
				.type(By.id("company"), "Tour " + device + " " + language + " GmbH")
				.click(By.id("save"));
			browser.find(By.id("edit"));
			String lead = browser.path();
			look(browser, device, language, "lead", problems);
			browser.click(By.cssSelector("#tools a[data-bs-toggle='modal']"));
			browser.find(By.cssSelector("#modal-body form"));
			look(browser, device, language, "lead-convert-dialog", problems);
			visit(browser, device, language, "lead-convert", lead + "/convert", problems);
			visit(browser, device, language, "lead-edit", lead + "/edit", problems);
			visit(browser, device, language, "import", "/import/accounts", problems);
			visit(browser, device, language, "profile", "/profile", problems);
			browser.click(By.id("create-token"));
			browser.find(By.cssSelector("#token-name.is-invalid"));
			look(browser, device, language, "profile-token-invalid", problems);
			browser.type(By.id("token-name"), "Tour " + device + " " + language).click(By.id("create-token"));
			browser.find(By.id("new-token"));
			look(browser, device, language, "profile-token-created", problems);
			visit(browser, device, language, "admin", "/admin", problems);
			visit(browser, device, language, "users", "/admin/users", problems);
			visit(browser, device, language, "user-new", "/admin/users/new", problems);
			visit(browser, device, language, "user-edit", "/admin/users/" + user, problems);
			visit(browser, device, language, "teams", "/admin/teams", problems);
			visit(browser, device, language, "pipeline", "/admin/pipeline", problems);
			visit(browser, device, language, "opportunity-rules", "/admin/opportunities", problems);
			visit(browser, device, language, "tools", "/admin/tools", problems);
			visit(browser, device, language, "tool-edit", "/admin/tools/" + tool, problems);
			visit(browser, device, language, "history-admin", "/admin/history", problems);
			visit(browser, device, language, "workflows", "/admin/workflows", problems);
			visit(browser, device, language, "web-forms", "/admin/forms", problems);
			browser.type(By.id("name"), "Tour form " + device + " " + language).click(By.id("create-form"));
			browser.find(By.id("settings"));
			look(browser, device, language, "web-form-edit", problems);
			String form = browser.find(By.id("public-url")).getText().replaceAll(".*/forms/", "");
			visit(browser, device, language, "web-form-public", "/forms/" + form + "?lang=" + language, problems);
			// Sent empty, the form is refused with 422, which the console reports.
			browser.expectConsoleError("status of 422").click(By.id("send"));
			browser.find(By.id("form-message"));
			look(browser, device, language, "web-form-public-refused", problems);
			browser.getExpectingConsoleError("/no-such-page", "status of 404");
			look(browser, device, language, "not-found", problems);
			browser.getExpectingConsoleError("/accounts/" + Long.MAX_VALUE, "status of 404");
			if (!browser.title().startsWith("404")) {
				problems.add("account-not-found: " + browser.title());
			}
			look(browser, device, language, "account-not-found", problems);
			if ("phone".equals(device)) {
				browser.get("/accounts");
				browser.click(By.cssSelector(".navbar-toggler"));
				browser.click(By.id("user-menu"));
				browser.find(By.id("lang-de"));
				look(browser, device, language, "menu-open", problems);
			}
			chooseLanguage(browser, "en");
		}
		assertThat(problems).isEmpty();
	}

	private void chooseLanguage(Browser browser, String language) {
		browser.get("/profile");
		browser.select(By.id("language"), "de".equals(language) ? "Deutsch" : "English");
		browser.click(By.id("save-language"));
		// Read the root's language by script: an element handle found before the page
		// is replaced would go stale, or belong to no document, when read after.
		browser.waitUntil((driver) -> language.equals(browser.script("return document.documentElement.lang")));
	}

	private void visit(Browser browser, String device, String language, String name, String path,
			List<String> problems) {
		browser.get(path);
		if (browser.title().matches("\\d{3}.*")) {
			problems.add(name + ": error page " + browser.title());
		}
		look(browser, device, language, name, problems);
	}

	private void look(Browser browser, String device, String language, String name, List<String> problems) {
		browser.waitForHtmx();
		String source = browser.pageSource();
		if (source.contains("??")) {
			int at = source.indexOf("??");
			problems.add(name + ": raw message key " + source.substring(at, Math.min(source.length(), at + 60)));
		}
		String lang = browser.find(By.tagName("html")).getDomAttribute("lang");
		if (!language.equals(lang)) {
			problems.add(name + ": page language " + lang);
		}
		Number overflow = (Number) browser
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		if (overflow.intValue() > 0) {
			problems.add(name + ": " + overflow + "px wider than the " + device + " screen");
		}
		if (!this.screenshots.isBlank()) {
			browser.fullPageScreenshot(
					Path.of(this.screenshots, String.format(Locale.ROOT, "%s-%s-%s.png", device, language, name)));
		}
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
