package org.potentia.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoicing forecast on the opportunity card as a rep edits it: the month grid loads
 * with the one-off row the new opportunity got, a row is added and filled in, a wrong
 * amount comes back marked, and the saved grid shows its sum and the warning that it
 * differs from the opportunity's amount.
 */
@PotentiaTest
class PotentialForecastBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	OpportunityService opportunities;

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
	void aRepEditsTheMonthGridSavesAndSeesTheSumAndTheWarning() {
		String name = "grid" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.createUser(name, "password-1234", "Grid", "Tester", null, Role.REP, null);
		CurrentUser rep = new CurrentUser(user.getId(), name, "Grid Tester", Role.REP, null, null);
		OpportunityForm form = this.opportunities.newForm(rep);
		form.setName("Forecast " + name);
		form.setAmount(new BigDecimal("1000"));
		form.setBillingStartDate(LocalDate.of(2027, 3, 10));
		long id = this.opportunities.create(form, rep, SaveSource.FORM);
		this.browser.signIn(name, "password-1234");

		this.browser.get("/opportunities/" + id);
		this.browser.waitForText(By.id("forecast-sum"), "1,000.00 EUR");
		assertThat(this.browser.find(By.id("forecast-month-0")).getAttribute("value")).isEqualTo("2027-03");
		assertThat(this.browser.findAll(By.id("forecast-sum-warning"))).isEmpty();

		this.browser.click(By.id("forecast-add"));
		this.browser.find(By.id("forecast-amount-1"));
		assertThat(this.browser.find(By.id("forecast-month-1")).getAttribute("value")).isEqualTo("2027-04");
		this.browser.type(By.id("forecast-amount-0"), "900");
		this.browser.type(By.id("forecast-amount-1"), "lots");
		this.browser.click(By.id("forecast-save"));
		this.browser.waitUntil(ExpectedConditions.attributeContains(By.id("forecast-amount-1"), "class", "is-invalid"));
		assertThat(this.browser.find(By.id("potential-forecast")).getText()).contains("This is not an amount");
		assertThat(this.browser.find(By.id("forecast-sum")).getText()).isEqualTo("1,000.00 EUR");

		this.browser.type(By.id("forecast-amount-1"), "250.50");
		this.browser.click(By.id("forecast-save"));
		this.browser.waitForText(By.id("forecast-notice"), "Invoicing forecast saved.");
		assertThat(this.browser.find(By.id("forecast-sum")).getText()).isEqualTo("1,150.50 EUR");
		assertThat(this.browser.find(By.id("forecast-sum-warning")).getText()).contains("1,150.50")
			.contains("1,000.00")
			.contains("150.50");
		assertThat(this.browser.findAll(By.cssSelector("tr.forecast-row .badge"))).hasSize(2);

		this.browser.get("/opportunities/" + id);
		this.browser.waitForText(By.id("forecast-sum"), "1,150.50 EUR");
		assertThat(this.browser.find(By.id("forecast-amount-1")).getAttribute("value")).isEqualTo("250.50");
		this.browser.assertNoConsoleErrors();
	}

}
