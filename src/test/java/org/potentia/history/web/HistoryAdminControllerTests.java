package org.potentia.history.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.history.SnapshotService;
import org.potentia.history.SnapshotService.TakenPeriod;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.settings.Settings;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.SavedSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.HtmlForm.inputValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin page of the history settings: only an admin opens it; a valid save changes
 * the settings, a wrong value is shown beside its field in the user's language and
 * nothing is saved; the periods taken are listed, most recent first, a page at a time;
 * and a button takes the missing snapshots now.
 */
@PotentiaTest
class HistoryAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Autowired
	SnapshotService snapshots;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	Settings settings;

	@Autowired
	JdbcClient jdbc;

	Person admin;

	SavedSettings saved;

	@BeforeEach
	void setUp() {
		this.saved = SavedSettings.of(this.settings, this.jdbc, "history.bi_enabled", "history.bi_enabled_since",
				"history.daily_retention_days", "history.time_zone");
		this.admin = this.people.admin();
	}

	@AfterEach
	void restore() {
		this.saved.restore();
	}

	@Test
	void onlyAnAdminOpensIt() throws Exception {
		for (Person person : List.of(this.people.rep(), this.people.manager(this.people.team()))) {
			this.mvc.perform(get("/admin/history").with(as(person))).andExpect(status().isForbidden());
			this.mvc.perform(save("true", "30", "UTC").with(as(person))).andExpect(status().isForbidden());
			this.mvc.perform(post("/admin/history/catch-up").with(csrf()).with(as(person)))
				.andExpect(status().isForbidden());
		}
		String html = this.mvc.perform(get("/admin/history").with(as(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("History and BI", "Take missing snapshots now");
		assertThat(inputValue(html, "timeZone")).isEqualTo(this.snapshots.zone().getId());
		assertThat(this.mvc.perform(get("/admin").with(as(this.admin))).andReturn().getResponse().getContentAsString())
			.contains("href=\"/admin/history\"");
	}

	@Test
	void savesTheSettings() throws Exception {
		this.mvc.perform(save("true", "30", " Europe/Berlin ").with(as(this.admin)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/history"))
			.andExpect(flash().attribute("success", "Saved."));
		assertThat(this.snapshots.isBiEnabled()).isTrue();
		assertThat(this.snapshots.retentionDays()).isEqualTo(30);
		assertThat(this.snapshots.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(this.snapshots.biEnabledSince()).isPresent();

		String html = this.mvc.perform(get("/admin/history").with(as(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inputValue(html, "retentionDays")).isEqualTo("30");
		assertThat(inputValue(html, "timeZone")).isEqualTo("Europe/Berlin");
		assertThat(html).containsPattern("<input[^>]*id=\"biEnabled1\"[^>]*checked");

		// Unticked, the box sends nothing but its marker: BI goes off.
		this.mvc
			.perform(post("/admin/history").with(csrf())
				.with(as(this.admin))
				.param("_biEnabled", "on")
				.param("retentionDays", "400")
				.param("timeZone", "UTC"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.snapshots.isBiEnabled()).isFalse();
		assertThat(this.snapshots.retentionDays()).isEqualTo(400);
	}

	@Test
	void aWrongValueIsShownBesideItsFieldAndNothingIsSaved() throws Exception {
		this.snapshots.configure(ZoneId.of("UTC"), false, 400, null, "tests");
		assertError(save("true", "30", "Mars/Olympus"), "en", "timeZone",
				"Enter a time zone such as Europe/Berlin or UTC.");
		assertError(save("true", "30", "Mars/Olympus"), "de", "timeZone",
				"Geben Sie eine Zeitzone wie Europe/Berlin oder UTC ein.");
		assertError(save("true", "30", ""), "en", "timeZone", "Please fill in this field.");
		assertError(save("true", "0", "UTC"), "en", "retentionDays", "Enter 1 or more.");
		assertError(save("true", "3651", "UTC"), "de", "retentionDays", "Geben Sie 3650 oder weniger ein.");
		assertError(save("true", "many", "UTC"), "en", "retentionDays", "Enter a whole number of days.");
		assertError(save("true", "", "UTC"), "en", "retentionDays", "Please fill in this field.");
		assertThat(this.snapshots.isBiEnabled()).isFalse();
		assertThat(this.snapshots.retentionDays()).isEqualTo(400);
		assertThat(this.snapshots.zone()).isEqualTo(ZoneId.of("UTC"));

		String html = this.mvc.perform(save("true", "0", "Mars/Olympus").with(as(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inputValue(html, "timeZone")).as("what was typed stays").isEqualTo("Mars/Olympus");
		assertThat(html).contains("id=\"periods\"");
	}

	@Test
	void takesTheMissingSnapshotsNow() throws Exception {
		ZoneId zone = this.snapshots.zone();
		YearMonth lastMonth = YearMonth.now(zone).minusMonths(1);
		// Activity last month, and last month's snapshot missing.
		OpportunityForm form = new OpportunityForm();
		form.setName(Names.unique("Caught up"));
		form.setAmount(new BigDecimal("100"));
		long id = this.opportunities.create(form, this.admin.currentUser(), SaveSource.FORM);
		this.jdbc.sql("UPDATE potential_history SET changed_at = ? WHERE potential_id = ?")
			.params(Timestamp.from(lastMonth.atDay(10).atStartOfDay(zone).toInstant()), id)
			.update();
		this.jdbc.sql("DELETE FROM snapshot_periods WHERE kind = 'month' AND period = ?")
			.param(lastMonth.atDay(1))
			.update();
		this.jdbc.sql("DELETE FROM potential_monthly_snapshots WHERE period_month = ?")
			.param(lastMonth.atDay(1))
			.update();

		String message = (String) this.mvc.perform(post("/admin/history/catch-up").with(csrf()).with(as(this.admin)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/history"))
			.andReturn()
			.getFlashMap()
			.get("success");
		assertThat(message).matches("\\d+ missing snapshot\\(s\\) taken\\.");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM potential_monthly_snapshots WHERE period_month = ? AND potential_id = ?")
			.params(lastMonth.atDay(1), id)
			.query(Long.class)
			.single()).isEqualTo(1);

		this.mvc.perform(post("/admin/history/catch-up").with(csrf()).with(as(this.admin)))
			.andExpect(flash().attribute("success", "No snapshot was missing."));
	}

	@Test
	void listsThePeriodsTakenMostRecentFirstAPageAtATime() throws Exception {
		// 21 days of 2009, taken one after the other: more than a page.
		for (int i = 0; i < 21; i++) {
			LocalDate day = LocalDate.of(2009, 6, 1).plusDays(i);
			this.jdbc.sql("DELETE FROM snapshot_periods WHERE kind = 'day' AND period = ?").param(day).update();
			this.jdbc.sql("DELETE FROM potential_daily_snapshots WHERE period_day = ?").param(day).update();
			this.snapshots.takeDaily(day);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM snapshot_periods").query(Long.class).single();
		Page<TakenPeriod> first = this.snapshots.takenPeriods(PageRequest.of(0, 10));
		assertThat(first.getTotalElements()).isEqualTo(total);
		assertThat(first.getContent()).hasSize(10);
		assertThat(first.getContent()).extracting(TakenPeriod::takenAt)
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(first.getContent().get(0).period()).isEqualTo(LocalDate.of(2009, 6, 21));
		assertThat(first.getContent().get(0).kind()).isEqualTo("day");

		String html = this.mvc.perform(get("/admin/history").with(as(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Page 1 of " + ((total + 19) / 20)).contains("Jun 21, 2009");
		assertThat(rows(html)).isEqualTo(20);
		String second = this.mvc.perform(get("/admin/history?page=2").with(as(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains("Page 2 of ").doesNotContain("Jun 21, 2009");
		assertThat(this.mvc.perform(get("/admin/history").with(as(this.admin)).header("Accept-Language", "de"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Verlauf und BI", "Erstellte Snapshots", "21.06.2009");
	}

	private void assertError(MockHttpServletRequestBuilder request, String language, String field, String message)
			throws Exception {
		String html = this.mvc.perform(request.with(as(this.admin)).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = Pattern.compile("<div[^>]*id=\"" + field + "-error\"[^>]*>([^<]*)</div>").matcher(html);
		assertThat(matcher.find()).as("an error beside " + field).isTrue();
		assertThat(matcher.group(1).trim()).isEqualTo(message);
	}

	private static MockHttpServletRequestBuilder save(String biEnabled, String retentionDays, String timeZone) {
		return post("/admin/history").with(csrf())
			.param("biEnabled", biEnabled)
			.param("_biEnabled", "on")
			.param("retentionDays", retentionDays)
			.param("timeZone", timeZone);
	}

	/**
	 * The number of body rows of the periods table.
	 */
	private static long rows(String html) {
		int start = html.indexOf("id=\"periods\"");
		String table = html.substring(start, html.indexOf("</table>", start));
		return Pattern.compile("<tr>").matcher(table).results().count() - 1;
	}

	private RequestPostProcessor as(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
