package org.potentia.workflow;

import java.util.Map;
import java.util.Optional;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;

/**
 * What an action runs on: the workflow, the action, the record (read as it is now, when
 * the action runs) and the log entry.
 */
final class ActionContext {

	private final Workflow workflow;

	private final WorkflowAction action;

	private final WorkflowLog.Entry entry;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final RecordState.LinkedRecords linked;

	private RecordState record;

	ActionContext(Workflow workflow, WorkflowAction action, WorkflowLog.Entry entry, Catalogue catalogue,
			RecordQueries queries) {
		this.workflow = workflow;
		this.action = action;
		this.entry = entry;
		this.catalogue = catalogue;
		this.queries = queries;
		this.linked = new RecordState.LinkedRecords(
				(module, id) -> queries.get(catalogue.get(module), id, CurrentUser.SYSTEM));
	}

	Workflow workflow() {
		return this.workflow;
	}

	WorkflowAction action() {
		return this.action;
	}

	WorkflowLog.Entry entry() {
		return this.entry;
	}

	Catalogue catalogue() {
		return this.catalogue;
	}

	ModuleDefinition module() {
		return this.catalogue.get(this.entry.module());
	}

	long recordId() {
		return this.entry.recordId();
	}

	/**
	 * The record's values now, read once.
	 * @throws IllegalStateException if it no longer exists
	 */
	RecordState record() {
		if (this.record == null) {
			Map<String, Object> row = this.queries.get(module(), recordId(), CurrentUser.SYSTEM)
				.orElseThrow(() -> new IllegalStateException(
						"The record " + this.entry.module() + " " + recordId() + " no longer exists"));
			this.record = new RecordState(row, this.linked);
		}
		return this.record;
	}

	/**
	 * A field path of the record's module.
	 * @throws IllegalStateException if it no longer resolves
	 */
	FieldPath path(String path) {
		return resolve(path).orElseThrow(() -> new IllegalStateException("Unknown field " + path));
	}

	Optional<FieldPath> resolve(String path) {
		return FieldPath.resolve(this.catalogue, module(), path);
	}

}
