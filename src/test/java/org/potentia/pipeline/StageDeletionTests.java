package org.potentia.pipeline;

import org.junit.jupiter.api.Test;

import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A stage that records are in cannot be deleted (the catalogue's links to it count them);
 * an unused one can.
 */
@PotentiaTest
class StageDeletionTests {

	@Autowired
	PipelineService pipeline;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	People people;

	@Test
	void aStageInUseStaysAndAnUnusedOneGoes() {
		Person admin = this.people.admin();
		Stage used = this.pipeline.addStage(PipelineService.POTENTIALS, Names.unique("Used"), Names.unique("Benutzt"),
				30, StageKind.OPEN, "both");
		Stage unused = this.pipeline.addStage(PipelineService.POTENTIALS, Names.unique("Unused"),
				Names.unique("Unbenutzt"), 30, StageKind.OPEN, "both");
		OpportunityForm form = new OpportunityForm();
		form.setName(Names.unique("In the stage"));
		form.setStageId(used.getId());
		this.opportunities.create(form, admin.currentUser(), SaveSource.FORM);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.pipeline.deleteStage(used.getId()))
			.satisfies((ex) -> assertThat(ex.getMessageKey()).isEqualTo("error.stage.in_use"));
		this.pipeline.deleteStage(unused.getId());
		assertThat(this.pipeline.stage(used.getId())).isPresent();
		assertThat(this.pipeline.stage(unused.getId())).isEmpty();
	}

}
