package org.potentia.browser;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.lead.LeadForm;
import org.potentia.lead.LeadService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Converting a lead through the dialog: one field edited, the existing account linked,
 * and the new opportunity shows both.
 */
@PotentiaTest
class ConversionBrowserIT {

	@LocalServerPort
	int port;

	@Value("${potentia.admin.username}")
	String adminUsername;

	@Value("${potentia.admin.password}")
	String adminPassword;

	@Autowired
	LeadService leads;

	@Autowired
	AccountService accounts;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open("http://localhost:" + this.port);
		this.browser.signIn(this.adminUsername, this.adminPassword);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void convertsALeadEditingOneFieldAndLinkingTheExistingAccount() {
		String company = "Lindenhof Brauerei " + UUID.randomUUID().toString().substring(0, 6);
		CurrentUser admin = new CurrentUser(1, this.adminUsername, "Administrator", Role.ADMIN, null, null);
		AccountForm account = this.accounts.newForm(admin);
		account.setName(company);
		long accountId = this.accounts.create(account, admin, SaveSource.FORM);
		LeadForm lead = this.leads.newForm(admin);
		lead.setFirstName("Jana");
		lead.setLastName("Lindner");
		lead.setCompany(company);
		long leadId = this.leads.create(lead, admin, SaveSource.FORM);

		this.browser.get("/leads/" + leadId).click(By.id("tool-convert_lead"));
		this.browser.find(By.id("convert-dialog"));
		assertThat(this.browser.find(By.id("account-link")).isSelected()).isTrue();
		this.browser.type(By.id("potentials.name"), "Lindenhof new brewhouse").click(By.id("confirm-convert"));

		this.browser.waitForText(By.tagName("h1"), "Lindenhof new brewhouse");
		assertThat(this.browser.path()).startsWith("/opportunities/");
		assertThat(this.browser.find(By.id("value-account_id")).getText()).isEqualTo(company);
		assertThat(this.browser.find(By.id("value-contact_id")).getText()).isEqualTo("Jana Lindner");

		this.browser.click(By.cssSelector("#value-account_id a"));
		this.browser.waitForText(By.tagName("h1"), company);
		assertThat(this.browser.path()).isEqualTo("/accounts/" + accountId);
		assertThat(this.browser.find(By.id("main")).getText()).contains("Lindenhof new brewhouse", "Lindner");

		this.browser.get("/leads/" + leadId);
		assertThat(this.browser.find(By.id("converted")).getText()).contains("Converted");
		assertThat(this.browser.findAll(By.id("edit"))).isEmpty();
	}

}
