package org.potentia.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;
import static org.potentia.testing.Contacts.aContact;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The home page's records widget (the module tiles of the home page before it had
 * widgets) counts, per module, the records the user may see, and lists the ones changed
 * last, newest first.
 */
@PotentiaTest
class RecordsWidgetTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	String tag;

	Person manager;

	Person rep;

	Person teammate;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.tag = Names.tag();
		Team team = this.people.team();
		this.manager = this.people.manager(team);
		this.rep = this.people.rep(team);
		this.teammate = this.people.rep(team);
		long older = this.records.save(anAccount().named(this.tag + " older").ownedBy(this.rep));
		this.records.save(anAccount().named(this.tag + " newer").ownedBy(this.rep));
		this.records.save(anAccount().named(this.tag + " teammate").ownedBy(this.teammate));
		this.records.save(aContact().named("Ada", this.tag + " Lee").ownedBy(this.rep));
		this.records.save(aContact().named("Bo", this.tag + " Lee").ownedBy(this.rep));
		this.records.save(aContact().named("Cy", this.tag + " Lee").ownedBy(this.rep));
		assertThat(older).isPositive();
	}

	@Test
	void aRepCountsOwnRecordsAndSeesTheNewestFirst() throws Exception {
		String home = home(this.rep);

		assertThat(count(home, "accounts")).isEqualTo(2);
		assertThat(count(home, "contacts")).isEqualTo(3);
		assertThat(count(home, "potentials")).isZero();
		assertThat(recent(home, "accounts")).containsExactly(this.tag + " newer", this.tag + " older");
	}

	@Test
	void aManagerCountsTheTeams() throws Exception {
		String home = home(this.manager);

		assertThat(count(home, "accounts")).isEqualTo(3);
		assertThat(recent(home, "accounts")).startsWith(this.tag + " teammate", this.tag + " newer");
	}

	@Test
	void anAdminCountsEverything() throws Exception {
		String home = home(this.people.admin());

		for (String table : List.of("accounts", "contacts", "leads", "potentials")) {
			long all = this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
			assertThat(count(home, table)).as(table).isEqualTo(all);
		}
	}

	private String home(Person person) throws Exception {
		String page = page("/", person);
		Matcher widget = Pattern.compile("data-kind=\"records\".*?hx-get=\"([^\"]+)\"", Pattern.DOTALL).matcher(page);
		assertThat(widget.find()).as("the records widget on the home page").isTrue();
		return page(widget.group(1), person);
	}

	private String page(String path, Person person) throws Exception {
		return this.mvc
			.perform(get(path).header("Accept-Language", "en")
				.with(user(this.users.loadUserByUsername(person.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static long count(String home, String module) {
		Matcher matcher = Pattern
			.compile(
					"href=\"/" + uiPath(module) + "\"[^>]*>[^<]*</a></h3>\\s*<span class=\"badge[^\"]*\">(\\d+)</span>")
			.matcher(home);
		assertThat(matcher.find()).as("tile " + module).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static List<String> recent(String home, String module) {
		Matcher tile = Pattern.compile("<h3[^>]*><a href=\"/" + uiPath(module) + "\".*?</ul>", Pattern.DOTALL)
			.matcher(home);
		assertThat(tile.find()).isTrue();
		List<String> names = new ArrayList<>();
		Matcher link = Pattern.compile("href=\"/" + uiPath(module) + "/\\d+\">([^<]*)</a>").matcher(tile.group());
		while (link.find()) {
			names.add(link.group(1));
		}
		return names;
	}

	private static String uiPath(String module) {
		return "potentials".equals(module) ? "opportunities" : module;
	}

}
