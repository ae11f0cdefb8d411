package org.potentia.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountService;
import org.potentia.pipeline.PipelineService;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.HtmlForm.inputValue;
import static org.potentia.testing.Accounts.anAccount;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A change that cannot take its lock because another transaction holds the record (a lock
 * wait that times out, a deadlock, a serialization failure) is refused with 409 and "try
 * again" in the user's language, never a 500; a form keeps what was typed. Here another
 * connection holds the account's row while the change is tried, with a short lock timeout
 * for the database's new sessions (PostgreSQL waits without end by default, H2 two
 * seconds) while the test runs.
 */
@PotentiaTest
class ConcurrentChangeTests {

	private static final String BUSY_EN = "Someone else was changing the same records at this moment";

	private static final String BUSY_DE = "Jemand anderes hat im selben Moment dieselben Datensätze geändert";

	@Autowired
	DataSource dataSource;

	@Autowired
	Api api;

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	PipelineService pipeline;

	Person rep;

	long account;

	String tag;

	boolean postgres;

	/**
	 * H2's lock timeout for new sessions before the test, to put back.
	 */
	String h2Timeout;

	@BeforeEach
	void setUp() throws SQLException {
		this.rep = this.people.rep();
		this.tag = Names.tag();
		this.account = this.records.save(anAccount().named(this.tag + " Alpha").in("Berlin").ownedBy(this.rep));
		try (Connection connection = this.dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
		}
		lockTimeout(200);
	}

	@AfterEach
	void tearDown() throws SQLException {
		lockTimeout(-1);
	}

	@Test
	void anApiChangeOfALockedRecordIs409AskingToTryAgain() throws Exception {
		Api.Response english;
		Api.Response german;
		try (Connection holder = holdRow()) {
			english = this.api.as(this.rep)
				.patch("/api/v1/accounts/" + this.account,
						Api.document("accounts", this.account, Map.of("city", "Hamburg")));
			german = this.api.as(this.rep)
				.language("de")
				.patch("/api/v1/accounts/" + this.account,
						Api.document("accounts", this.account, Map.of("city", "Hamburg")));
			holder.rollback();
		}

		assertThat(english.status()).as(english.body()).isEqualTo(409);
		assertThat(english.errorDetail()).startsWith(BUSY_EN);
		assertThat(german.status()).as(german.body()).isEqualTo(409);
		assertThat(german.errorDetail()).startsWith(BUSY_DE);
		assertThat(this.accounts.get(this.account, this.rep.currentUser()).getCity()).isEqualTo("Berlin");
		assertThat(this.api.as(this.rep)
			.patch("/api/v1/accounts/" + this.account,
					Api.document("accounts", this.account, Map.of("city", "Hamburg")))
			.status()).as("once the lock is gone, the change goes through").isEqualTo(200);
	}

	@Test
	void aFormSavedOnALockedRecordSaysTryAgainAndKeepsWhatWasTyped() throws Exception {
		String html;
		try (Connection holder = holdRow()) {
			html = this.mvc
				.perform(
						post("/accounts/" + this.account).with(user(this.users.loadUserByUsername(this.rep.username())))
							.with(csrf())
							.header("Accept-Language", "de")
							.param("version", "0")
							.param("name", this.tag + " Alpha typed")
							.param("accountType", "partner")
							.param("city", "Munich")
							.param("ownerId", String.valueOf(this.rep.id())))
				.andExpect(status().isOk())
				.andExpect(view().name("accounts/form"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			holder.rollback();
		}

		assertThat(html).containsPattern("class=\"alert alert-danger\"[^>]*>\\s*<p[^>]*>" + BUSY_DE);
		assertThat(inputValue(html, "name")).isEqualTo(this.tag + " Alpha typed");
		assertThat(inputValue(html, "city")).isEqualTo("Munich");
		assertThat(this.accounts.get(this.account, this.rep.currentUser()).getCity()).isEqualTo("Berlin");
	}

	@Test
	void deletingALockedRecordGoesBackToItsCardSayingTryAgain() throws Exception {
		MvcResult result;
		try (Connection holder = holdRow()) {
			result = this.mvc
				.perform(post("/accounts/" + this.account + "/delete")
					.with(user(this.users.loadUserByUsername(this.rep.username())))
					.with(csrf())
					.header("Accept-Language", "en"))
				.andExpect(redirectedUrl("/accounts/" + this.account))
				.andReturn();
			holder.rollback();
		}

		assertThat(String.valueOf(result.getFlashMap().get("error"))).startsWith(BUSY_EN);
		assertThat(this.accounts.get(this.account, this.rep.currentUser()).getName()).isEqualTo(this.tag + " Alpha");
	}

	@Test
	void aBudgetSavedWhileItsRowIsHeldSaysTryAgainAndTheGridKeepsTheTypedCells() throws Exception {
		long area = this.pipeline.activeBusinessAreas().get(0).getId();
		Api.Response budget = this.api.as(this.rep)
			.post("/api/v1/account_budgets", Api.document("account_budgets", Map.of("account_id", this.account,
					"budget_month", "2026-03-01", "business_area_id", area, "amount", 1000)));
		assertThat(budget.status()).as(budget.body()).isEqualTo(201);
		String html;
		Api.Response patched;
		try (Connection holder = holdRow("update account_budgets set amount = amount where account_id = ?",
				this.account)) {
			html = this.mvc
				.perform(post("/accounts/" + this.account + "/budget")
					.with(user(this.users.loadUserByUsername(this.rep.username())))
					.with(csrf())
					.header("Accept-Language", "en")
					.param("year", "2026")
					.param("currency", "EUR")
					.param("a" + area + "_m3", "1500")
					.param("a" + area + "_m4", "250"))
				.andExpect(status().isOk())
				.andExpect(view().name("forecast/budget-grid"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			long id = Long.parseLong(budget.json().path("data").path("id").asString());
			patched = this.api.as(this.rep)
				.patch("/api/v1/account_budgets/" + id, Api.document("account_budgets", id, Map.of("amount", 1200)));
			holder.rollback();
		}

		assertThat(patched.status()).as(patched.body()).isEqualTo(409);
		assertThat(patched.errorDetail()).startsWith(BUSY_EN);
		assertThat(html).containsPattern("class=\"alert alert-danger\"[^>]*>" + BUSY_EN);
		assertThat(inputValue(html, "a" + area + "_m3")).isEqualTo("1500");
		assertThat(inputValue(html, "a" + area + "_m4")).isEqualTo("250");
		JsonNode stored = this.api.as(this.rep)
			.get("/api/v1/account_budgets?filter=" + Api.encode("{\"account_id\":" + this.account + "}"))
			.json()
			.path("data");
		assertThat(stored).as("nothing saved").hasSize(1);
		assertThat(stored.get(0).path("attributes").path("amount").decimalValue()).isEqualByComparingTo("1000");
	}

	@Test
	void aBillingRowSavedWhileItIsHeldSaysTryAgainAndKeepsWhatWasTyped() throws Exception {
		long area = this.pipeline.activeBusinessAreas().get(0).getId();
		Api.Response billing = this.api.as(this.rep)
			.post("/api/v1/billing", Api.document("billing", Map.of("account_id", this.account, "billing_month",
					"2026-03-01", "business_area_id", area, "amount", 400)));
		assertThat(billing.status()).as(billing.body()).isEqualTo(201);
		long id = Long.parseLong(billing.json().path("data").path("id").asString());
		String html;
		try (Connection holder = holdRow("update billing set amount = amount where id = ?", id)) {
			html = this.mvc
				.perform(post("/accounts/" + this.account + "/billing/" + id)
					.with(user(this.users.loadUserByUsername(this.rep.username())))
					.with(csrf())
					.header("Accept-Language", "de")
					.param("version", "0")
					.param("billingMonth", "2026-03-01")
					.param("businessAreaId", String.valueOf(area))
					.param("amount", "750")
					.param("currency", "EUR")
					.param("invoiceNumber", "R-" + this.tag))
				.andExpect(status().isOk())
				.andExpect(view().name("forecast/billing-entry"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			holder.rollback();
		}

		assertThat(html).containsPattern("class=\"alert alert-danger\"[^>]*>\\s*<p[^>]*>" + BUSY_DE);
		assertThat(inputValue(html, "invoiceNumber")).isEqualTo("R-" + this.tag);
		JsonNode stored = this.api.as(this.rep).get("/api/v1/billing/" + id).json().path("data").path("attributes");
		assertThat(stored.path("amount").decimalValue()).as("nothing saved").isEqualByComparingTo("400");
		assertThat(stored.path("invoice_number").isNull()).isTrue();
	}

	/**
	 * Another transaction that has changed the account and not yet ended.
	 */
	private Connection holdRow() throws SQLException {
		return holdRow("update accounts set city = city where id = ?", this.account);
	}

	/**
	 * Another transaction that has changed the rows of an update by one id and not yet
	 * ended.
	 */
	private Connection holdRow(String update, long id) throws SQLException {
		Connection holder = this.dataSource.getConnection();
		holder.setAutoCommit(false);
		try (PreparedStatement statement = holder.prepareStatement(update)) {
			statement.setLong(1, id);
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}
		return holder;
	}

	/**
	 * The lock timeout of the database's new sessions in milliseconds (-1: as it was),
	 * and the pool's connections renewed so that they have it: short, so that the test
	 * waits little.
	 */
	private void lockTimeout(int millis) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			if (this.postgres) {
				statement.execute("alter database \"" + connection.getCatalog() + "\" set lock_timeout = "
						+ ((millis < 0) ? "default" : String.valueOf(millis)));
			}
			else {
				if (this.h2Timeout == null) {
					try (ResultSet setting = statement.executeQuery("select lock_timeout()")) {
						assertThat(setting.next()).isTrue();
						this.h2Timeout = setting.getString(1);
					}
				}
				statement.execute("set default_lock_timeout " + ((millis < 0) ? this.h2Timeout : millis));
			}
		}
		this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
	}

}
