package org.potentia.lead;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.IdentityService;
import org.potentia.pipeline.PipelineMode;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.potentia.lead.Leads.aLead;

/**
 * Leads through their service: defaults of a new lead, stage rules, optimistic locking,
 * consent, and the visibility rule.
 */
@PotentiaTest
class LeadServiceTests {

	@Autowired
	LeadService leads;

	@Autowired
	PipelineService pipeline;

	@Autowired
	IdentityService identity;

	@Autowired
	UserDetailsService userDetails;

	LeadFixtures fixtures;

	CurrentUser rep;

	@BeforeEach
	void setUp() {
		this.fixtures = new LeadFixtures(this.identity, this.userDetails);
		this.rep = this.fixtures.rep("Rita");
	}

	@Test
	void aNewLeadStartsInTheDefaultStageEnteredByHandAndOwnedByItsCreator() {
		Lead lead = this.leads.get(this.leads.create(aLead().named("Ada", "Lovelace").at("Analytical Engines").form(),
				this.rep, SaveSource.FORM), this.rep);

		assertThat(lead.getStageId()).isEqualTo(stage("new"));
		assertThat(lead.getLeadSource()).isEqualTo("manual");
		assertThat(lead.getOwnerId()).isEqualTo(this.rep.id());
		assertThat(this.leads.get(lead.getId(), this.rep).getDisplayName()).isEqualTo("Ada Lovelace");
	}

	@Test
	void theFormOfANewLeadOffersTheDefaults() {
		LeadForm form = this.leads.newForm(this.rep, LeadSource.MANUAL);

		assertThat(form.getLeadSource()).isEqualTo("manual");
		assertThat(form.getStageId()).isEqualTo(stage("new"));
		assertThat(form.getOwnerId()).isEqualTo(this.rep.id());
	}

	@Test
	void aLeadWithoutALeadSourceCameFromTheApiIfTheApiSavedIt() {
		long byApi = this.leads.create(unsourced(), this.rep, SaveSource.API);
		long byHand = this.leads.create(unsourced(), this.rep, SaveSource.FORM);

		assertThat(this.leads.get(byApi, this.rep).getLeadSource()).isEqualTo("api");
		assertThat(this.leads.get(byHand, this.rep).getLeadSource()).isEqualTo("manual");
	}

	@Test
	void aLeadCannotBePutInAStageOfTheOpportunityPipeline() {
		long opportunityStage = this.pipeline.stage(PipelineService.POTENTIALS, "proposal").orElseThrow().getId();

		assertThatThrownBy(() -> this.leads.create(aLead().inStage(opportunityStage).form(), this.rep, SaveSource.FORM))
			.isInstanceOfSatisfying(ValidationException.class, (ex) -> {
				assertThat(ex.getErrors().get(0).field()).isEqualTo("stage_id");
				assertThat(ex.getErrors().get(0).messageKey()).isEqualTo("error.stage.unknown");
			});
	}

	@Test
	void aLeadMovesOnlyIntoOfferedStagesButMayStayInItsOwn() {
		Lead lead = this.leads
			.get(this.leads.create(aLead().inStage(stage("contacted")).form(), this.rep, SaveSource.FORM), this.rep);
		this.pipeline.changeMode(PipelineMode.SINGLE, this.rep);
		try {
			// "Nurturing" belongs to the split pipeline only.
			assertThatThrownBy(() -> this.leads.moveTo(lead.getId(), stage("nurturing"), null, this.rep))
				.isInstanceOfSatisfying(ValidationException.class,
						(ex) -> assertThat(ex.getErrors().get(0).messageKey()).isEqualTo("error.stage.not_offered"));
			LeadForm form = this.leads.formOf(lead.getId(), this.rep);
			form.setCity("Berlin");
			this.leads.update(lead.getId(), form, this.rep, SaveSource.FORM);
			assertThat(this.leads.get(lead.getId(), this.rep).getStageId()).isEqualTo(stage("contacted"));
			assertThat(this.leads.moveTo(lead.getId(), stage("qualified"), null, this.rep).getStageId())
				.isEqualTo(stage("qualified"));
		}
		finally {
			this.pipeline.changeMode(PipelineMode.SPLIT, this.rep);
		}
	}

	@Test
	void aChangeBasedOnAnOldVersionIsRefused() {
		Lead lead = this.leads.get(this.leads.create(aLead().form(), this.rep, SaveSource.FORM), this.rep);
		LeadForm first = this.leads.formOf(lead.getId(), this.rep);
		LeadForm second = this.leads.formOf(lead.getId(), this.rep);
		first.setCompany("First");
		this.leads.update(lead.getId(), first, this.rep, SaveSource.FORM);
		second.setCompany("Second");

		assertThatThrownBy(() -> this.leads.update(lead.getId(), second, this.rep, SaveSource.FORM))
			.isInstanceOf(ConflictException.class);
		assertThat(this.leads.get(lead.getId(), this.rep).getCompany()).isEqualTo("First");
	}

	@Test
	void consentWithoutADateIsDatedTodayAndWithdrawnConsentKeepsNoDetails() {
		LeadForm form = aLead().form();
		form.setMarketingConsent(true);
		form.setConsentSource("Trade fair");
		Lead lead = this.leads.get(this.leads.create(form, this.rep, SaveSource.FORM), this.rep);
		assertThat(lead.getConsentDate()).isEqualTo(LocalDate.now());

		LeadForm withdrawn = this.leads.formOf(lead.getId(), this.rep);
		withdrawn.setMarketingConsent(false);
		this.leads.update(lead.getId(), withdrawn, this.rep, SaveSource.FORM);
		Lead updated = this.leads.get(lead.getId(), this.rep);
		assertThat(updated.getConsentDate()).isNull();
		assertThat(updated.getConsentSource()).isNull();
	}

	@Test
	void aRepSeesNeitherChangesNorDeletesAnotherRepsLead() {
		Lead lead = this.leads.get(this.leads.create(aLead().form(), this.rep, SaveSource.FORM), this.rep);
		CurrentUser other = this.fixtures.rep("Otto");

		assertThat(this.leads.isVisible(lead.getId(), other)).isFalse();
		assertThatThrownBy(() -> this.leads.get(lead.getId(), other)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.leads.update(lead.getId(), aLead().form(), other, SaveSource.FORM))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.leads.delete(lead.getId(), other, SaveSource.FORM))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.leads.get(lead.getId(), this.fixtures.admin("Ann")).getId()).isEqualTo(lead.getId());
	}

	@Test
	void aDeletedLeadIsGone() {
		Lead lead = this.leads.get(this.leads.create(aLead().form(), this.rep, SaveSource.FORM), this.rep);

		this.leads.delete(lead.getId(), this.rep, SaveSource.FORM);

		assertThatThrownBy(() -> this.leads.get(lead.getId(), this.rep)).isInstanceOf(NotFoundException.class);
	}

	private long stage(String code) {
		return this.pipeline.stage(PipelineService.LEADS, code).orElseThrow().getId();
	}

	private LeadForm unsourced() {
		LeadForm form = this.leads.newForm(this.rep);
		form.setLastName("Unsourced");
		return form;
	}

}
