package org.potentia.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.RecordSaved;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which workflows a save triggers and queues their actions in the log, all in one
 * transaction: either every triggered action of the save is queued (and a first match
 * remembered) or none is. A save whose actions are queued already (its event came again
 * after a crash) is not planned twice.
 */
@Component
class WorkflowPlanner {

	private static final Logger logger = LoggerFactory.getLogger(WorkflowPlanner.class);

	private final WorkflowRepository workflows;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final WorkflowLog log;

	private final WorkflowMatches matches;

	private final ConditionCheck conditions;

	WorkflowPlanner(WorkflowRepository workflows, Catalogue catalogue, RecordQueries queries, WorkflowLog log,
			WorkflowMatches matches) {
		this.workflows = workflows;
		this.catalogue = catalogue;
		this.queries = queries;
		this.log = log;
		this.matches = matches;
		this.conditions = new ConditionCheck(catalogue);
	}

	/**
	 * Queues the actions of every workflow this save triggers.
	 * @return the log entries to run, in order
	 */
	@Transactional
	List<Long> plan(RecordSaved saved) {
		if (saved.byWorkflow()) {
			return List.of();
		}
		Optional<ModuleDefinition> module = this.catalogue.find(saved.module());
		if (module.isEmpty()) {
			logger.warn("Saved record of unknown module {} ignored by workflows", saved.module());
			return List.of();
		}
		List<Workflow> active = this.workflows.findByModuleAndActiveTrueOrderByIdAsc(saved.module());
		if (active.isEmpty()) {
			return List.of();
		}
		if (this.log.planned(saved.eventId())) {
			return this.log.open(saved.eventId());
		}
		RecordState.LinkedRecords linked = new RecordState.LinkedRecords(
				(target, id) -> this.queries.get(this.catalogue.get(target), id, CurrentUser.SYSTEM));
		RecordState before = new RecordState(saved.before(), linked);
		RecordState after = new RecordState(saved.after(), linked);
		Instant now = Instant.now();
		List<Long> planned = new ArrayList<>();
		for (Workflow workflow : active) {
			if (triggers(workflow, module.get(), saved, before, after, now)) {
				for (WorkflowAction action : workflow.getActions()) {
					planned.add(this.log.plan(workflow, action, saved.module(), saved.id(), saved.eventId(),
							saved.isNew(), now));
				}
			}
		}
		return planned;
	}

	private boolean triggers(Workflow workflow, ModuleDefinition module, RecordSaved saved, RecordState before,
			RecordState after, Instant now) {
		RunOption option = workflow.getRunOption();
		if (option == RunOption.FIRST_SAVE && !saved.isNew()) {
			return false;
		}
		if (option == RunOption.FIRST_MATCH && this.matches.matched(workflow.getId(), saved.id())) {
			return false;
		}
		if (!this.conditions.holds(module, workflow.getConditions(), before, after)) {
			return false;
		}
		return option != RunOption.FIRST_MATCH || this.matches.firstMatch(workflow.getId(), saved.id(), now);
	}

}
