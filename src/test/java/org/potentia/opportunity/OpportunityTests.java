package org.potentia.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.potentia.pipeline.Stage;
import org.potentia.pipeline.StageKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The opportunity's own stage rules, without Spring: probability, closed date, lost
 * reason and weighted amount follow the stage whatever path saves the opportunity.
 */
class OpportunityTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

	static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);

	final Stage proposal = stage(1, 40, StageKind.OPEN);

	final Stage negotiation = stage(2, 70, StageKind.OPEN);

	final Stage won = stage(3, 100, StageKind.WON);

	final Stage lost = stage(4, 0, StageKind.LOST);

	@Test
	void aNewOpportunityTakesTheStagesProbabilityUnlessOneIsGiven() {
		assertThat(new Opportunity(details("1000", null, null), this.proposal, MONDAY).getProbability()).isEqualTo(40);
		Opportunity given = new Opportunity(details("1000", 25, null), this.proposal, MONDAY);
		assertThat(given.getProbability()).isEqualTo(25);
		assertThat(given.getWeightedAmount()).isEqualByComparingTo("250.00");
		assertThat(given.getClosedDate()).isNull();
	}

	@Test
	void movingOnWithTheProbabilityLeftAsItWasTakesTheNewStagesButAChangedOneIsKept() {
		Opportunity opportunity = new Opportunity(details("1000", null, null), this.proposal, MONDAY);
		assertThat(opportunity.revise(details("1000", 40, null), this.negotiation, FRIDAY)).isTrue();
		assertThat(opportunity.getProbability()).isEqualTo(70);
		assertThat(opportunity.getWeightedAmount()).isEqualByComparingTo("700.00");
		opportunity.revise(details("1000", 55, null), this.proposal, FRIDAY);
		assertThat(opportunity.getProbability()).isEqualTo(55);
		assertThat(opportunity.revise(details("2000", 55, null), this.proposal, FRIDAY)).isFalse();
		assertThat(opportunity.getWeightedAmount()).isEqualByComparingTo("1100.00");
	}

	@Test
	void closingSetsTheClosedDateOnceAndReopeningClearsIt() {
		Opportunity opportunity = new Opportunity(details("1000", null, null), this.proposal, MONDAY);
		opportunity.revise(details("1000", 40, null), this.won, MONDAY);
		assertThat(opportunity.getClosedDate()).isEqualTo(MONDAY);
		opportunity.revise(details("1200", 100, null), this.won, FRIDAY);
		assertThat(opportunity.getClosedDate()).isEqualTo(MONDAY);
		opportunity.revise(details("1200", 100, null), this.negotiation, FRIDAY);
		assertThat(opportunity.getClosedDate()).isNull();
		assertThat(opportunity.getProbability()).isEqualTo(70);
		assertThat(new Opportunity(details("5", null, null), this.won, FRIDAY).getClosedDate()).isEqualTo(FRIDAY);
	}

	@Test
	void aLostReasonIsKeptOnlyInALostStage() {
		Opportunity opportunity = new Opportunity(details("1000", null, 9L), this.proposal, MONDAY);
		assertThat(opportunity.getLostReasonId()).isNull();
		opportunity.revise(details("1000", 40, 9L), this.lost, FRIDAY);
		assertThat(opportunity.getLostReasonId()).isEqualTo(9L);
		assertThat(opportunity.getProbability()).isZero();
		opportunity.revise(details("1000", 0, 9L), this.proposal, FRIDAY);
		assertThat(opportunity.getLostReasonId()).isNull();
	}

	@Test
	void blankTextIsNoTextAndTheCurrencyDefaultsToEuro() {
		OpportunityForm form = details("1", null, null);
		form.setNextStep("   ");
		form.setName("  Padded  ");
		form.setCurrency(null);
		Opportunity opportunity = new Opportunity(form, this.proposal, MONDAY);
		assertThat(opportunity.getNextStep()).isNull();
		assertThat(opportunity.getName()).isEqualTo("Padded");
		assertThat(opportunity.getCurrency()).isEqualTo("EUR");
	}

	private static OpportunityForm details(String amount, Integer probability, Long lostReasonId) {
		OpportunityForm form = new OpportunityForm();
		form.setName("Deal");
		form.setAmount(new BigDecimal(amount));
		form.setProbability(probability);
		form.setLostReasonId(lostReasonId);
		return form;
	}

	private static Stage stage(long id, int probability, StageKind kind) {
		Stage stage = mock(Stage.class);
		when(stage.getId()).thenReturn(id);
		when(stage.getProbability()).thenReturn(probability);
		when(stage.getKind()).thenReturn(kind);
		return stage;
	}

}
