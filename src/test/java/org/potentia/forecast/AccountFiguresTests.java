package org.potentia.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountService;
import org.potentia.identity.Team;
import org.potentia.imports.CsvImports;
import org.potentia.imports.ImportJob;
import org.potentia.imports.ImportRuns;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Account budgets, rolling forecasts and billing on every path: the API, the pages and
 * the CSV import. Visibility follows the account; a locked budget year refuses writes
 * everywhere; the billing bulk upsert is idempotent and all-or-nothing with errors per
 * row; bad input never saves half and never answers 500.
 */
@PotentiaTest
class AccountFiguresTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PipelineService pipeline;

	@Autowired
	AccountService accounts;

	@Autowired
	CsvImports imports;

	@Autowired
	BudgetService budgets;

	Team team;

	Team otherTeam;

	Person rep;

	Person manager;

	Person otherRep;

	long account;

	long otherAccount;

	long area;

	@BeforeEach
	void setUp() {
		this.team = this.people.team();
		this.otherTeam = this.people.team();
		this.rep = this.people.rep(this.team);
		this.manager = this.people.manager(this.team);
		this.otherRep = this.people.rep(this.otherTeam);
		this.account = this.records.save(anAccount().named(Names.unique("Figures")).ownedBy(this.rep));
		this.otherAccount = this.records.save(anAccount().named(Names.unique("Other")).ownedBy(this.otherRep));
		this.area = this.pipeline.activeBusinessAreas().get(0).getId();
	}

	private Map<String, Object> budget(long accountId, String month, Object amount) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("account_id", accountId);
		attributes.put("budget_month", month);
		attributes.put("business_area_id", this.area);
		attributes.put("amount", amount);
		return attributes;
	}

	@Test
	void budgetsAreSeenAndWrittenOnlyByWhoeverMaySeeTheAccount() {
		Api.Response created = this.api.as(this.rep)
			.post("/api/v1/account_budgets", Api.document("account_budgets", budget(this.account, "2026-03-17", 1000)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("data").path("attributes").path("budget_month").asString())
			.isEqualTo("2026-03-01");
		assertThat(created.json().path("data").path("attributes").path("currency").asString()).isEqualTo("EUR");
		long id = Long.parseLong(created.json().path("data").path("id").asString());

		assertThat(this.api.as(this.otherRep).get("/api/v1/account_budgets/" + id).status()).isEqualTo(404);
		assertThat(this.api.as(this.otherRep)
			.get("/api/v1/account_budgets?filter=" + Api.encode("{\"account_id\":" + this.account + "}"))
			.ids()).isEmpty();
		assertThat(this.api.as(this.manager)
			.get("/api/v1/account_budgets?filter=" + Api.encode("{\"account_id\":" + this.account + "}"))
			.ids()).containsExactly(id);
		Api.Response foreign = this.api.as(this.otherRep)
			.post("/api/v1/account_budgets", Api.document("account_budgets", budget(this.account, "2026-04-01", 5)));
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.body()).contains("/data/attributes/account_id");
		assertThat(this.api.as(this.otherRep)
			.patch("/api/v1/account_budgets/" + id, Api.document("account_budgets", id, Map.of("amount", 1)))
			.status()).isEqualTo(404);
		assertThat(this.api.as(this.otherRep).delete("/api/v1/account_budgets/" + id).status()).isEqualTo(404);
	}

	@Test
	void budgetsAndForecastsRefuseNegativeAmountsWhereBillingTakesCreditNotes() {
		Api.Response budget = this.api.as(this.rep)
			.post("/api/v1/account_budgets", Api.document("account_budgets", budget(this.account, "2026-05-01", -5)));
		assertThat(budget.status()).as(budget.toString()).isEqualTo(422);
		assertThat(budget.body()).contains("/data/attributes/amount").contains("Enter an amount of 0 or more.");
		Map<String, Object> forecast = budget(this.account, "2026-05-01", -5);
		forecast.put("forecast_month", forecast.remove("budget_month"));
		Api.Response rolling = this.api.as(this.rep)
			.post("/api/v1/account_forecasts", Api.document("account_forecasts", forecast));
		assertThat(rolling.status()).as(rolling.toString()).isEqualTo(422);
		assertThat(rolling.body()).contains("/data/attributes/amount").contains("Enter an amount of 0 or more.");
		Api.Response credit = this.api.as(this.rep)
			.post("/api/v1/billing", Map.of("data", billing(Names.unique("credit"), this.account, "2026-05-01", -5)));
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		assertThat(count("account_budgets", this.account)).isZero();
		assertThat(count("account_forecasts", this.account)).isZero();
	}

	@Test
	void aLockedBudgetYearRefusesWritesOnEveryPath() throws Exception {
		long id = this.budgets.create(form(this.account, LocalDate.of(2025, 5, 1), "700"), this.rep.currentUser(),
				SaveSource.FORM);
		assertThat(this.mvc
			.perform(post("/accounts/" + this.account + "/budget/lock").with(as(this.rep))
				.with(csrf())
				.param("year", "2025"))
			.andReturn()
			.getResponse()
			.getStatus()).as("a rep may not lock").isEqualTo(403);
		assertThat(this.mvc.perform(get("/accounts/" + this.account + "/budget?year=2025").with(as(this.manager)))
			.andReturn()
			.getResponse()
			.getContentAsString()).as("the year as a year, not as the number 2,025")
			.contains(">Lock the budget of 2025<", "Lock the budget of 2025? Afterwards");
		this.mvc.perform(post("/accounts/" + this.account + "/budget/lock").with(as(this.manager))
			.with(csrf())
			.param("year", "2025"));
		assertThat(this.budgets.isLocked(this.account, 2025)).isTrue();

		Api.Response patch = this.api.as(this.rep)
			.patch("/api/v1/account_budgets/" + id, Api.document("account_budgets", id, Map.of("amount", 800)));
		assertThat(patch.status()).isEqualTo(409);
		assertThat(patch.errorDetail()).contains("locked");
		assertThat(this.api.as(this.rep)
			.post("/api/v1/account_budgets", Api.document("account_budgets", budget(this.account, "2025-06-01", 1)))
			.status()).isEqualTo(409);
		assertThat(this.api.as(this.rep).delete("/api/v1/account_budgets/" + id).status()).isEqualTo(409);

		MvcResult page = this.mvc
			.perform(post("/accounts/" + this.account + "/budget").with(as(this.rep))
				.with(csrf())
				.param("year", "2025")
				.param("a" + this.area + "_m5", "900"))
			.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(302);
		assertThat(String.valueOf(page.getFlashMap().get("error"))).contains("locked");
		String shown = this.mvc.perform(get("/accounts/" + this.account + "/budget?year=2025").with(as(this.rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("budget-locked", "The budget of 2025 is locked (by ")
			.doesNotContain("id=\"save-grid\"");

		ImportRuns runs = new ImportRuns(this.imports, "account_budgets");
		long upload = runs.upload("account_id,budget_month,business_area_id,amount\n" + this.account + ",2025-05-01,"
				+ this.area + ",999\n" + this.account + ",2026-05-01," + this.area + ",50\n", this.rep.currentUser());
		ImportJob job = runs.run(upload, false, this.rep.currentUser());
		assertThat(job.rowsImported()).isEqualTo(1);
		assertThat(job.rowsRejected()).isEqualTo(1);
		assertThat(this.imports.errors(job)).singleElement().satisfies((error) -> {
			assertThat(error.line()).isEqualTo(2);
			assertThat(error.message()).contains("locked");
		});
		assertThat(amount("account_budgets", id)).isEqualTo("700.00");

		this.mvc.perform(post("/accounts/" + this.account + "/budget/unlock").with(as(this.manager))
			.with(csrf())
			.param("year", "2025"));
		assertThat(this.budgets.isLocked(this.account, 2025)).as("only the admin unlocks").isTrue();
		this.budgets.unlockYear(this.account, 2025, this.people.admin().currentUser());
		assertThat(this.api.as(this.rep)
			.patch("/api/v1/account_budgets/" + id, Api.document("account_budgets", id, Map.of("amount", 800)))
			.status()).isEqualTo(200);
	}

	@Test
	void theGridSavesAllOrNothingWithErrorsInPlace() throws Exception {
		MockHttpServletRequestBuilder bad = post("/accounts/" + this.account + "/budget").with(as(this.rep))
			.with(csrf())
			.param("year", "2027")
			.param("currency", "EUR")
			.param("a" + this.area + "_m1", "1.234,50")
			.param("a" + this.area + "_m2", "lots")
			.param("a" + this.area + "_m3", "-5");
		MvcResult refused = this.mvc.perform(bad).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		String html = refused.getResponse().getContentAsString();
		assertThat(html).contains("is-invalid").contains("value=\"lots\"").contains("Enter a number");
		assertThat(count("account_budgets", this.account)).as("nothing half saved").isZero();

		this.mvc
			.perform(post("/accounts/" + this.account + "/budget").with(as(this.rep))
				.with(csrf())
				.param("year", "2027")
				.param("a" + this.area + "_m13", "5"))
			.andReturn();
		assertThat(count("account_budgets", this.account)).isZero();

		MvcResult saved = this.mvc
			.perform(post("/accounts/" + this.account + "/budget").with(as(this.rep))
				.with(csrf())
				.param("year", "2027")
				.param("currency", "usd")
				.param("a" + this.area + "_m1", "1.234,50")
				.param("a" + this.area + "_m2", "2000"))
			.andReturn();
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.jdbc
			.sql("SELECT amount FROM account_budgets WHERE account_id = ? AND currency = 'USD' ORDER BY budget_month")
			.param(this.account)
			.query(java.math.BigDecimal.class)
			.list()).extracting(java.math.BigDecimal::toPlainString).containsExactly("1234.50", "2000.00");
		// Shown again with what was typed, the totals say they are the saved ones.
		assertThat(this.mvc
			.perform(post("/accounts/" + this.account + "/budget").with(as(this.rep))
				.with(csrf())
				.param("year", "2027")
				.param("currency", "USD")
				.param("a" + this.area + "_m1", "9000")
				.param("a" + this.area + "_m2", "lots"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("value=\"9000\"", "Saved total USD: 3,234.50");
		assertThat(this.mvc.perform(get("/accounts/" + this.account + "/budget?year=2027").with(as(this.rep)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Total USD: 3,234.50").doesNotContain("Saved total");
		assertThat(this.mvc.perform(get("/accounts/" + this.otherAccount + "/budget").with(as(this.rep)))
			.andReturn()
			.getResponse()
			.getStatus()).as("another team's account").isEqualTo(404);
	}

	@Test
	void theRollingForecastGridSavesAllOrNothingAndKeepsVersions() throws Exception {
		MvcResult refused = this.mvc
			.perform(post("/accounts/" + this.account + "/forecast").with(as(this.rep))
				.with(csrf())
				.param("year", "2027")
				.param("a" + this.area + "_m1", "100")
				.param("a" + this.area + "_m2", "lots"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(refused.getResponse().getContentAsString()).contains("is-invalid")
			.contains("value=\"lots\"")
			.contains("Enter a number");
		assertThat(count("account_forecasts", this.account)).as("nothing half saved").isZero();

		MvcResult saved = this.mvc
			.perform(post("/accounts/" + this.account + "/forecast").with(as(this.rep))
				.with(csrf())
				.param("year", "2027")
				.param("a" + this.area + "_m1", "100"))
			.andReturn();
		assertThat(saved.getResponse().getRedirectedUrl())
			.isEqualTo("/accounts/" + this.account + "/forecast?year=2027");
		assertThat(String.valueOf(saved.getFlashMap().get("success"))).isEqualTo("Saved.");
		assertThat(count("account_forecasts", this.account)).isEqualTo(1);
		assertThat(count("account_forecast_versions", this.account)).isEqualTo(1);

		MvcResult badYear = this.mvc
			.perform(get("/accounts/" + this.account + "/forecast?year=1999").with(as(this.rep)))
			.andReturn();
		assertThat(badYear.getResponse().getRedirectedUrl()).isEqualTo("/accounts/" + this.account + "/forecast");
		assertThat(String.valueOf(badYear.getFlashMap().get("error"))).contains("2000", "2100");
	}

	@Test
	void theBulkUpsertIsIdempotentAndAllOrNothing() {
		String prefix = Names.unique("erp");
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			rows.add(billing(prefix + "-" + i, this.account, "2026-0" + (i + 1) + "-01", (i == 2) ? -50 : 100 + i));
		}
		Api.Response first = this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", rows));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("meta").path("created").asInt()).isEqualTo(3);
		String before = this.jdbc.sql("SELECT MAX(updated_at) || '/' || SUM(version) FROM billing WHERE account_id = ?")
			.param(this.account)
			.query(String.class)
			.single();

		Api.Response again = this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", rows));
		assertThat(again.json().path("meta").path("unchanged").asInt()).isEqualTo(3);
		assertThat(again.ids()).isEqualTo(first.ids());
		assertThat(this.jdbc.sql("SELECT MAX(updated_at) || '/' || SUM(version) FROM billing WHERE account_id = ?")
			.param(this.account)
			.query(String.class)
			.single()).isEqualTo(before);

		List<Map<String, Object>> mixed = new ArrayList<>();
		mixed.add(billing(prefix + "-0", this.account, "2026-01-01", 999));
		mixed.add(billing(prefix + "-new", this.account, "2026-04-01", 1));
		mixed.add(billing(prefix + "-x", this.otherAccount, "2026-04-01", 1));
		Map<String, Object> text = billing(prefix + "-y", this.account, "2026-04-01", 1);
		@SuppressWarnings("unchecked")
		Map<String, Object> textAttributes = (Map<String, Object>) text.get("attributes");
		textAttributes.put("amount", "lots");
		mixed.add(text);
		Api.Response refused = this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", mixed));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		List<String> pointers = refused.json()
			.path("errors")
			.valueStream()
			.map((error) -> error.path("source").path("pointer").asString())
			.toList();
		assertThat(pointers).containsExactly("/data/2/attributes/account_id", "/data/3/attributes/amount");
		assertThat(refused.errorDetail()).startsWith("Row 2");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM billing WHERE external_id LIKE ?")
			.param(prefix + "%")
			.query(Long.class)
			.single()).as("nothing written").isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT amount FROM billing WHERE external_id = ?")
			.param(prefix + "-0")
			.query(String.class)
			.single()).startsWith("100");

		Api.Response update = this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", mixed.subList(0, 2)));
		assertThat(update.json().path("meta").path("updated").asInt()).isEqualTo(1);
		assertThat(update.json().path("meta").path("created").asInt()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT amount || '/' || billing_month || '/' || version FROM billing WHERE external_id = ?")
			.param(prefix + "-0")
			.query(String.class)
			.single()).as("the updated row's amount, month and version").matches("999(\\.00)?/2026-01-01/1");
		assertThat(this.api.as(this.otherRep).post("/api/v1/billing/bulk", Map.of("data", rows.subList(0, 1))).body())
			.as("another team's external id")
			.contains("/data/0/attributes/");
	}

	@Test
	void tenThousandRowsGoInOneRequestAndASecondSendChangesNothing() {
		String prefix = Names.unique("big");
		List<Map<String, Object>> warmUp = new ArrayList<>();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			warmUp
				.add(billing(prefix + "-w" + i, this.account, "2025-" + String.format("%02d", 1 + i % 12) + "-01", i));
			rows.add(billing(prefix + "-" + i, this.account, "2026-" + String.format("%02d", 1 + i % 12) + "-01", i));
		}
		assertThat(this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", warmUp)).status()).isEqualTo(200);
		long start = System.nanoTime();
		Api.Response first = this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", rows));
		long firstMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("meta").path("created").asInt()).isEqualTo(10_000);
		start = System.nanoTime();
		Api.Response second = this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", rows));
		long secondMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(second.json().path("meta").path("unchanged").asInt()).isEqualTo(10_000);
		System.out.println(
				"billing bulk upsert of 10,000 rows: " + firstMillis + " ms new, " + secondMillis + " ms unchanged");
	}

	@Test
	void theBulkUpsertRefusesTooManyRowsAndMalformedBodies() {
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, Object> row = billing("x", this.account, "2026-01-01", 1);
		for (int i = 0; i <= 10_000; i++) {
			rows.add(row);
		}
		Api.Response tooMany = this.api.as(this.rep).post("/api/v1/billing/bulk", Map.of("data", rows));
		assertThat(tooMany.status()).isEqualTo(413);
		assertThat(tooMany.errorDetail()).contains("10000");
		assertThat(this.api.as(this.rep).post("/api/v1/billing/bulk", "{\"data\": [").status()).isEqualTo(400);
		assertThat(this.api.as(this.rep).post("/api/v1/billing/bulk", "{\"data\": {}}").status()).isEqualTo(400);
		Api.Response german = this.api.as(this.rep)
			.language("de")
			.post("/api/v1/billing/bulk",
					"{\"data\":[{\"type\":\"billing\",\"attributes\":{\"external_id\":\"g\"," + "\"account_id\":"
							+ this.account + ",\"billing_month\":\"2026-01-01\",\"business_area_id\":999999,"
							+ "\"amount\":1,\"currency\":\"EURO\"}}]}");
		assertThat(german.status()).isEqualTo(422);
		assertThat(german.body()).contains("Zeile 0").contains("/data/0/attributes/currency");
		Api.Response area = this.api.as(this.rep)
			.post("/api/v1/billing/bulk",
					"{\"data\":[{\"type\":\"billing\",\"attributes\":{\"external_id\":\"g\"," + "\"account_id\":"
							+ this.account + ",\"billing_month\":\"2026-01-01\",\"business_area_id\":999999,"
							+ "\"amount\":1}}]}");
		assertThat(area.body()).contains("/data/0/attributes/business_area_id");
		String big = "{\"data\":[" + "{\"attributes\":{\"external_id\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}}]}";
		Api.Response large = this.api.as(this.rep).post("/api/v1/billing/bulk", big);
		assertThat(large.status()).isEqualTo(422);
		assertThat(large.body()).contains("/data/0/attributes/external_id");
	}

	@Test
	void billingImportUpsertsByExternalIdAndReportsLines() throws Exception {
		String ext = Names.unique("imp");
		ImportRuns runs = new ImportRuns(this.imports, "billing");
		String csv = "account_id,billing_month,business_area_id,amount,external_id\n" + this.account + ",2026-02-01,"
				+ this.area + ",10," + ext + "\n" + this.account + ",2026-02-01," + this.area + ",abc," + ext + "b\n"
				+ this.otherAccount + ",2026-02-01," + this.area + ",5," + ext + "c\n";
		ImportJob dry = runs.run(runs.upload(csv, this.rep.currentUser()), true, this.rep.currentUser());
		assertThat(dry.rowsImported()).isEqualTo(1);
		assertThat(dry.rowsRejected()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM billing WHERE external_id = ?")
			.param(ext)
			.query(Long.class)
			.single()).as("a dry run saves nothing").isZero();
		ImportJob job = runs.run(runs.upload(csv, this.rep.currentUser()), false, this.rep.currentUser());
		assertThat(this.imports.errors(job)).extracting((error) -> error.line()).containsExactly(3L, 4L);
		String again = "account_id,billing_month,business_area_id,amount,external_id\n" + this.account + ",2026-02-01,"
				+ this.area + ",12," + ext + "\n";
		runs.run(runs.upload(again, this.rep.currentUser()), false, this.rep.currentUser());
		assertThat(
				this.jdbc.sql("SELECT amount FROM billing WHERE external_id = ?").param(ext).query(String.class).list())
			.singleElement()
			.asString()
			.startsWith("12");
	}

	/**
	 * An import reads amounts as the pages' amount fields do, in the language of the user
	 * who runs it: fifty thousand is {@code 50.000} for a German user and {@code 50,000}
	 * for an English one, and a number with both marks reads the same for both.
	 */
	@Test
	void anImportReadsAmountsInTheUsersLanguage() throws Exception {
		ImportRuns runs = new ImportRuns(this.imports, "billing");
		for (String[] expected : new String[][] { { "de", "3", "50.000" }, { "en", "6", "\"50,000\"" } }) {
			String ext = Names.unique("amt");
			int month = Integer.parseInt(expected[1]);
			String csv = "account_id,billing_month,business_area_id,amount,external_id\n";
			String[] amounts = { expected[2], "\"1,234.50\"", "\"1.234,50\"" };
			for (int i = 0; i < amounts.length; i++) {
				csv += this.account + "," + LocalDate.of(2026, month + i, 1) + "," + this.area + "," + amounts[i] + ","
						+ ext + (char) ('a' + i) + "\n";
			}
			org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.forLanguageTag(expected[0]));
			try {
				ImportJob job = runs.run(runs.upload(csv, this.rep.currentUser()), false, this.rep.currentUser());
				assertThat(this.imports.errors(job)).as(expected[0]).isEmpty();
			}
			finally {
				org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
			}
			assertThat(this.jdbc
				.sql("SELECT CAST(amount AS VARCHAR(20)) FROM billing WHERE external_id LIKE ? ORDER BY external_id")
				.param(ext + "%")
				.query(String.class)
				.list()).as(expected[0]).containsExactly("50000.00", "1234.50", "1234.50");
		}
	}

	@Test
	void anAccountWithFiguresCanStillBeDeleted() {
		this.budgets.create(form(this.account, LocalDate.of(2026, 1, 1), "1"), this.rep.currentUser(), SaveSource.FORM);
		this.api.as(this.rep)
			.post("/api/v1/billing/bulk",
					Map.of("data", List.of(billing(Names.unique("del"), this.account, "2026-01-01", 3))));
		this.accounts.delete(this.account, this.rep.currentUser(), SaveSource.FORM);
		assertThat(count("account_budgets", this.account)).isZero();
		assertThat(count("billing", this.account)).isZero();
	}

	@Test
	void aMonthOutsideTheYearsIsRefusedInPlaceAndNothingIsSaved() throws Exception {
		long before = billingRows();
		var response = this.mvc
			.perform(post("/accounts/" + this.account + "/billing").with(as(this.rep))
				.with(csrf())
				.header("Accept-Language", "de")
				.param("billingMonth", "+999999999-12-31")
				.param("businessAreaId", "1")
				.param("amount", "10")
				.param("currency", "EUR"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("is-invalid");
		Api.Response api = this.api.as(this.rep)
			.post("/api/v1/billing", Map.of("data", Map.of("type", "billing", "attributes", Map.of("account_id",
					this.account, "billing_month", "3000-01-01", "business_area_id", 1, "amount", "10.00"))));
		assertThat(api.status()).isEqualTo(422);
		assertThat(api.body()).contains("/data/attributes/billing_month");
		assertThat(billingRows()).isEqualTo(before);
	}

	private long billingRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM billing WHERE account_id = ?")
			.param(this.account)
			.query(Long.class)
			.single();
	}

	@Test
	void pagesShowTheFiguresOfVisibleAccountsOnly() throws Exception {
		this.budgets.create(form(this.account, LocalDate.of(2026, 1, 1), "4321"), this.rep.currentUser(),
				SaveSource.FORM);
		String list = this.mvc.perform(get("/forecast/account_budgets?account_id=" + this.account).with(as(this.rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("4,321.00");
		String hidden = this.mvc
			.perform(get("/forecast/account_budgets?account_id=" + this.account).with(as(this.otherRep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hidden).doesNotContain("4,321.00");
		String csv = this.mvc
			.perform(get("/forecast/account_budgets/export?account_id=" + this.account).with(as(this.otherRep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).doesNotContain("4321");
		assertThat(this.mvc.perform(get("/accounts/" + this.account + "/billing").with(as(this.otherRep)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/accounts/" + this.account + "/forecast").with(as(this.rep)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	private BudgetForm form(long accountId, LocalDate month, String amount) {
		BudgetForm form = new BudgetForm();
		form.setAccountId(accountId);
		form.setBudgetMonth(month);
		form.setBusinessAreaId(this.area);
		form.setAmount(new java.math.BigDecimal(amount));
		return form;
	}

	private Map<String, Object> billing(String externalId, long accountId, String month, Object amount) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("external_id", externalId);
		attributes.put("account_id", accountId);
		attributes.put("billing_month", month);
		attributes.put("business_area_id", this.area);
		attributes.put("amount", amount);
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("type", "billing");
		resource.put("attributes", attributes);
		return resource;
	}

	private String amount(String table, long id) {
		return this.jdbc.sql("SELECT amount FROM " + table + " WHERE id = ?")
			.param(id)
			.query(java.math.BigDecimal.class)
			.single()
			.toPlainString();
	}

	private long count(String table, long accountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
