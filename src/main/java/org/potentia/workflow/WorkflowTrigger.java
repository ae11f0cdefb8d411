package org.potentia.workflow;

import java.util.List;

import org.potentia.platform.RecordSaved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Reacts to every saved record after its save committed, asynchronously, through Spring
 * Modulith's event publication registry: if the process dies before this listener has
 * finished, the registry hands the event over again on restart.
 */
@Component
class WorkflowTrigger {

	private final WorkflowPlanner planner;

	private final ActionExecutor executor;

	WorkflowTrigger(WorkflowPlanner planner, ActionExecutor executor) {
		this.planner = planner;
		this.executor = executor;
	}

	/**
	 * Plans the save's actions (one transaction, so an event handed over twice is planned
	 * once), then runs them, each in its own transaction: one failing action must not
	 * undo another, nor the plan. Hence no transaction around the whole listener.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RecordSaved saved) {
		if (saved.byWorkflow()) {
			return;
		}
		List<Long> planned = this.planner.plan(saved);
		this.executor.runAll(planned);
	}

}
