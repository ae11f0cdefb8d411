package org.potentia.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 14: a database that cannot be used is no refused change. With every connection of
 * the pool taken (so that a request waits the pool's timeout and gets none, as when the
 * database is down), the API answers 503 with a JSON:API error, pages the error page
 * saying the database is unavailable (in both languages), a web form's JSON post JSON,
 * and the health check {@code databaseWrites} is DOWN. Shares its application context (a
 * short pool timeout) with {@link RetiredConnectionsTests}.
 */
@org.potentia.testing.PotentiaTest
@TestPropertySource(properties = { "spring.datasource.hikari.max-lifetime=30000",
		"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.pool-name=retiring",
		"management.endpoint.health.show-components=always" })
class DatabaseUnavailableTests {

	private static final String UNAVAILABLE_EN = "The database is unavailable at the moment";

	private static final String UNAVAILABLE_DE = "Die Datenbank ist gerade nicht erreichbar";

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
	WebFormService forms;

	@Autowired
	DatabaseFailures failures;

	Person admin;

	String tag;

	final List<Connection> held = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.admin = this.people.admin();
		this.tag = Names.tag();
	}

	@AfterEach
	void release() throws SQLException {
		for (Connection connection : this.held) {
			connection.close();
		}
		this.held.clear();
	}

	@Test
	void theApiAnswers503AndTheHealthCheckGoesDown() throws Exception {
		RequestPostProcessor admin = signedIn();
		long before = this.failures.count();
		takeEveryConnection();

		MockHttpServletResponse created = this.mvc
			.perform(post("/api/v1/potentials").with(admin)
				.contentType(Api.MEDIA_TYPE)
				.content("{\"data\":{\"type\":\"potentials\",\"attributes\":{\"name\":\"" + this.tag + "\"}}}"))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(503);
		assertThat(created.getContentType()).startsWith(Api.MEDIA_TYPE);
		assertThat(created.getContentAsString()).contains("\"status\":\"503\"", UNAVAILABLE_EN)
			.doesNotContain("conflicts with other records");
		assertThat(this.failures.count()).isGreaterThan(before);

		// With the connections back, the database answers again, but the failure keeps
		// the health check DOWN for its window.
		release();
		MockHttpServletResponse health = this.mvc.perform(get("/actuator/health")).andReturn().getResponse();
		assertThat(health.getStatus()).isEqualTo(503);
		assertThat(health.getContentAsString()).contains("\"databaseWrites\":{\"status\":\"DOWN\"}")
			.contains("\"db\":{\"status\":\"UP\"}");
	}

	@Test
	void anApiClientWhoseTokenCannotBeCheckedGets503InItsLanguage() throws Exception {
		takeEveryConnection();

		Api.Response response = this.api.as(this.admin).language("de").get("/api/v1/potentials");
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.errorDetail()).startsWith(UNAVAILABLE_DE);
	}

	@Test
	void pagesAnswer503WithTheErrorPageInBothLanguages() throws Exception {
		RequestPostProcessor admin = signedIn();
		takeEveryConnection();

		MockHttpServletResponse stage = this.mvc
			.perform(post("/admin/pipeline/stages").with(admin)
				.with(csrf())
				.header("Accept-Language", "en")
				.param("module", "potentials")
				.param("nameEn", this.tag)
				.param("nameDe", this.tag))
			.andReturn()
			.getResponse();
		assertThat(stage.getStatus()).isEqualTo(503);
		assertThat(stage.getContentAsString()).contains(UNAVAILABLE_EN).doesNotContain("conflicts with other records");

		MockHttpServletResponse list = this.mvc
			.perform(get("/opportunities").with(admin).header("Accept-Language", "de"))
			.andReturn()
			.getResponse();
		assertThat(list.getStatus()).isEqualTo(503);
		assertThat(list.getContentAsString()).contains(UNAVAILABLE_DE);

		MockHttpServletResponse upload = this.mvc.perform(multipart("/import/leads")
			.file(new MockMultipartFile("file", "leads.csv", "text/csv",
					("Last name\n" + this.tag + "\n").getBytes(StandardCharsets.UTF_8)))
			.with(admin)
			.with(csrf())
			.header("Accept-Language", "de")).andReturn().getResponse();
		assertThat(upload.getStatus()).isEqualTo(503);
		assertThat(upload.getContentAsString()).contains(UNAVAILABLE_DE);
	}

	@Test
	void aWebFormAnswersJsonPostsWithJsonAndBrowsersWithTheErrorPage() throws Exception {
		WebForm form = this.forms.create(this.tag + " form", "leads", Locale.ENGLISH);
		this.forms.define(form.getId(), null, form.getName(), true, null, null, this.admin.id(), null, null, null, null,
				null, 0);
		String key = this.forms.get(form.getId()).getKey();
		takeEveryConnection();

		MockHttpServletResponse json = this.mvc
			.perform(post("/forms/" + key).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "de")
				.content("{\"last_name\":\"" + this.tag + "\",\"email\":\"x@example.com\"}"))
			.andReturn()
			.getResponse();
		assertThat(json.getStatus()).isEqualTo(503);
		assertThat(json.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		assertThat(json.getContentAsString()).contains("\"status\":\"unavailable\"", UNAVAILABLE_DE);

		MockHttpServletResponse token = this.mvc.perform(get("/forms/" + key + "/token")).andReturn().getResponse();
		assertThat(token.getStatus()).isEqualTo(503);
		assertThat(token.getContentAsString()).contains("\"status\":\"unavailable\"");

		MockHttpServletResponse page = this.mvc
			.perform(post("/forms/" + key).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("Accept-Language", "en")
				.content("last_name=" + this.tag))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentAsString()).contains(UNAVAILABLE_EN).doesNotContain("conflicts with other records");
	}

	/**
	 * Takes every connection the pool may hand out, so that the next request waits the
	 * pool's timeout and gets none; {@link #release()} gives them back.
	 */
	private void takeEveryConnection() throws SQLException {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		assertThat(pool.getConnectionTimeout()).isEqualTo(1000);
		while (this.held.size() < pool.getMaximumPoolSize()) {
			this.held.add(pool.getConnection());
		}
	}

	private RequestPostProcessor signedIn() {
		return user(this.users.loadUserByUsername(this.admin.username()));
	}

}
