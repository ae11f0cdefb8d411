package org.potentia.forecast.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.forecast.PotentialForecast;
import org.potentia.forecast.PotentialForecastService;
import org.potentia.forecast.Schedule;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The card's month grid and re-spread as the page posts them: wrong cells come back
 * beside their messages with nothing saved, a good grid is saved whole, a sum off the
 * amount is a warning, re-spreading over edited rows needs the box ticked; and the
 * admin's default schedule.
 */
@PotentiaTest
class PotentialForecastControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PotentialForecastService forecasts;

	@Autowired
	UserDetailsService users;

	Person rep;

	long id;

	@BeforeEach
	void setUp() {
		this.rep = this.people.rep();
		OpportunityForm form = this.opportunities.newForm(this.rep.currentUser());
		form.setName(Names.unique("grid"));
		form.setAmount(new BigDecimal("1000"));
		form.setBillingStartDate(LocalDate.of(2027, 1, 1));
		this.id = this.opportunities.create(form, this.rep.currentUser(), SaveSource.FORM);
	}

	@AfterEach
	void resetDefault() {
		this.forecasts.changeDefaultSchedule(Schedule.ONE_OFF, 1, "tests");
	}

	@Test
	void aWrongCellComesBackBesideItsMessageAndNothingIsSaved() throws Exception {
		PotentialForecast row = rows().get(0);
		Document page = html(post("/opportunities/" + this.id + "/forecast").param("action", "save")
			.param("rows[0].id", row.getId().toString())
			.param("rows[0].version", String.valueOf(row.getVersion()))
			.param("rows[0].month", "2027-01")
			.param("rows[0].amount", "600")
			.param("rows[1].month", "2027-02")
			.param("rows[1].amount", "four hundred"));

		assertThat(page.selectFirst("#forecast-amount-1").hasClass("is-invalid")).isTrue();
		assertThat(page.selectFirst("#forecast-amount-1").attr("value")).isEqualTo("four hundred");
		assertThat(page.text()).contains("This is not an amount");
		assertThat(page.selectFirst("#forecast-amount-0").hasClass("is-invalid")).isFalse();
		assertThat(rows()).extracting((saved) -> saved.getAmount().toPlainString()).containsExactly("1000.00");
	}

	@Test
	void aGoodGridIsSavedWholeAndASumOffTheAmountIsAWarning() throws Exception {
		PotentialForecast row = rows().get(0);
		Document page = html(post("/opportunities/" + this.id + "/forecast").param("action", "save")
			.param("rows[0].id", row.getId().toString())
			.param("rows[0].version", String.valueOf(row.getVersion()))
			.param("rows[0].month", "2027-01")
			.param("rows[0].amount", "1,000.00")
			.param("rows[1].month", "2027-02")
			.param("rows[1].amount", "250.5"));

		assertThat(page.selectFirst("#forecast-notice").text()).isEqualTo("Invoicing forecast saved.");
		assertThat(page.selectFirst("#forecast-sum").text()).isEqualTo("1,250.50 EUR");
		assertThat(page.selectFirst("#forecast-sum-warning").text()).contains("1,250.50")
			.contains("1,000.00")
			.contains("250.50");
		assertThat(rows()).extracting((saved) -> saved.getAmount().toPlainString() + ":" + saved.isEdited())
			.containsExactly("1000.00:false", "250.50:true");
	}

	@Test
	void aSaveOfAChangedRowIsShownAsAnErrorAndAnUnknownActionIsRefused() throws Exception {
		PotentialForecast row = rows().get(0);
		Document page = html(post("/opportunities/" + this.id + "/forecast").param("action", "save")
			.param("rows[0].id", row.getId().toString())
			.param("rows[0].version", String.valueOf(row.getVersion() + 1))
			.param("rows[0].month", "2027-01")
			.param("rows[0].amount", "5"));

		assertThat(page.selectFirst("#forecast-notice")).isNull();
		assertThat(page.selectFirst("#forecast-rows-error.alert-danger").text()).contains("Someone else");
		assertThat(rows()).extracting((saved) -> saved.getAmount().toPlainString()).containsExactly("1000.00");

		this.mvc
			.perform(post("/opportunities/" + this.id + "/forecast").with(csrf())
				.param("action", "bogus")
				.with(user(this.users.loadUserByUsername(this.rep.username()))))
			.andExpect(status().isBadRequest());
		assertThat(rows()).hasSize(1);
	}

	@Test
	void germanAmountsAreReadAndShownTheGermanWay() throws Exception {
		PotentialForecast row = rows().get(0);
		String body = this.mvc
			.perform(post("/opportunities/" + this.id + "/forecast").with(csrf())
				.param("action", "save")
				.param("rows[0].id", row.getId().toString())
				.param("rows[0].version", String.valueOf(row.getVersion()))
				.param("rows[0].month", "2027-01")
				.param("rows[0].amount", "1.250,50")
				.header("HX-Request", "true")
				.header("Accept-Language", "de")
				.with(user(this.users.loadUserByUsername(this.rep.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(body);

		assertThat(rows()).extracting((saved) -> saved.getAmount().toPlainString()).containsExactly("1250.50");
		assertThat(page.selectFirst("#forecast-amount-0").attr("value")).isEqualTo("1250,50");
		assertThat(page.selectFirst("#forecast-notice").text()).isEqualTo("Fakturierungsprognose gespeichert.");
		assertThat(page.selectFirst("#forecast-sum-warning").text()).contains("1.250,50").contains("1.000,00");
	}

	@Test
	void addingAndRemovingRowsChangesOnlyTheGridUntilSaved() throws Exception {
		Document added = html(post("/opportunities/" + this.id + "/forecast").param("action", "add")
			.param("rows[0].month", "2027-01")
			.param("rows[0].amount", "1000"));
		assertThat(added.select("tr.forecast-row")).hasSize(2);
		assertThat(added.selectFirst("#forecast-month-1").attr("value")).isEqualTo("2027-02");

		Document removed = html(post("/opportunities/" + this.id + "/forecast").param("action", "remove-0")
			.param("rows[0].month", "2027-01")
			.param("rows[0].amount", "1000")
			.param("rows[1].month", "2027-02")
			.param("rows[1].amount", "5"));
		assertThat(removed.select("tr.forecast-row")).hasSize(1);
		assertThat(removed.selectFirst("#forecast-month-0").attr("value")).isEqualTo("2027-02");
		assertThat(rows()).hasSize(1);
	}

	@Test
	void respreadingOverEditedRowsNeedsTheBoxTicked() throws Exception {
		this.forecasts.respread(this.id, Schedule.EVEN, 2, java.time.YearMonth.of(2027, 1), null, false,
				this.rep.currentUser());
		PotentialForecast first = rows().get(0);
		PotentialForecast second = rows().get(1);
		html(post("/opportunities/" + this.id + "/forecast").param("action", "save")
			.param("rows[0].id", first.getId().toString())
			.param("rows[0].version", String.valueOf(first.getVersion()))
			.param("rows[0].month", "2027-01")
			.param("rows[0].amount", "700")
			.param("rows[1].id", second.getId().toString())
			.param("rows[1].version", String.valueOf(second.getVersion()))
			.param("rows[1].month", "2027-02")
			.param("rows[1].amount", "300"));

		Document refused = html(post("/opportunities/" + this.id + "/forecast/spread").param("schedule", "even")
			.param("months", "4")
			.param("startMonth", "2027-01"));
		assertThat(refused.selectFirst("#spread-confirm").hasClass("is-invalid")).isTrue();
		assertThat(rows()).extracting((saved) -> saved.getAmount().toPlainString()).containsExactly("700.00", "300.00");

		Document done = html(post("/opportunities/" + this.id + "/forecast/spread").param("schedule", "even")
			.param("months", "4")
			.param("startMonth", "2027-01")
			.param("confirm", "true"));
		assertThat(done.select("tr.forecast-row")).hasSize(4);
		assertThat(rows()).extracting((saved) -> saved.getAmount().toPlainString())
			.containsExactly("250.00", "250.00", "250.00", "250.00");

		Document badMonths = html(post("/opportunities/" + this.id + "/forecast/spread").param("schedule", "even")
			.param("months", "0")
			.param("startMonth", "2027-01"));
		assertThat(badMonths.selectFirst("#spread-months").hasClass("is-invalid")).isTrue();
		assertThat(rows()).hasSize(4);
	}

	@Test
	void theAdminChoosesTheDefaultSchedule() throws Exception {
		Person admin = this.people.admin();
		int status = this.mvc
			.perform(post("/admin/forecast").with(csrf())
				.param("schedule", "even")
				.param("months", "6")
				.with(user(this.users.loadUserByUsername(admin.username()))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(302);
		assertThat(this.forecasts.defaultSchedule())
			.isEqualTo(new PotentialForecastService.DefaultSchedule(Schedule.EVEN, 6));

		String refused = this.mvc
			.perform(post("/admin/forecast").with(csrf())
				.param("schedule", "even")
				.param("months", "500")
				.header("Accept-Language", "de")
				.with(user(this.users.loadUserByUsername(admin.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(refused).selectFirst("#months").hasClass("is-invalid")).isTrue();
		assertThat(refused).contains("Wählen Sie 1 bis 120 Monate.");

		int forRep = this.mvc
			.perform(get("/admin/forecast").with(user(this.users.loadUserByUsername(this.rep.username()))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(forRep).isEqualTo(403);
	}

	private List<PotentialForecast> rows() {
		return this.forecasts.rows(this.id, this.rep.currentUser());
	}

	private Document html(MockHttpServletRequestBuilder request) throws Exception {
		String body = this.mvc
			.perform(request.with(csrf())
				.header("HX-Request", "true")
				.header("Accept-Language", "en")
				.with(user(this.users.loadUserByUsername(this.rep.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(body);
	}

}
