package org.potentia.browser;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep opens an account's budget from its card, fills the twelve months of a business
 * area and saves the grid; the totals follow.
 */
@PotentiaTest
class BudgetGridBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	AccountService accounts;

	@Autowired
	PipelineService pipeline;

	@Autowired
	JdbcClient jdbc;

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
	void theTwelveMonthGridIsFilledAndSaved() {
		String name = "budget" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.createUser(name, "password-1234", "Budget", "Tester", null, Role.REP, null);
		CurrentUser rep = new CurrentUser(user.getId(), name, "Budget Tester", Role.REP, null, null);
		AccountForm form = this.accounts.newForm(rep);
		form.setName("Grid account " + name);
		long account = this.accounts.create(form, rep, SaveSource.FORM);
		long area = this.pipeline.activeBusinessAreas().get(0).getId();

		this.browser.signIn(name, "password-1234");
		this.browser.get("/accounts/" + account).click(By.id("budget-link"));
		this.browser.waitForText(By.tagName("h1"), "Budget");
		for (int month = 1; month <= 12; month++) {
			this.browser.type(By.id("a" + area + "_m" + month), String.valueOf(month * 100));
		}
		this.browser.click(By.id("save-grid"));
		this.browser.waitForText(By.cssSelector(".alert-success"), "");
		assertThat(this.browser.find(By.id("a" + area + "_m12")).getDomAttribute("value")).isEqualTo("1200.00");
		assertThat(this.browser.find(By.cssSelector("#figures-grid tfoot")).getText()).contains("7,800.00");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account_budgets WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single()).isEqualTo(12);
	}

}
