package org.potentia.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * What the workflow tests share: workflows made through the admin's service and deleted
 * after the test, opportunities saved through their service, and waiting until the
 * asynchronous listener has handled every save of a test (its records carry the test's
 * tag, and so do their events in the publication registry).
 */
public final class WorkflowTesting {

	private final WorkflowService workflows;

	private final OpportunityService opportunities;

	private final JdbcClient jdbc;

	private final WorkflowLog log;

	private final List<Long> created = new ArrayList<>();

	public WorkflowTesting(WorkflowService workflows, OpportunityService opportunities, JdbcClient jdbc,
			WorkflowLog log) {
		this.workflows = workflows;
		this.opportunities = opportunities;
		this.jdbc = jdbc;
		this.log = log;
	}

	/**
	 * An active workflow whose first condition is that the field contains the tag, so
	 * that only the test's own records trigger it.
	 */
	public Workflow workflow(String module, RunOption runOption, String tagField, String tag) {
		Workflow workflow = this.workflows.create(module, "Test " + tag, runOption.code());
		this.created.add(workflow.getId());
		this.workflows.define(workflow.getId(), null, "Test " + tag, true, runOption.code());
		this.workflows.addCondition(workflow.getId(), tagField, "contains", tag);
		return workflow;
	}

	public void deleteWorkflows() {
		this.created.forEach((id) -> {
			try {
				this.workflows.delete(id);
			}
			catch (RuntimeException ex) {
				// Deleted by the test itself.
			}
		});
	}

	public long opportunity(Person owner, String name, String amount) {
		OpportunityForm form = this.opportunities.newForm(owner.currentUser());
		form.setName(name);
		form.setAmount((amount != null) ? new BigDecimal(amount) : null);
		return this.opportunities.create(form, owner.currentUser(), SaveSource.FORM);
	}

	/**
	 * Waits until the registry holds no unhandled event of the test's records.
	 */
	public void settle(String tag) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
				.param("%" + tag + "%")
				.query(Long.class)
				.single() == 0);
	}

	/**
	 * The log entries of a workflow for a record, oldest first.
	 */
	public List<WorkflowLog.Entry> entries(String module, long recordId, Workflow workflow) {
		return this.log.ofRecord(module, recordId)
			.stream()
			.filter((entry) -> entry.workflowId() == workflow.getId())
			.toList();
	}

}
