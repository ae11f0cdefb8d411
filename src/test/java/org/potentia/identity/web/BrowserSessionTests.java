package org.potentia.identity.web;

import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.potentia.PotentiaApplication;
import org.potentia.identity.IdentityService;
import org.potentia.identity.Team;
import org.potentia.identity.User;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.Api;
import org.potentia.testing.HttpBrowser;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;

/**
 * Browser sessions live in the database: any instance serves them, and deactivation, a
 * change of role or team and a password change end the user's other sessions, on every
 * instance. A session's user is read afresh on each request.
 */
@PotentiaTest
class BrowserSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Api api;

	@Test
	void aSessionMadeOnOneInstanceIsServedAndEndedOnTheOther() {
		Person rep = this.people.rep();
		Person admin = this.people.admin();
		HttpBrowser browser = new HttpBrowser();
		String first = base();

		try (ConfigurableApplicationContext second = secondInstance()) {
			String other = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
			assertThat(browser.signIn(first, rep.username(), rep.password())).endsWith("/");

			HttpResponse<String> served = browser.get(other, "/profile");
			assertThat(served.statusCode()).as("the other instance knows the session").isEqualTo(200);
			assertThat(served.body()).contains(rep.username());
			assertThat(sessionsOf(rep)).isEqualTo(1);

			User user = second.getBean(IdentityService.class).findUser(rep.id()).orElseThrow();
			second.getBean(IdentityService.class)
				.updateUser(rep.id(), user.getVersion(), "Test", rep.username(), null, Role.REP, null, false,
						admin.currentUser());

			assertThat(sessionsOf(rep)).isZero();
			assertThat(browser.get(first, "/profile").statusCode()).as("ended for the first instance too")
				.isEqualTo(302);
			assertThat(browser.get(other, "/profile").headers().firstValue("Location").orElse("")).endsWith("/login");
		}
	}

	@Test
	void aDeactivatedUsersOpenSessionIsRefusedOnItsNextRequest() {
		Person rep = this.people.rep();
		HttpBrowser browser = new HttpBrowser();
		browser.signIn(base(), rep.username(), rep.password());
		assertThat(browser.get(base(), "/profile").statusCode()).isEqualTo(200);

		// Behind the application's back, so that only the per-request check can notice.
		this.jdbc.sql("update users set active = false where id = ?").param(rep.id()).update();

		HttpResponse<String> refused = browser.get(base(), "/profile");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(sessionsOf(rep)).isZero();
	}

	@Test
	void aDemotedManagerLosesTheTeamsRecordsInTheOpenSession() {
		this.people.repsSeeTeam(false);
		Team team = this.people.team();
		Person manager = this.people.manager(team);
		Person rep = this.people.rep(team);
		long account = this.records.save(anAccount().named("Team account").ownedBy(rep));
		HttpBrowser browser = new HttpBrowser();
		browser.signIn(base(), manager.username(), manager.password());
		assertThat(browser.get(base(), "/accounts/" + account).statusCode()).isEqualTo(200);

		this.jdbc.sql("update users set role = 'REP' where id = ?").param(manager.id()).update();

		assertThat(browser.get(base(), "/accounts/" + account).statusCode()).as("a rep sees only their own")
			.isEqualTo(404);
		assertThat(browser.get(base(), "/profile").statusCode()).as("still signed in, as a rep").isEqualTo(200);
	}

	@Test
	void demotingAManagerEndsTheirSessions() {
		Team team = this.people.team();
		Person manager = this.people.manager(team);
		HttpBrowser browser = new HttpBrowser();
		browser.signIn(base(), manager.username(), manager.password());
		assertThat(sessionsOf(manager)).isEqualTo(1);

		User user = this.identity.findUser(manager.id()).orElseThrow();
		this.identity.updateUser(manager.id(), user.getVersion(), "Test", manager.username(), null, Role.REP,
				team.getId(), true, this.people.admin().currentUser());

		assertThat(sessionsOf(manager)).isZero();
		assertThat(browser.get(base(), "/profile").statusCode()).isEqualTo(302);
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsOnly() {
		Person rep = this.people.rep();
		HttpBrowser here = new HttpBrowser();
		HttpBrowser elsewhere = new HttpBrowser();
		here.signIn(base(), rep.username(), rep.password());
		elsewhere.signIn(base(), rep.username(), rep.password());
		assertThat(sessionsOf(rep)).isEqualTo(2);

		HttpResponse<String> changed = here.post(base(), "/profile", "/profile/password", Map.of("currentPassword",
				rep.password(), "newPassword", "a brand new passphrase", "confirmPassword", "a brand new passphrase"));

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(here.get(base(), "/profile").statusCode()).as("this session stays").isEqualTo(200);
		assertThat(elsewhere.get(base(), "/profile").statusCode()).as("the other one ends").isEqualTo(302);
		assertThat(sessionsOf(rep)).isEqualTo(1);
	}

	@Test
	void theProfileRevokesAllOfTheUsersTokens() {
		Person rep = this.people.rep();
		Person other = this.people.rep();
		String second = this.identity.createToken(rep.currentUser(), "second");
		HttpBrowser browser = new HttpBrowser();
		browser.signIn(base(), rep.username(), rep.password());
		assertThat(browser.get(base(), "/profile").body()).contains("Revoke all my API tokens");

		HttpResponse<String> revoked = browser.post(base(), "/profile", "/profile/tokens/revoke-all", Map.of());

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(browser.get(base(), "/profile").body()).contains("2 API token(s) revoked.");
		assertThat(this.api.as(rep).get("/api/v1/user").status()).isEqualTo(401);
		assertThat(this.api.anonymous().header("Authorization", "Bearer " + second).get("/api/v1/user").status())
			.isEqualTo(401);
		assertThat(this.api.as(other).get("/api/v1/user").status()).as("another user's token works").isEqualTo(200);
	}

	private long sessionsOf(Person person) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(person.username())
			.query(Long.class)
			.single();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	/**
	 * A second instance of Potentia on the same database, as behind a load balancer.
	 */
	private ConfigurableApplicationContext secondInstance() {
		HikariDataSource shared = (HikariDataSource) this.dataSource;
		return new SpringApplicationBuilder(PotentiaApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--spring.datasource.url=" + shared.getJdbcUrl(),
					"--spring.datasource.username=" + shared.getUsername(),
					"--spring.datasource.password=" + nullToEmpty(shared.getPassword()),
					"--potentia.snapshots.enabled=false", "--spring.main.banner-mode=off");
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
