package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.opportunity.Opportunity;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An opportunity's invoicing forecast as its users meet it: rows from the default
 * schedule on create, rows that follow the amount until someone edits them, edited rows
 * that survive until the user re-spreads with confirmation, the opportunity's visibility
 * in the API and on the card, and bad input refused whole.
 */
@PotentiaTest
class PotentialForecastTests {

	@Autowired
	PotentialForecastService forecasts;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	People people;

	@Autowired
	Api api;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	Team sales;

	Person rep;

	Person manager;

	Person otherRep;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.sales = this.people.team();
		this.rep = this.people.rep(this.sales);
		this.manager = this.people.manager(this.sales);
		this.otherRep = this.people.rep(this.people.team());
	}

	@AfterEach
	void resetDefault() {
		this.forecasts.changeDefaultSchedule(Schedule.ONE_OFF, 1, "tests");
	}

	@Test
	void aNewOpportunityGetsTheDefaultSchedulesRowsFromItsBillingStart() {
		long oneOff = create(this.rep, "1200", LocalDate.of(2027, 3, 15), LocalDate.of(2027, 1, 20));
		assertThat(rows(oneOff)).containsExactly("2027-03:1200.00:false");

		this.forecasts.changeDefaultSchedule(Schedule.EVEN, 4, "tests");
		long even = create(this.rep, "1000", null, LocalDate.of(2027, 5, 2));
		assertThat(rows(even)).containsExactly("2027-05:250.00:false", "2027-06:250.00:false", "2027-07:250.00:false",
				"2027-08:250.00:false");
		assertThat(this.forecasts.rows(even, this.rep.currentUser()))
			.allMatch((row) -> row.getBusinessAreaId().equals(area()));

		long noAmount = create(this.rep, null, null, LocalDate.of(2027, 5, 2));
		assertThat(rows(noAmount)).isEmpty();
	}

	@Test
	void rowsNobodyEditedFollowTheAmount() {
		long id = create(this.rep, "1000", LocalDate.of(2027, 1, 1), null);
		this.forecasts.respread(id, Schedule.EVEN, 4, YearMonth.of(2027, 1), null, false, this.rep.currentUser());

		changeAmount(id, "2000");

		assertThat(rows(id)).containsExactly("2027-01:500.00:false", "2027-02:500.00:false", "2027-03:500.00:false",
				"2027-04:500.00:false");
	}

	@Test
	void handEditedRowsSurviveAChangeOfAmountUntilTheUserRespreadsWithConfirmation() {
		long id = create(this.rep, "1000", LocalDate.of(2027, 1, 1), null);
		List<PotentialForecast> made = this.forecasts.respread(id, Schedule.EVEN, 4, YearMonth.of(2027, 1), null, false,
				this.rep.currentUser());
		List<PotentialForecastEntry> grid = new ArrayList<>();
		for (PotentialForecast row : made) {
			String amount = row.getMonth().getMonthValue() == 2 ? "300" : row.getAmount().toPlainString();
			grid.add(new PotentialForecastEntry(row.getId(), row.getVersion(), row.getMonth().toString(),
					String.valueOf(row.getBusinessAreaId()), amount));
		}
		this.forecasts.saveGrid(id, grid, this.rep.currentUser());
		assertThat(rows(id)).containsExactly("2027-01:250.00:false", "2027-02:300.00:true", "2027-03:250.00:false",
				"2027-04:250.00:false");

		changeAmount(id, "2000");

		assertThat(rows(id)).containsExactly("2027-01:250.00:false", "2027-02:300.00:true", "2027-03:250.00:false",
				"2027-04:250.00:false");
		PotentialForecastCard card = this.forecasts.card(id, this.rep.currentUser());
		assertThat(card.sumDiffers()).isTrue();
		assertThat(card.outdated()).contains("forecast.outdated.amount");
		assertThat(card.offerRespread()).isTrue();

		assertThatThrownBy(() -> this.forecasts.respread(id, Schedule.EVEN, 4, YearMonth.of(2027, 1), null, false,
				this.rep.currentUser()))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.getErrors()).extracting(FieldError::field).containsExactly("confirm"));
		assertThat(rows(id)).contains("2027-02:300.00:true");

		this.forecasts.respread(id, Schedule.EVEN, 4, YearMonth.of(2027, 1), null, true, this.rep.currentUser());
		assertThat(rows(id)).containsExactly("2027-01:500.00:false", "2027-02:500.00:false", "2027-03:500.00:false",
				"2027-04:500.00:false");
		assertThat(this.forecasts.card(id, this.rep.currentUser()).sumDiffers()).isFalse();
	}

	@Test
	void aMonthlyScheduleRepeatsTheMonthlyAmountAndFollowsAsMonthly() {
		long id = create(this.rep, "500", LocalDate.of(2027, 6, 1), null);
		this.forecasts.respread(id, Schedule.MONTHLY, 3, YearMonth.of(2027, 6), null, false, this.rep.currentUser());
		assertThat(rows(id)).containsExactly("2027-06:500.00:false", "2027-07:500.00:false", "2027-08:500.00:false");

		changeAmount(id, "600");

		assertThat(rows(id)).containsExactly("2027-06:600.00:false", "2027-07:600.00:false", "2027-08:600.00:false");
	}

	@Test
	void theCardsSpreadRefusesAScheduleThatRunsPastTheYearsAndWritesNothing() throws Exception {
		long id = create(this.rep, "1000", LocalDate.of(2199, 1, 1), null);
		assertThat(rows(id)).containsExactly("2199-01:1000.00:false");

		String english = spread(id, "en", "monthly", "120", "2199-06", "5");
		String german = spread(id, "de", "even", "8", "2199-06", "");

		assertThat(english)
			.contains("This schedule would run to 2209-05, but its months must lie in the years 1900"
					+ " to 2199: choose fewer months or an earlier start.")
			.doesNotContain("The rows were created by the schedule");
		assertThat(german).contains("Dieser Verteilungsplan liefe bis 2200-01, seine Monate m\u00fcssen aber in den"
				+ " Jahren 1900 bis 2199 liegen: W\u00e4hlen Sie weniger Monate oder einen fr\u00fcheren Beginn.");
		assertThat(rows(id)).containsExactly("2199-01:1000.00:false");
		assertThatThrownBy(() -> this.forecasts.respread(id, Schedule.EVEN, 8, YearMonth.of(2199, 6), null, false,
				this.rep.currentUser()))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.getErrors()).extracting(FieldError::field).containsExactly("months"));

		this.forecasts.respread(id, Schedule.EVEN, 6, YearMonth.of(2199, 7), null, false, this.rep.currentUser());
		assertThat(rows(id)).hasSize(6).last().isEqualTo("2199-12:166.70:false");
	}

	@Test
	void theDefaultScheduleIsCutAtTheYearsEndAndStillAddsUpToTheAmount() {
		this.forecasts.changeDefaultSchedule(Schedule.EVEN, 120, "tests");

		long fromBillingStart = create(this.rep, "1200", LocalDate.of(2199, 1, 1), null);
		long fromCloseDate = create(this.rep, "1200", null, LocalDate.of(2199, 12, 31));

		assertThat(rows(fromBillingStart)).hasSize(12)
			.allMatch((row) -> row.endsWith(":100.00:false"))
			.startsWith("2199-01:100.00:false")
			.endsWith("2199-12:100.00:false");
		assertThat(rows(fromCloseDate)).containsExactly("2199-12:1200.00:false");

		// The API's opportunities take the same schedule, and a change of amount follows
		// it
		// within the years.
		Api.Response created = this.api.as(this.rep)
			.post("/api/v1/potentials", Api.document("potentials",
					Map.of("name", Names.unique("forecast"), "amount", 1200, "expected_close_date", "2199-11-15")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long viaApi = Long.parseLong(created.json().path("data").path("id").asString());
		assertThat(rows(viaApi)).containsExactly("2199-11:600.00:false", "2199-12:600.00:false");
		changeAmount(viaApi, "1000");
		assertThat(rows(viaApi)).containsExactly("2199-11:500.00:false", "2199-12:500.00:false");

		// So the rows the schedule made can be saved back as they are.
		List<PotentialForecastEntry> grid = new ArrayList<>();
		for (PotentialForecast row : this.forecasts.rows(fromBillingStart, this.rep.currentUser())) {
			grid.add(new PotentialForecastEntry(row.getId(), row.getVersion(), row.getMonth().toString(),
					String.valueOf(row.getBusinessAreaId()), row.getAmount().toPlainString()));
		}
		assertThat(this.forecasts.saveGrid(fromBillingStart, grid, this.rep.currentUser())).hasSize(12);
	}

	@Test
	void aGridWithOneWrongCellSavesNothing() {
		long id = create(this.rep, "1000", LocalDate.of(2027, 1, 1), null);
		PotentialForecast row = this.forecasts.rows(id, this.rep.currentUser()).get(0);
		List<PotentialForecastEntry> grid = List.of(
				new PotentialForecastEntry(row.getId(), row.getVersion(), "2027-01", "", "900"),
				new PotentialForecastEntry(null, null, "2027-02", "", "abc"),
				new PotentialForecastEntry(null, null, "2027-13", "", "10"),
				new PotentialForecastEntry(null, null, "9999-01", "", "-5"),
				new PotentialForecastEntry(null, null, "2027-04", "", "1e30"));

		assertThatThrownBy(() -> this.forecasts.saveGrid(id, grid, this.rep.currentUser())).isInstanceOfSatisfying(
				ValidationException.class,
				(ex) -> assertThat(ex.getErrors()).extracting(FieldError::field)
					.containsExactly("rows[1].amount", "rows[2].month", "rows[3].month", "rows[3].amount",
							"rows[4].amount"));
		assertThat(rows(id)).containsExactly("2027-01:1000.00:false");
	}

	@Test
	void aGridSavedFromAnOldPageIsRefused() {
		long id = create(this.rep, "1000", LocalDate.of(2027, 1, 1), null);
		PotentialForecast row = this.forecasts.rows(id, this.rep.currentUser()).get(0);
		this.forecasts.saveGrid(id,
				List.of(new PotentialForecastEntry(row.getId(), row.getVersion(), "2027-01", "", "900")),
				this.rep.currentUser());

		assertThatThrownBy(() -> this.forecasts.saveGrid(id,
				List.of(new PotentialForecastEntry(row.getId(), row.getVersion(), "2027-01", "", "800")),
				this.rep.currentUser()))
			.isInstanceOf(ConflictException.class);
		assertThat(rows(id)).containsExactly("2027-01:900.00:true");
	}

	@Test
	void theApiListsOnlyTheRowsOfOpportunitiesTheUserMaySee() {
		long mine = create(this.rep, "700", LocalDate.of(2027, 2, 1), null);
		long theirs = create(this.otherRep, "800", LocalDate.of(2027, 2, 1), null);
		long myRow = this.forecasts.rows(mine, this.rep.currentUser()).get(0).getId();
		long theirRow = this.forecasts.rows(theirs, this.otherRep.currentUser()).get(0).getId();
		String filter = "?page[size]=100&filter="
				+ Api.encode("{\"$in\":[\"potential_id\",[" + mine + "," + theirs + "]]}");

		Api.Response listed = this.api.as(this.rep).get("/api/v1/potential_forecasts" + filter);
		assertThat(listed.ids()).as(listed.body()).containsExactly(myRow);
		assertThat(this.api.as(this.otherRep).get("/api/v1/potential_forecasts" + filter).ids())
			.containsExactly(theirRow);
		assertThat(this.api.as(this.manager).get("/api/v1/potential_forecasts" + filter).ids()).containsExactly(myRow);
		assertThat(this.api.as(this.otherRep).get("/api/v1/potential_forecasts/" + myRow).status()).isEqualTo(404);
		assertThat(this.api.as(this.otherRep).delete("/api/v1/potential_forecasts/" + myRow).status()).isEqualTo(404);
		assertThat(this.api.as(this.otherRep)
			.patch("/api/v1/potential_forecasts/" + myRow,
					Api.document("potential_forecasts", myRow, Map.of("amount", "1")))
			.status()).isEqualTo(404);
		Api.Response hiddenParent = this.api.as(this.otherRep)
			.post("/api/v1/potential_forecasts", Api.document("potential_forecasts",
					Map.of("potential_id", mine, "forecast_month", "2027-03-01", "amount", "5")));
		assertThat(hiddenParent.status()).isEqualTo(422);
		assertThat(pointers(hiddenParent)).containsExactly("/data/attributes/potential_id");
		assertThat(rows(mine)).containsExactly("2027-02:700.00:false");
	}

	@Test
	void theCardsFragmentIsRefusedToWhoMayNotSeeTheOpportunity() throws Exception {
		long id = create(this.rep, "700", LocalDate.of(2027, 2, 1), null);

		String mine = this.mvc
			.perform(get("/opportunities/" + id + "/forecast").header("HX-Request", "true")
				.header("Accept-Language", "en")
				.with(user(this.users.loadUserByUsername(this.rep.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains("id=\"potential-forecast\"").contains("forecast-amount-0");

		int status = this.mvc
			.perform(get("/opportunities/" + id + "/forecast").header("HX-Request", "true")
				.with(user(this.users.loadUserByUsername(this.otherRep.username()))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(404);
		int saved = this.mvc
			.perform(post("/opportunities/" + id + "/forecast").with(csrf())
				.param("rows[0].month", "2027-02")
				.param("rows[0].amount", "1")
				.with(user(this.users.loadUserByUsername(this.otherRep.username()))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(saved).isEqualTo(404);
		assertThat(rows(id)).containsExactly("2027-02:700.00:false");
	}

	@Test
	void theApiWritesRowsAsEditedAndRefusesBadOnesWithAPointer() {
		long id = create(this.rep, "1000", LocalDate.of(2027, 1, 1), null);
		Api.Response created = this.api.as(this.rep)
			.post("/api/v1/potential_forecasts", Api.document("potential_forecasts", Map.of("potential_id", id,
					"forecast_month", "2027-02-01", "amount", "250.50", "business_area_id", area())));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("data").path("attributes").path("edited").asBoolean()).isTrue();

		assertThat(pointers(postRow(id, "2027-02-15", "10"))).containsExactly("/data/attributes/forecast_month");
		Api.Response farOff = postRow(id, "9999-01-01", "10");
		assertThat(pointers(farOff)).containsExactly("/data/attributes/forecast_month");
		assertThat(farOff.errorDetail()).as("years as years, not as the numbers 1,900 and 2,199")
			.isEqualTo("The date must lie in the years 1900 to 2199.");
		assertThat(pointers(postRow(id, "2027-02-01", "-10"))).containsExactly("/data/attributes/amount");
		assertThat(pointers(postRow(id, "2027-02-01", "ten"))).containsExactly("/data/attributes/amount");
		assertThat(pointers(postRow(id, "2027-02-01", "1e30"))).containsExactly("/data/attributes/amount");
		assertThat(pointers(postRow(id, "2027-02-01", "1.001"))).containsExactly("/data/attributes/amount");
		long createdId = Long.parseLong(created.json().path("data").path("id").asString());
		Api.Response edited = this.api.as(this.rep)
			.patch("/api/v1/potential_forecasts/" + createdId,
					Api.document("potential_forecasts", createdId, Map.of("edited", false)));
		assertThat(edited.status()).isEqualTo(422);
		assertThat(pointers(edited)).containsExactly("/data/attributes/edited");
		assertThat(rows(id)).containsExactly("2027-01:1000.00:false", "2027-02:250.50:true");
	}

	@Test
	void anOpportunityIsDeletedWithItsRows() {
		long id = create(this.rep, "1000", LocalDate.of(2027, 1, 1), null);
		assertThat(rows(id)).hasSize(1);

		this.opportunities.delete(id, this.rep.currentUser(), SaveSource.FORM);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM potential_forecasts WHERE potential_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> this.forecasts.rows(id, this.rep.currentUser())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void figuresCountOpenWeightedAndUnweightedWonAsCommittedAndDropLost() {
		Person owner = this.people.rep(this.people.team());
		long open = create(owner, "1000", LocalDate.of(2031, 1, 1), null);
		long won = create(owner, "400", LocalDate.of(2031, 1, 1), null);
		long lost = create(owner, "300", LocalDate.of(2031, 1, 1), null);
		moveTo(won, "won", owner);
		moveTo(lost, "lost", owner);
		int probability = this.opportunities.get(open, owner.currentUser()).getProbability();

		List<PotentialForecastFigure> figures = this.forecasts.figures(YearMonth.of(2031, 1), YearMonth.of(2031, 1),
				null, null, owner.currentUser());

		assertThat(figures).hasSize(1);
		PotentialForecastFigure january = figures.get(0);
		assertThat(january.committed()).isEqualByComparingTo("400");
		assertThat(january.unweighted()).isEqualByComparingTo("1000");
		assertThat(january.weighted()).isEqualByComparingTo(BigDecimal.valueOf(probability * 10L));
		assertThat(this.forecasts.figures(YearMonth.of(2031, 1), YearMonth.of(2031, 1), null, null,
				this.otherRep.currentUser()))
			.isEmpty();
	}

	private String spread(long id, String language, String schedule, String months, String start, String amount)
			throws Exception {
		return this.mvc
			.perform(post("/opportunities/" + id + "/forecast/spread").with(csrf())
				.header("HX-Request", "true")
				.header("Accept-Language", language)
				.param("schedule", schedule)
				.param("months", months)
				.param("startMonth", start)
				.param("amount", amount)
				.with(user(this.users.loadUserByUsername(this.rep.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Api.Response postRow(long potentialId, String month, String amount) {
		Api.Response response = this.api.as(this.rep)
			.post("/api/v1/potential_forecasts", Api.document("potential_forecasts",
					Map.of("potential_id", potentialId, "forecast_month", month, "amount", amount)));
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		return response;
	}

	private static List<String> pointers(Api.Response response) {
		List<String> pointers = new ArrayList<>();
		for (JsonNode error : response.json().path("errors")) {
			pointers.add(error.path("source").path("pointer").asString());
		}
		return pointers;
	}

	private void moveTo(long id, String kind, Person owner) {
		long stage = this.pipeline.offeredStages(PipelineService.POTENTIALS)
			.stream()
			.filter((candidate) -> candidate.getKind().code().equals(kind))
			.findFirst()
			.orElseThrow()
			.getId();
		OpportunityForm form = this.opportunities.formOf(id, owner.currentUser());
		form.setStageId(stage);
		if ("lost".equals(kind) && !this.pipeline.activeLostReasons().isEmpty()) {
			form.setLostReasonId(this.pipeline.activeLostReasons().get(0).getId());
		}
		this.opportunities.update(id, form, owner.currentUser(), SaveSource.FORM);
	}

	private long create(Person owner, String amount, LocalDate billingStart, LocalDate close) {
		OpportunityForm form = this.opportunities.newForm(owner.currentUser());
		form.setName(Names.unique("forecast"));
		form.setAmount((amount != null) ? new BigDecimal(amount) : null);
		form.setBillingStartDate(billingStart);
		form.setExpectedCloseDate(close);
		form.setBusinessAreaId(area());
		Opportunity opportunity = this.opportunities
			.get(this.opportunities.create(form, owner.currentUser(), SaveSource.FORM), owner.currentUser());
		return opportunity.getId();
	}

	private void changeAmount(long id, String amount) {
		OpportunityForm form = this.opportunities.formOf(id, this.rep.currentUser());
		form.setAmount(new BigDecimal(amount));
		this.opportunities.update(id, form, this.rep.currentUser(), SaveSource.FORM);
	}

	private Long area() {
		return this.pipeline.activeBusinessAreas().get(0).getId();
	}

	private List<String> rows(long id) {
		return this.jdbc
			.sql("SELECT forecast_month, amount, edited FROM potential_forecasts WHERE potential_id = ?"
					+ " ORDER BY forecast_month, id")
			.param(id)
			.query((rs, row) -> YearMonth.from(rs.getDate("forecast_month").toLocalDate()) + ":"
					+ rs.getBigDecimal("amount").setScale(2) + ":" + rs.getBoolean("edited"))
			.list();
	}

}
