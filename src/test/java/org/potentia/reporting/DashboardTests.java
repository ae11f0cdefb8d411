package org.potentia.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.lead.LeadService;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.potentia.lead.Leads.aLead;

/**
 * Home page widgets and targets for a manager and two reps of one team and a rep of
 * another: each widget's figures and each target's realised figure cover only what the
 * user may see; layouts are kept per user; shared widgets reach the team or everyone, and
 * a permanent one cannot be hidden.
 */
@PotentiaTest
class DashboardTests {

	@Autowired
	People people;

	@Autowired
	DashboardService dashboards;

	@Autowired
	SalesWidgets widgets;

	@Autowired
	TargetService targets;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	LeadService leads;

	@Autowired
	PipelineService pipeline;

	@Autowired
	JdbcClient jdbc;

	String tag;

	Team sales;

	Team other;

	Person manager;

	Person repA;

	Person repB;

	Person repC;

	LocalDate today;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.tag = Names.tag();
		this.sales = this.people.team();
		this.other = this.people.team();
		this.manager = this.people.manager(this.sales);
		this.repA = this.people.rep(this.sales);
		this.repB = this.people.rep(this.sales);
		this.repC = this.people.rep(this.other);
		this.today = this.targets.today();
	}

	@AfterEach
	void resetSetting() {
		this.people.repsSeeTeam(false);
	}

	@Test
	void thePipelineWidgetShowsWhatEachUserMaySee() {
		opportunity(this.repA, "proposal", "1000", this.today);
		opportunity(this.repB, "proposal", "2000", this.today);
		opportunity(this.repC, "proposal", "4000", this.today);
		opportunity(this.repA, "negotiation", "500", this.today);
		opportunity(this.repA, "won", "700", this.today);

		assertThat(stage(this.repA, "Proposal")).isEqualByComparingTo("1000");
		assertThat(stage(this.repA, "Negotiation")).isEqualByComparingTo("500");
		assertThat(stage(this.manager, "Proposal")).isEqualByComparingTo("3000");
		assertThat(stage(this.repC, "Proposal")).isEqualByComparingTo("4000");
		assertThat(this.widgets.pipeline(this.repC.currentUser(), java.util.Locale.ENGLISH))
			.noneMatch((row) -> row.label().equals("Negotiation"));
		// Only the open stages: the won opportunity is not in the pipeline.
		assertThat(this.widgets.pipeline(this.repA.currentUser(), java.util.Locale.ENGLISH))
			.extracting(SalesWidgets.StageRow::label)
			.containsExactly("Proposal", "Negotiation");
		// The weighted amount follows the stage's probability (Proposal 50 %), and the
		// drill-down opens the list of the stage's open opportunities.
		SalesWidgets.StageRow proposal = this.widgets.pipeline(this.manager.currentUser(), java.util.Locale.ENGLISH)
			.stream()
			.filter((row) -> row.label().equals("Proposal"))
			.findFirst()
			.orElseThrow();
		assertThat(proposal.weighted()).isEqualByComparingTo("1500");
		assertThat(proposal.href()).startsWith("/opportunities?status=open&stage_id=");
	}

	@Test
	void anOpportunityListShowsTheFirstByCloseDateAndCountsThemAll() {
		List<Long> overdue = new ArrayList<>();
		for (int i = SalesWidgets.LIST_SIZE + 2; i >= 1; i--) {
			overdue.add(opportunity(this.repC, "proposal", "100", this.today.minusDays(i * 3L)));
			opportunity(this.repC, "won", "5000", this.today.minusDays(i * 3L + 1));
		}
		opportunity(this.repC, "proposal", "7000", this.today.plusDays(3));

		SalesWidgets.OpportunityList list = this.widgets.overdue(this.repC.currentUser());

		assertThat(list.count()).isEqualTo(SalesWidgets.LIST_SIZE + 2);
		assertThat(list.total()).isEqualByComparingTo(String.valueOf(100 * (SalesWidgets.LIST_SIZE + 2)));
		assertThat(list.rows()).extracting(SalesWidgets.OpportunityRow::id)
			.containsExactlyElementsOf(overdue.subList(0, SalesWidgets.LIST_SIZE));
		assertThat(list.rows().get(0).closeDate()).isEqualTo(this.today.minusDays((SalesWidgets.LIST_SIZE + 2) * 3L));
		assertThat(list.rows().get(0).name()).isEqualTo(this.tag + " proposal");
		assertThat(list.rows().get(0).amount()).isEqualByComparingTo("100");
		// None at all: no rows, a count of nothing and a total of zero.
		SalesWidgets.OpportunityList none = this.widgets.overdue(this.repA.currentUser());
		assertThat(none.rows()).isEmpty();
		assertThat(none.count()).isZero();
		assertThat(none.total()).isEqualByComparingTo("0");
	}

	@Test
	void closingOverdueAndForecastCountOnlyVisibleOpenOpportunities() {
		LocalDate lastDay = this.today.withDayOfMonth(this.today.lengthOfMonth());
		opportunity(this.repA, "proposal", "1000", lastDay);
		opportunity(this.repB, "proposal", "2000", lastDay);
		opportunity(this.repA, "proposal", "300", this.today.minusDays(40));
		opportunity(this.repB, "proposal", "700", this.today.minusDays(40));
		opportunity(this.repA, "won", "9000", lastDay);

		assertThat(this.widgets.closingThisMonth(this.repA.currentUser()).total()).isEqualByComparingTo("1000");
		assertThat(this.widgets.closingThisMonth(this.manager.currentUser()).count()).isEqualTo(2);
		assertThat(this.widgets.closingThisMonth(this.repC.currentUser()).count()).isZero();
		// Overdue is the user's own, even for the manager who sees the team's.
		SalesWidgets.OpportunityList overdue = this.widgets.overdue(this.repA.currentUser());
		assertThat(overdue.count()).isEqualTo(1);
		assertThat(overdue.total()).isEqualByComparingTo("300");
		assertThat(overdue.href()).contains("owner_id=" + this.repA.id()).contains("status=open");
		assertThat(this.widgets.overdue(this.manager.currentUser()).count()).isZero();
		List<SalesWidgets.MonthRow> forecast = this.widgets.forecast(this.manager.currentUser());
		assertThat(forecast).hasSize(SalesWidgets.FORECAST_MONTHS);
		assertThat(forecast.get(0).amount()).isEqualByComparingTo("3000");
		assertThat(forecast.get(0).weighted()).isEqualByComparingTo("1500");
		assertThat(forecast.get(1).amount()).isEqualByComparingTo("0");
	}

	@Test
	void wonAgainstTargetAndTargetsRealisedForTheTeamAndItsMembers() {
		opportunity(this.repA, "won", "1000", this.today);
		opportunity(this.repB, "won", "2000", this.today);
		opportunity(this.repC, "won", "4000", this.today);
		opportunity(this.repA, "proposal", "8000", this.today);
		String month = TargetPeriod.containing(TargetPeriod.Type.MONTH, this.today).text();
		long team = this.targets.save("team:" + this.sales.getId(), "won_amount", "month", month, "10000",
				this.manager.currentUser());
		long own = this.targets.save("user:" + this.repA.id(), "won_amount", "month", month, "5000",
				this.manager.currentUser());
		long count = this.targets.save("user:" + this.repA.id(), "won_count", "month", month, "4",
				this.manager.currentUser());

		SalesWidgets.Won managers = this.widgets.won(this.manager.currentUser());
		assertThat(managers.monthAmount()).isEqualByComparingTo("3000");
		assertThat(managers.monthTarget()).isEqualByComparingTo("10000");
		assertThat(managers.monthPercent()).isEqualTo(30);
		assertThat(managers.quarterTarget()).isNull();
		SalesWidgets.Won reps = this.widgets.won(this.repA.currentUser());
		assertThat(reps.monthAmount()).isEqualByComparingTo("1000");
		assertThat(reps.monthTarget()).isEqualByComparingTo("5000");

		assertThat(realised(this.manager, team)).isEqualByComparingTo("3000");
		assertThat(realised(this.manager, own)).isEqualByComparingTo("1000");
		assertThat(realised(this.manager, count)).isEqualByComparingTo("1");
		TargetProgress progress = this.targets.current(this.manager.currentUser())
			.stream()
			.filter((p) -> p.target().id() == team)
			.findFirst()
			.orElseThrow();
		assertThat(progress.gap()).isEqualByComparingTo("7000");
		assertThat(progress.percent()).isEqualTo(30);
		if (progress.workingDaysLeft() > 0) {
			assertThat(progress.pace()).isEqualByComparingTo(new BigDecimal("7000")
				.divide(BigDecimal.valueOf(progress.workingDaysLeft()), 2, java.math.RoundingMode.UP));
		}

		// A rep sees their own targets only, the team's when reps see their team; the
		// other team's rep none of them.
		assertThat(ids(this.repA)).contains(own, count).doesNotContain(team);
		assertThat(ids(this.repB)).doesNotContain(own, team);
		assertThat(ids(this.repC)).doesNotContain(own, team, count);
		this.people.repsSeeTeam(true);
		assertThat(ids(this.repB)).contains(own, team);
		// Seen by rep B, rep A's won amount is within the team's records rep B may see.
		assertThat(realised(this.repB, own)).isEqualByComparingTo("1000");
		assertThat(ids(this.repC)).doesNotContain(own, team);
	}

	@Test
	void leadTargetsCountNewAndConvertedLeads() {
		long first = this.leads.create(aLead().ownedBy(this.repA.id()).form(), this.repA.currentUser(),
				SaveSource.FORM);
		this.leads.create(aLead().ownedBy(this.repA.id()).form(), this.repA.currentUser(), SaveSource.FORM);
		this.leads.create(aLead().ownedBy(this.repC.id()).form(), this.repC.currentUser(), SaveSource.FORM);
		this.jdbc.sql("UPDATE leads SET converted_at = CURRENT_TIMESTAMP WHERE id = ?").param(first).update();
		String year = String.valueOf(this.today.getYear());
		long created = this.targets.save("user:" + this.repA.id(), "new_leads", "year", year, "100",
				this.manager.currentUser());
		long converted = this.targets.save("team:" + this.sales.getId(), "converted_leads", "year", year, "10",
				this.manager.currentUser());

		assertThat(realised(this.repA, created)).isEqualByComparingTo("2");
		assertThat(realised(this.manager, converted)).isEqualByComparingTo("1");
		SalesWidgets.ConversionRow thisMonth = this.widgets.leadConversion(this.repA.currentUser()).getLast();
		assertThat(thisMonth.created()).isEqualTo(2);
		assertThat(thisMonth.converted()).isEqualTo(1);
		assertThat(thisMonth.percent()).isEqualTo(50);
		List<SalesWidgets.LeadSourceRow> sources = this.widgets.leadSources(this.repA.currentUser(),
				java.util.Locale.ENGLISH);
		assertThat(sources.stream().mapToLong(SalesWidgets.LeadSourceRow::count).sum()).isEqualTo(2);
		assertThat(sources).allSatisfy((row) -> {
			assertThat(row.stage()).isNotBlank();
			assertThat(row.href()).contains("lead_source=" + row.source()).contains("stage_id=" + row.stageId());
		});
	}

	@Test
	void whoMaySetTargetsAndBadTargetsAreRefused() {
		String month = TargetPeriod.containing(TargetPeriod.Type.MONTH, this.today).text();
		CurrentUser manager = this.manager.currentUser();

		assertThatThrownBy(() -> this.targets.save("user:" + this.repA.id(), "won_amount", "month", month, "10",
				this.repA.currentUser()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> this.targets.save("user:" + this.repC.id(), "won_amount", "month", month, "10", manager))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> this.targets.save("team:" + this.other.getId(), "won_amount", "month", month, "10", manager))
			.isInstanceOf(AccessDeniedException.class);
		assertError(() -> this.targets.save("user:" + this.repA.id(), "won_amount", "month", month, "-1", manager),
				"target.error.negative");
		assertError(() -> this.targets.save("user:" + this.repA.id(), "won_amount", "month", "2026-13", "1", manager),
				"target.error.period");
		assertError(() -> this.targets.save("user:" + this.repA.id(), "won_amount", "week", month, "1", manager),
				"target.error.period_type");
		assertError(() -> this.targets.save("user:" + this.repA.id(), "won_amount", "quarter", "2026-Q5", "1", manager),
				"target.error.period");
		assertError(() -> this.targets.save("user:" + this.repA.id(), "bananas", "month", month, "1", manager),
				"target.error.measure");
		assertError(() -> this.targets.save("user:" + this.repA.id(), "won_count", "month", month, "1.5", manager),
				"target.error.whole");
		assertError(() -> this.targets.save("user:999999999", "won_count", "month", month, "1", manager),
				"target.error.owner");
		assertError(() -> this.targets.save("nobody", "won_count", "month", month, "1", manager), "target.error.owner");

		// Saving again for the same owner, measure and period changes the figure.
		long id = this.targets.save("user:" + this.repA.id(), "won_amount", "quarter", "2026-Q4", "10", manager);
		assertThat(this.targets.save("user:" + this.repA.id(), "won_amount", "quarter", "2026q4", "20", manager))
			.isEqualTo(id);
		assertThat(this.targets.get(id, manager).amount()).isEqualByComparingTo("20");
		assertThat(this.targets.get(id, manager).period().start()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThatThrownBy(() -> this.targets.get(id, this.repC.currentUser())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.targets.delete(id, this.repA.currentUser()))
			.isInstanceOf(AccessDeniedException.class);
		this.targets.delete(id, manager);
		assertThatThrownBy(() -> this.targets.get(id, manager)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aNewUserGetsTheDefaultWidgetsAndKeepsTheLayoutChanged() {
		CurrentUser rep = this.repA.currentUser();
		List<DashboardWidget> first = this.dashboards.layout(rep);
		assertThat(first).extracting(DashboardWidget::kind).containsExactlyElementsOf(WidgetKind.defaults());
		assertThat(this.dashboards.layout(rep)).hasSameSizeAs(first);

		long added = this.dashboards.add("pipeline", null, 1, rep);
		long forecast = first.get(2).id();
		this.dashboards.reorder(List.of(added, forecast), rep);
		this.dashboards.resize(forecast, 3, rep);
		this.dashboards.remove(first.get(0).id(), rep);

		List<DashboardWidget> kept = this.dashboards.layout(rep);
		assertThat(kept).extracting(DashboardWidget::id).startsWith(added, forecast);
		assertThat(kept.get(0).width()).isEqualTo(1);
		assertThat(kept.get(1).width()).isEqualTo(3);
		assertThat(kept).extracting(DashboardWidget::id).doesNotContain(first.get(0).id());
		assertThat(kept).hasSize(first.size());
		// Another user's layout is untouched, and the rep's widgets are not theirs.
		assertThat(this.dashboards.layout(this.repB.currentUser())).extracting(DashboardWidget::id)
			.doesNotContain(added);
		assertThatThrownBy(() -> this.dashboards.widget(added, this.repB.currentUser()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.dashboards.remove(added, this.repB.currentUser()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.dashboards.reorder(List.of(added), this.repB.currentUser()))
			.isInstanceOf(NotFoundException.class);
		assertError(() -> this.dashboards.add("nonsense", null, null, rep), "widget.error.kind");
		assertError(() -> this.dashboards.add("pipeline", null, 4, rep), "widget.error.width");
		assertError(() -> this.dashboards.resize(added, 0, rep), "widget.error.width");
	}

	@Test
	void sharedWidgetsReachTheTeamOrEveryoneAndOnlyPermanentOnesStay() {
		CurrentUser manager = this.manager.currentUser();
		long removable = this.dashboards.add("targets", null, null, manager);
		long permanent = this.dashboards.add("won", null, null, manager);
		this.dashboards.share(removable, "team", null, false, manager);
		this.dashboards.share(permanent, "team", null, true, manager);

		assertThat(ids(this.dashboards.layout(this.repA.currentUser()))).contains(removable, permanent);
		assertThat(ids(this.dashboards.layout(this.repC.currentUser()))).doesNotContain(removable, permanent);
		assertThatThrownBy(() -> this.dashboards.widget(removable, this.repC.currentUser()))
			.isInstanceOf(NotFoundException.class);

		this.dashboards.remove(removable, this.repA.currentUser());
		assertError(() -> this.dashboards.remove(permanent, this.repA.currentUser()), "widget.error.permanent");
		assertThat(ids(this.dashboards.layout(this.repA.currentUser()))).doesNotContain(removable).contains(permanent);
		assertThat(ids(this.dashboards.layout(this.repB.currentUser()))).contains(removable, permanent);
		// A rep who hid it cannot share or delete it; only its owner can.
		assertThatThrownBy(() -> this.dashboards.share(permanent, "everyone", null, false, this.repA.currentUser()))
			.isInstanceOf(AccessDeniedException.class);

		// Reps share nothing; a manager shares with the own team only; an admin with
		// anyone.
		long repsOwn = this.dashboards.add("pipeline", null, null, this.repA.currentUser());
		assertThatThrownBy(() -> this.dashboards.share(repsOwn, "everyone", null, false, this.repA.currentUser()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.dashboards.share(removable, "team", this.other.getId(), false, manager))
			.isInstanceOf(AccessDeniedException.class);
		assertError(() -> this.dashboards.share(removable, "galaxy", null, false, manager), "widget.error.sharing");
		Person admin = this.people.admin();
		long everyone = this.dashboards.add("forecast", null, null, admin.currentUser());
		this.dashboards.share(everyone, "everyone", null, false, admin.currentUser());
		assertThat(ids(this.dashboards.layout(this.repC.currentUser()))).contains(everyone);
		this.dashboards.share(everyone, "nobody", null, false, admin.currentUser());
		assertThat(ids(this.dashboards.layout(this.repC.currentUser()))).doesNotContain(everyone);
		this.dashboards.remove(everyone, admin.currentUser());
	}

	private static List<Long> ids(List<DashboardWidget> widgets) {
		return widgets.stream().map(DashboardWidget::id).toList();
	}

	private List<Long> ids(Person person) {
		return this.targets.current(person.currentUser()).stream().map((p) -> p.target().id()).toList();
	}

	private BigDecimal realised(Person viewer, long targetId) {
		LocalDate from = LocalDate.of(this.today.getYear(), 1, 1);
		return this.targets.progress(from, from.plusYears(1), viewer.currentUser())
			.stream()
			.filter((p) -> p.target().id() == targetId)
			.findFirst()
			.orElseThrow()
			.realised();
	}

	private BigDecimal stage(Person person, String label) {
		return this.widgets.pipeline(person.currentUser(), java.util.Locale.ENGLISH)
			.stream()
			.filter((row) -> row.label().equals(label))
			.map(SalesWidgets.StageRow::amount)
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}

	private long opportunity(Person owner, String stage, String amount, LocalDate close) {
		OpportunityForm form = new OpportunityForm();
		form.setName(this.tag + " " + stage);
		form.setAmount(new BigDecimal(amount));
		form.setStageId(this.pipeline.stage(PipelineService.POTENTIALS, stage).orElseThrow().getId());
		form.setExpectedCloseDate(close);
		form.setOwnerId(owner.id());
		return this.opportunities.create(form, owner.currentUser(), SaveSource.FORM);
	}

	private static void assertError(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(ValidationException.class,
				(ex) -> assertThat(ex.getErrors().get(0).messageKey()).isEqualTo(key));
	}

}
