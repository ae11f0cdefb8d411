package org.potentia.workflow;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.RecordSaved;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event flow from a record module to the workflow module, told as Spring Modulith
 * scenarios in the shared context: a save publishes {@link RecordSaved} inside its
 * transaction, and the workflow module's listener handles it only once that transaction
 * has committed, on another thread.
 */
@PotentiaTest
@EnableScenarios
class WorkflowEventScenarioTests {

	@Autowired
	WorkflowService workflows;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowLog log;

	@Autowired
	People people;

	WorkflowTesting testing;

	Person rep;

	String tag;

	@BeforeEach
	void setUp() {
		this.testing = new WorkflowTesting(this.workflows, this.opportunities, this.jdbc, this.log);
		this.rep = this.people.rep();
		this.tag = Names.tag();
	}

	@AfterEach
	void deleteWorkflows() {
		this.testing.settle(this.tag);
		this.testing.deleteWorkflows();
	}

	@Test
	void aSavePublishesTheRecordWhoSavedItAndHow(Scenario scenario) {
		scenario.stimulate(() -> this.testing.opportunity(this.rep, this.tag + " Deal", "2500"))
			.andWaitForEventOfType(RecordSaved.class)
			.matching((saved) -> "potentials".equals(saved.module())
					&& String.valueOf(saved.after().get("name")).startsWith(this.tag))
			.toArriveAndVerify((saved, id) -> {
				assertThat(saved.id()).isEqualTo(id);
				assertThat(saved.isNew()).isTrue();
				assertThat(saved.source()).isEqualTo(SaveSource.FORM);
				assertThat(saved.user().id()).isEqualTo(this.rep.currentUser().id());
				assertThat(saved.byWorkflow()).isFalse();
			});
	}

	@Test
	void theWorkflowRunsOnlyAfterTheSaveHasCommitted(Scenario scenario) {
		Workflow workflow = this.testing.workflow("potentials", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addSetField(workflow.getId(), "next_step", "fixed", "Call back", null);
		AtomicLong created = new AtomicLong();

		scenario.stimulate(() -> {
			long id = this.testing.opportunity(this.rep, this.tag + " Deal", "1000");
			created.set(id);
			// Inside the save's transaction the workflow has not run, nor been planned.
			assertThat(this.testing.entries("potentials", id, workflow)).isEmpty();
			return id;
		})
			.andWaitForStateChange(() -> this.testing.entries("potentials", created.get(), workflow),
					(entries) -> entries.stream().anyMatch((entry) -> "done".equals(entry.status())))
			.andVerify((List<WorkflowLog.Entry> entries, Long id) -> {
				assertThat(entries).singleElement().satisfies((entry) -> {
					assertThat(entry.recordId()).isEqualTo(id);
					assertThat(entry.actionType()).isEqualTo(ActionType.SET_FIELD);
					assertThat(entry.recordCreated()).isTrue();
				});
				assertThat(this.opportunities.formOf(id, this.rep.currentUser()).getNextStep()).isEqualTo("Call back");
			});
	}

}
