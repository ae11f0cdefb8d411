package org.potentia.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The opportunity rules every path shares: defaults from the stage, closing and
 * reopening, lost reasons, mandatory fields, links and visibility.
 */
@PotentiaTest
class OpportunityServiceTests {

	@Autowired
	OpportunityService opportunities;

	@Autowired
	OpportunityRules rules;

	@Autowired
	PipelineService pipeline;

	@Autowired
	IdentityService identity;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	RecordQueries queries;

	@Autowired
	Catalogue catalogue;

	CurrentUser rep;

	CurrentUser otherRep;

	@BeforeEach
	void users() {
		this.rep = user(Role.REP);
		this.otherRep = user(Role.REP);
	}

	@AfterEach
	void resetRules() {
		this.rules.change(Set.of(), true, null, "test");
	}

	@Test
	void anOpportunityNeedsOnlyAName() {
		OpportunityForm form = new OpportunityForm();
		form.setName("Only a name");
		Opportunity created = this.opportunities.get(this.opportunities.create(form, this.rep, SaveSource.FORM),
				this.rep);
		Stage first = this.pipeline.defaultStage(PipelineService.POTENTIALS);
		assertThat(created.getStageId()).isEqualTo(first.getId());
		assertThat(created.getProbability()).isEqualTo(first.getProbability());
		assertThat(created.getOwnerId()).isEqualTo(this.rep.id());
		assertThat(created.getCurrency()).isEqualTo("EUR");
	}

	@Test
	void weightedAmountFollowsAmountAndProbability() {
		OpportunityForm form = named("Weighted");
		form.setAmount(new BigDecimal("12345.67"));
		form.setProbability(40);
		Opportunity created = this.opportunities.get(this.opportunities.create(form, this.rep, SaveSource.FORM),
				this.rep);
		assertThat(created.getWeightedAmount()).isEqualByComparingTo("4938.27");
	}

	@Test
	void movingTakesTheStageProbabilityAndClosingSetsTheClosedDate() {
		Opportunity created = this.opportunities
			.get(this.opportunities.create(named("Mover"), this.rep, SaveSource.FORM), this.rep);
		Stage won = stage("won");
		Opportunity moved = this.opportunities.moveTo(created.getId(), won.getId(), created.getVersion(), this.rep,
				SaveSource.BOARD);
		assertThat(moved.getProbability()).isEqualTo(100);
		assertThat(moved.getClosedDate()).isEqualTo(LocalDate.now());
		Opportunity reopened = this.opportunities.moveTo(created.getId(), stage("proposal").getId(), null, this.rep,
				SaveSource.BOARD);
		assertThat(reopened.getClosedDate()).isNull();
		assertThat(reopened.getProbability()).isEqualTo(stage("proposal").getProbability());
	}

	@Test
	void aLostOpportunityNeedsALostReasonUnlessTheAdminSaysOtherwise() {
		Opportunity created = this.opportunities
			.get(this.opportunities.create(named("To lose"), this.rep, SaveSource.FORM), this.rep);
		long lost = stage("lost").getId();
		assertThatThrownBy(() -> this.opportunities.moveTo(created.getId(), lost, null, this.rep, SaveSource.BOARD))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.getErrors()).extracting("field").containsExactly("lost_reason_id"));
		this.rules.change(Set.of(), false, null, "test");
		assertThat(this.opportunities.moveTo(created.getId(), lost, null, this.rep, SaveSource.BOARD).getClosedDate())
			.isNotNull();
	}

	@Test
	void reopeningALostOpportunityClearsItsLostReason() {
		Opportunity created = this.opportunities
			.get(this.opportunities.create(named("Lost then reopened"), this.rep, SaveSource.FORM), this.rep);
		OpportunityForm lost = this.opportunities.formOf(created.getId(), this.rep);
		lost.setStageId(stage("lost").getId());
		lost.setLostReasonId(this.pipeline.activeLostReasons().get(0).getId());
		this.opportunities.update(created.getId(), lost, this.rep, SaveSource.FORM);
		Opportunity reopened = this.opportunities.moveTo(created.getId(), stage("proposal").getId(), null, this.rep,
				SaveSource.BOARD);
		assertThat(reopened.getLostReasonId()).isNull();
		assertThat(reopened.getClosedDate()).isNull();
	}

	@Test
	void mandatoryFieldsSetByTheAdminAreEnforced() {
		this.rules.change(Set.of("account_id", "amount"), true, null, "test");
		assertThatThrownBy(() -> this.opportunities.create(named("Without account"), this.rep, SaveSource.FORM))
			.isInstanceOfSatisfying(ValidationException.class, (ex) -> assertThat(ex.getErrors()).extracting("field")
				.containsExactlyInAnyOrder("account_id", "amount"));
	}

	@Test
	void theContactMustBelongToTheAccountAndFillsItWhenMissing() {
		long acme = account("ACME").getId();
		long other = account("Other").getId();
		ContactForm contactForm = this.contacts.newForm(this.rep);
		contactForm.setLastName("Meier");
		contactForm.setAccountId(acme);
		long meier = this.contacts.create(contactForm, this.rep, SaveSource.FORM);

		OpportunityForm mismatched = named("Mismatch");
		mismatched.setAccountId(other);
		mismatched.setContactId(meier);
		assertThatThrownBy(() -> this.opportunities.create(mismatched, this.rep, SaveSource.FORM))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.getErrors()).extracting("field").containsExactly("contact_id"));

		OpportunityForm contactOnly = named("Contact only");
		contactOnly.setContactId(meier);
		long created = this.opportunities.create(contactOnly, this.rep, SaveSource.FORM);
		assertThat(this.opportunities.get(created, this.rep).getAccountId()).isEqualTo(acme);
	}

	@Test
	void aRepSeesOnlyOwnOpportunitiesInCardsListsAndTotals() {
		OpportunityForm mine = named("Mine");
		mine.setAmount(new BigDecimal("100"));
		long mineId = this.opportunities.create(mine, this.rep, SaveSource.FORM);
		OpportunityForm theirs = named("Theirs");
		theirs.setAmount(new BigDecimal("1000"));
		long theirsId = this.opportunities.create(theirs, this.otherRep, SaveSource.FORM);

		assertThatThrownBy(() -> this.opportunities.get(theirsId, this.rep)).isInstanceOf(NotFoundException.class);
		ListQuery all = new ListQuery(null, SqlCondition.TRUE, null, 1, 50);
		var module = this.catalogue.get("potentials");
		assertThat(this.queries.list(module, all, this.rep).rows()).extracting((row) -> row.get("id"))
			.containsExactly(mineId);
		Map<String, BigDecimal> totals = this.queries.sums(module, all, this.rep, Map.of("amount", "t.amount"));
		assertThat(totals.get("amount")).isEqualByComparingTo("100");
	}

	@Test
	void aStaleVersionIsRefused() {
		Opportunity created = this.opportunities
			.get(this.opportunities.create(named("Stale"), this.rep, SaveSource.FORM), this.rep);
		OpportunityForm first = this.opportunities.formOf(created.getId(), this.rep);
		OpportunityForm second = this.opportunities.formOf(created.getId(), this.rep);
		first.setNextStep("Call");
		this.opportunities.update(created.getId(), first, this.rep, SaveSource.FORM);
		second.setNextStep("Mail");
		assertThatThrownBy(() -> this.opportunities.update(created.getId(), second, this.rep, SaveSource.FORM))
			.isInstanceOf(org.potentia.platform.ConflictException.class);
		assertThat(this.opportunities.get(created.getId(), this.rep).getNextStep()).isEqualTo("Call");
	}

	private OpportunityForm named(String name) {
		OpportunityForm form = new OpportunityForm();
		form.setName(name);
		return form;
	}

	private Stage stage(String code) {
		return this.pipeline.stage(PipelineService.POTENTIALS, code).orElseThrow();
	}

	private org.potentia.account.Account account(String name) {
		AccountForm form = this.accounts.newForm(this.rep);
		form.setName(name);
		return this.accounts.get(this.accounts.create(form, this.rep, SaveSource.FORM), this.rep);
	}

	private CurrentUser user(Role role) {
		String name = "u" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.createUser(name, "password-1234", "Test", name, null, role, null);
		return new CurrentUser(user.getId(), name, name, role, null, null);
	}

}
