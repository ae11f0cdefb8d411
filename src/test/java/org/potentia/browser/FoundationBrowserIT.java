package org.potentia.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.potentia.account.Account;
import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation as a person uses it: sign in, create an account and a contact at it
 * through the forms, find both by searching as you type, and switch the language; the
 * account card with its contacts, refused deletion and conflicting edits.
 */
@PotentiaTest
class FoundationBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	Browser browser;

	Person admin;

	@BeforeEach
	void openBrowser() {
		// An admin of its own: switching the language must not change other tests' admin.
		this.admin = this.people.admin();
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void createsAccountAndContactFindsThemAndSwitchesToGerman() {
		this.browser.signIn(this.admin.username(), this.admin.password());

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
		// Enter in the picker's search box searches; it does not save the half-filled
		// form.
		this.browser.type(By.id("accountId-search"), "Nordlicht Energie");
		this.browser.find(By.id("accountId-search")).sendKeys(Keys.ENTER);
		this.browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//select[@id='accountId']/option[normalize-space()='Nordlicht Energie GmbH']")));
		assertThat(this.browser.path()).isEqualTo("/contacts/new");
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
		this.browser.script("document.body.dataset.unchanged = 'yes'");
		this.browser.select(By.id("account_type"), "Partner");
		this.browser.waitForText(By.id("results"), "Nothing found.");
		assertThat(this.browser.path()).contains("q=nordl", "account_type=partner");
		assertThat(this.browser.script("return document.body.dataset.unchanged")).isEqualTo("yes");

		this.browser.get("/contacts");
		searchFor("zzz-no-such-contact", "Nothing found.");
		searchFor("lindq", "Lindqvist");
		assertThat(this.browser.find(By.id("results")).getText()).contains("Greta", "Nordlicht Energie GmbH");

		// Sorting by keyboard: the list changes, the focus stays on the column's header.
		this.browser.find(By.id("sort-first_name")).sendKeys(Keys.ENTER);
		this.browser.waitUntil((driver) -> this.browser.path().contains("sort=first_name"));
		this.browser
			.waitUntil((driver) -> "sort-first_name".equals(this.browser.script("return document.activeElement.id")));
		assertThat(this.browser.find(By.id("sort-first_name")).getDomAttribute("class")).contains("sort-asc");
		assertThat(this.browser.path()).contains("q=lindq");

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

	@Test
	void accountCardListsContactsPrefillsNewOnesRefusesDeletionAndReportsConflicts() {
		CurrentUser admin = this.admin.currentUser();
		AccountForm accountForm = this.accounts.newForm(admin);
		accountForm.setName("Alpenglühen Seilbahnen AG");
		accountForm.setCity("Innsbruck");
		Account account = this.accounts.get(this.accounts.create(accountForm, admin, SaveSource.FORM), admin);
		ContactForm contactForm = this.contacts.newForm(admin);
		contactForm.setFirstName("Theresa");
		contactForm.setLastName("Hofer");
		contactForm.setAccountId(account.getId());
		this.contacts.create(contactForm, admin, SaveSource.FORM);

		this.browser.signIn(this.admin.username(), this.admin.password());
		this.browser.get("/accounts/" + account.getId());
		assertThat(this.browser.find(By.id("main")).getText()).contains("Hofer", "Theresa");

		// "New contact" on the card opens the form with the account already chosen.
		this.browser.click(By.id("new-contacts"));
		WebElement picked = new Select(this.browser.find(By.id("accountId"))).getFirstSelectedOption();
		assertThat(picked.getText()).isEqualTo("Alpenglühen Seilbahnen AG");
		this.browser.type(By.id("lastName"), "Pichler").click(By.id("save"));
		this.browser.waitForText(By.tagName("h1"), "Pichler");
		this.browser.click(By.linkText("Alpenglühen Seilbahnen AG"));
		this.browser.waitForText(By.tagName("h1"), "Alpenglühen Seilbahnen AG");
		assertThat(this.browser.find(By.id("main")).getText()).contains("Hofer", "Pichler");

		// An account with contacts is not deleted, and the user is told why.
		this.browser.click(By.id("delete"));
		this.browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
		assertThat(this.browser.find(By.cssSelector(".alert-danger")).getText())
			.isEqualTo("This record cannot be deleted: 2 contact(s) still belong to it.");
		assertThat(this.browser.path()).isEqualTo("/accounts/" + account.getId());

		// Someone else saves while the form is open: the stale save is refused, not lost.
		this.browser.click(By.id("edit"));
		AccountForm theirs = this.accounts.formOf(account.getId(), admin);
		theirs.setCity("Hall in Tirol");
		this.accounts.update(account.getId(), theirs, admin, SaveSource.FORM);
		this.browser.type(By.id("city"), "Innsbruck-Land").click(By.id("save"));
		assertThat(this.browser.find(By.id("conflict")).getText()).startsWith("Someone else saved this record");
		assertThat(this.browser.find(By.id("city")).getDomProperty("value")).isEqualTo("Innsbruck-Land");
		assertThat(this.accounts.get(account.getId(), admin).getCity()).isEqualTo("Hall in Tirol");
	}

	/**
	 * A search after the session ended reloads the whole page, which goes to the sign-in,
	 * and signing in again leads back to the list; the sign-in page is never swapped into
	 * the results.
	 */
	@Test
	void aSearchAfterTheSessionEndedGoesToTheSignInAndBack() {
		this.browser.signIn(this.admin.username(), this.admin.password());
		this.browser.get("/accounts");
		this.browser.driver().manage().deleteAllCookies();

		this.browser.expectConsoleError("status of 403");
		this.browser.type(By.id("q"), "nordl");
		this.browser.waitUntil((driver) -> this.browser.path().startsWith("/login"));
		assertThat(this.browser.findAll(By.id("results"))).isEmpty();

		this.browser.type(By.id("username"), this.admin.username())
			.type(By.id("password"), this.admin.password())
			.click(By.id("sign-in"));
		this.browser.waitUntil((driver) -> this.browser.path().startsWith("/accounts"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Accounts");
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
