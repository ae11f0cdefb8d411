package org.potentia.workflow;

import org.springframework.stereotype.Component;

/**
 * Runs a module tool on the record.
 */
@Component
class RunToolAction implements ActionHandler {

	private final ToolRunner tools;

	RunToolAction(ToolRunner tools) {
		this.tools = tools;
	}

	@Override
	public ActionType type() {
		return ActionType.RUN_TOOL;
	}

	@Override
	public void run(ActionContext context) {
		this.tools.run(context.action().getToolCode(), context.entry().module(), context.recordId());
	}

}
