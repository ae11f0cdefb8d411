package org.potentia.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.testing.Api;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.workflow.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14: the pool retires its connections (at their maximum lifetime, here all at
 * once), among them the one that ran the migrations; every module's tables must go on
 * taking writes on every write path. H2 2.4.240 tied its CHECK (x IN (...)) constraints
 * to the session that created them and refused these writes from then on. Runs in its own
 * application context with the shortest lifetime the pool allows (shared with
 * {@link DatabaseUnavailableTests}), on H2 and (CI) on PostgreSQL alike.
 */
@org.potentia.testing.PotentiaTest
@TestPropertySource(properties = { "spring.datasource.hikari.max-lifetime=30000",
		"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.pool-name=retiring",
		"management.endpoint.health.show-components=always" })
class RetiredConnectionsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowService workflows;

	@Autowired
	DatabaseFailures failures;

	Person admin;

	String tag;

	Long workflow;

	@BeforeEach
	void setUp() {
		this.admin = this.people.admin();
		this.tag = Names.tag();
	}

	@AfterEach
	void tearDown() {
		if (this.workflow != null) {
			this.workflows.delete(this.workflow);
		}
	}

	@Test
	void everyModuleTakesWritesAfterThePoolRetiredItsConnections() throws Exception {
		long failuresBefore = this.failures.count();
		retireAllConnections();

		// Workflows, through the admin pages: one that sets the next step of the test's
		// opportunities, so that saving them writes the workflow log too.
		String workflowPath = redirect(page(post("/admin/workflows").param("module", "potentials")
			.param("name", this.tag + " next step")
			.param("runOption", "first_save")));
		assertThat(workflowPath).matches("/admin/workflows/\\d+");
		this.workflow = Long.valueOf(workflowPath.substring(workflowPath.lastIndexOf('/') + 1));
		page(post(workflowPath + "/conditions").param("field", "name")
			.param("operator", "contains")
			.param("value", this.tag));
		page(post(workflowPath + "/actions").param("type", "set_field")
			.param("field", "next_step")
			.param("source", "fixed")
			.param("value", "Call back"));
		page(post(workflowPath).param("name", this.tag + " next step")
			.param("active", "true")
			.param("runOption", "first_save"));
		assertThat(this.workflows.get(this.workflow).isActive()).isTrue();
		assertThat(this.workflows.get(this.workflow).getActions()).hasSize(1);

		// Stages, through the admin page.
		page(post("/admin/pipeline/stages").param("module", "potentials")
			.param("nameEn", this.tag + " Review")
			.param("nameDe", this.tag + " Pr\u00fcfung")
			.param("probability", "40")
			.param("kind", "open")
			.param("pipelineMode", "both"));
		Long stage = this.jdbc.sql("SELECT id FROM pipeline_stages WHERE name_en = ?")
			.param(this.tag + " Review")
			.query(Long.class)
			.single();

		// Opportunities through the API: created, then changed twice.
		Api.Response created = this.api.as(this.admin)
			.post("/api/v1/potentials",
					Api.document("potentials", Map.of("name", this.tag + " API deal", "amount", 1000)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long apiDeal = Long.parseLong(created.json().path("data").path("id").asString());
		awaitWorkflow(apiDeal);
		Api.Response changed = this.api.as(this.admin)
			.patch("/api/v1/potentials/" + apiDeal, Api.document("potentials", apiDeal, Map.of("amount", 2500)));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		changed = this.api.as(this.admin)
			.patch("/api/v1/potentials/" + apiDeal, Api.document("potentials", apiDeal, Map.of("stage_id", stage)));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		// Opportunities through the form, and a move on the board.
		HtmlForm form = HtmlForm
			.in(page(get("/opportunities/new")).getResponse().getContentAsString(), "/opportunities")
			.set("name", this.tag + " form deal")
			.set("amount", "700");
		var save = post(form.action());
		form.values().forEach((entry) -> save.param(entry.getKey(), entry.getValue()));
		String formPath = redirect(page(save));
		assertThat(formPath).matches("/opportunities/\\d+");
		long formDeal = Long.parseLong(formPath.substring(formPath.lastIndexOf('/') + 1));
		awaitWorkflow(formDeal);
		this.mvc
			.perform(post("/opportunities/" + formDeal + "/move").param("stage_id", String.valueOf(stage))
				.header("HX-Request", "true")
				.with(signedIn())
				.with(csrf()))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT stage_id FROM potentials WHERE id = ?")
			.param(formDeal)
			.query(Long.class)
			.single()).isEqualTo(stage);

		// Leads through the API, converted into an opportunity.
		Api.Response lead = this.api.as(this.admin)
			.post("/api/v1/leads", Api.document("leads",
					Map.of("last_name", this.tag + " Lead", "company", this.tag + " Lead GmbH", "lead_source", "api")));
		assertThat(lead.status()).as(lead.body()).isEqualTo(201);
		String leadId = lead.json().path("data").path("id").asString();
		Api.Response conversion = this.api.as(this.admin).post("/api/v1/leads/" + leadId + "/convert", null);
		assertThat(conversion.status()).as(conversion.body()).isBetween(200, 201);
		long convertedDeal = this.jdbc.sql("SELECT id FROM potentials WHERE lead_id = ?")
			.param(Long.valueOf(leadId))
			.query(Long.class)
			.single();

		// Web forms: made through the admin pages, then sent as a form and as JSON.
		String formAdminPath = redirect(
				page(post("/admin/forms").param("name", this.tag + " contact").param("module", "leads")));
		assertThat(formAdminPath).matches("/admin/forms/\\d+");
		page(post(formAdminPath).param("name", this.tag + " contact")
			.param("active", "true")
			.param("minFillSeconds", "0"));
		long webForm = Long.parseLong(formAdminPath.substring(formAdminPath.lastIndexOf('/') + 1));
		String key = this.jdbc.sql("SELECT form_key FROM web_forms WHERE id = ?")
			.param(webForm)
			.query(String.class)
			.single();
		String token = this.mvc.perform(get("/forms/" + key + "/token").with(from("192.0.2.14")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(post("/forms/" + key).with(from("192.0.2.14"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("last_name=" + this.tag + "+Visitor&email=" + this.tag.toLowerCase()
						+ "-visitor%40example.com&_token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/forms/" + key).with(from("192.0.2.14"))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content("{\"last_name\":\"" + this.tag + " Json\",\"email\":\"" + this.tag.toLowerCase()
						+ "-json@example.com\",\"_token\":\"" + token + "\"}"))
			.andExpect(status().isCreated());
		assertThat(this.jdbc.sql("SELECT status FROM web_form_submissions WHERE form_id = ? ORDER BY id")
			.param(webForm)
			.query(String.class)
			.list()).containsExactly("saved", "saved");

		// CSV imports of leads and of opportunities, through the import pages.
		importCsv("leads", "Last name;Company;Lead source\n" + this.tag + " Imported;" + this.tag + " AG;import\n");
		importCsv("potentials", "Name;Amount\n" + this.tag + " imported deal;300\n");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM leads WHERE last_name = ?")
			.param(this.tag + " Imported")
			.query(Long.class)
			.single()).isOne();

		// Every opportunity has its history, and the workflow ran for those it matches.
		long importedDeal = this.jdbc.sql("SELECT id FROM potentials WHERE name = ?")
			.param(this.tag + " imported deal")
			.query(Long.class)
			.single();
		awaitWorkflow(importedDeal);
		assertThat(sources(apiDeal)).containsExactly("api", "api", "api");
		assertThat(sources(formDeal)).containsExactly("form", "board");
		assertThat(sources(convertedDeal)).startsWith("conversion");
		assertThat(sources(importedDeal)).containsExactly("import");
		assertThat(this.failures.count()).isEqualTo(failuresBefore);
	}

	/**
	 * Waits until the workflow has set the opportunity's next step and logged it as done,
	 * so that the test's next change does not race it.
	 */
	private void awaitWorkflow(long deal) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM workflow_log WHERE workflow_id = ? AND record_id = ? AND status = ?")
				.param(this.workflow)
				.param(deal)
				.param("done")
				.query(Long.class)
				.single() == 1);
		assertThat(
				this.jdbc.sql("SELECT next_step FROM potentials WHERE id = ?").param(deal).query(String.class).single())
			.isEqualTo("Call back");
	}

	/**
	 * The sources of an opportunity's history rows, oldest first.
	 */
	private List<String> sources(long deal) {
		return this.jdbc.sql("SELECT source FROM potential_history WHERE potential_id = ? ORDER BY id")
			.param(deal)
			.query(String.class)
			.list();
	}

	/**
	 * Retires every connection of the pool as its maximum lifetime does (soft eviction:
	 * an idle one is closed now, one in use when it comes back), and waits until none of
	 * the database sessions that were open before is left.
	 */
	private void retireAllConnections() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		assertThat(pool.getMaxLifetime()).isEqualTo(30_000);
		Set<String> before = sessions(pool);
		assertThat(before).isNotEmpty();
		pool.getHikariPoolMXBean().softEvictConnections();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Set<String> now = sessions(pool);
			now.retainAll(before);
			return now.isEmpty();
		});
	}

	/**
	 * The database sessions of all the pool's connections: all of them taken at once, so
	 * that the pool has to hand out every one it holds.
	 */
	private static Set<String> sessions(HikariDataSource pool) throws SQLException {
		List<Connection> taken = new ArrayList<>();
		Set<String> sessions = new HashSet<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				Connection connection = pool.getConnection();
				taken.add(connection);
				boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
				try (Statement statement = connection.createStatement();
						ResultSet result = statement
							.executeQuery(postgres ? "SELECT pg_backend_pid()" : "SELECT SESSION_ID()")) {
					result.next();
					sessions.add(result.getString(1));
				}
			}
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
		return sessions;
	}

	private void importCsv(String module, String csv) throws Exception {
		MvcResult uploaded = this.mvc
			.perform(multipart("/import/" + module)
				.file(new MockMultipartFile("file", module + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(signedIn())
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String job = uploaded.getResponse().getRedirectedUrl();
		HtmlForm run = HtmlForm.in(page(get(job)).getResponse().getContentAsString(), job);
		var start = post(job).param("mode", "import");
		run.values()
			.stream()
			.filter((entry) -> entry.getKey().equals("mapping"))
			.forEach((entry) -> start.param("mapping", entry.getValue()));
		page(start);
		long id = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !"running".equals(this.jdbc.sql("SELECT status FROM import_jobs WHERE id = ?")
				.param(id)
				.query(String.class)
				.single()));
		Map<String, Object> outcome = this.jdbc
			.sql("SELECT status, rows_imported, failure FROM import_jobs WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(outcome.get("status")).as(outcome.toString()).isEqualTo("done");
		assertThat(((Number) outcome.get("rows_imported")).longValue()).as(outcome.toString()).isOne();
	}

	/**
	 * Performs the request as the signed-in admin, expecting a page (200) or a redirect.
	 */
	private MvcResult page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn()).with(csrf())).andReturn();
		int code = result.getResponse().getStatus();
		assertThat(code).as(result.getResponse().getContentAsString()).isIn(200, 302);
		if (code == 302) {
			assertThat(result.getFlashMap().get("error")).as("flash error").isNull();
		}
		return result;
	}

	private static String redirect(MvcResult result) {
		return result.getResponse().getRedirectedUrl();
	}

	private RequestPostProcessor signedIn() {
		return user(this.users.loadUserByUsername(this.admin.username()));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
