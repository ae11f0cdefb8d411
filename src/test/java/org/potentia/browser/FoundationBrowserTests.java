package org.potentia.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation as a person uses it: sign in, create an account and a contact at it
 * through the forms, find both by searching as you type, and switch the language.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FoundationBrowserTests {

	@LocalServerPort
	int port;

	@Value("${potentia.admin.username}")
	String adminUsername;

	@Value("${potentia.admin.password}")
	String adminPassword;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void createsAccountAndContactFindsThemAndSwitchesToGerman() {
		this.browser.signIn(this.adminUsername, this.adminPassword);

		// A new account through its form.
		this.browser.get("/accounts").click(By.id("new-account"));
		this.browser.type(By.id("name"), "Nordlicht Energie GmbH")
			.select(By.id("accountType"), "Customer")
			.type(By.id("city"), "Hamburg")
			.click(By.id("save"));
		this.browser.waitForText(By.tagName("h1"), "Nordlicht Energie GmbH");
		assertThat(this.browser.find(By.cssSelector(".alert-success")).getText()).contains("Saved.");
		assertThat(this.browser.find(By.id("main")).getText()).contains("Customer", "Hamburg");

		// A contact, linked to the account through the picker on the contact form.
		this.browser.get("/contacts").click(By.id("new-contact"));
		this.browser.type(By.id("firstName"), "Greta").type(By.id("lastName"), "Lindqvist");
		this.browser.type(By.id("accountId-search"), "Nordlicht");
		this.browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//select[@id='accountId']/option[normalize-space()='Nordlicht Energie GmbH']")));
		this.browser.select(By.id("accountId"), "Nordlicht Energie GmbH").click(By.id("save"));
		this.browser.waitForText(By.tagName("h1"), "Greta Lindqvist");
		this.browser.click(By.linkText("Nordlicht Energie GmbH"));

		// The account card lists the contact.
		this.browser.waitForText(By.tagName("h1"), "Nordlicht Energie GmbH");
		assertThat(this.browser.find(By.id("main")).getText()).contains("Lindqvist");

		// Search as you type: the results change without a page load.
		this.browser.get("/accounts");
		searchFor("zzz-no-such-account", "Nothing found.");
		searchFor("nordl", "Nordlicht Energie GmbH");
		assertThat(this.browser.path()).contains("q=nordl");

		this.browser.get("/contacts");
		searchFor("zzz-no-such-contact", "Nothing found.");
		searchFor("lindq", "Lindqvist");
		assertThat(this.browser.find(By.id("results")).getText()).contains("Greta", "Nordlicht Energie GmbH");

		// The user menu switches the whole interface to German, and back.
		this.browser.click(By.id("user-menu")).click(By.id("lang-de"));
		this.browser.waitForText(By.cssSelector("nav.navbar"), "Firmen");
		assertThat(this.browser.find(By.cssSelector("nav.navbar")).getText()).contains("Kontakte", "Start");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Kontakte");
		assertThat(this.browser.find(By.id("new-contact")).getText()).isEqualTo("Neuer Kontakt");
		assertThat(this.browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");

		this.browser.click(By.id("user-menu")).click(By.id("lang-en"));
		this.browser.waitForText(By.cssSelector("nav.navbar"), "Accounts");
	}

	/**
	 * Types a search and waits for the list to show the expected text. The rest of the
	 * page stays: a full page load would drop the marker set on the body first.
	 */
	private void searchFor(String query, String expected) {
		this.browser.script("document.body.dataset.unchanged = 'yes'");
		this.browser.type(By.id("q"), query);
		this.browser.waitForText(By.id("results"), expected);
		assertThat(this.browser.script("return document.body.dataset.unchanged")).isEqualTo("yes");
		assertThat(this.browser.findAll(By.id("results"))).hasSize(1);
	}

}
