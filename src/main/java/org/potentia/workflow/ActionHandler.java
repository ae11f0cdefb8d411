package org.potentia.workflow;

/**
 * Carries out one type of action for a record. Throws to fail the attempt; the executor
 * logs the error and retries later.
 */
interface ActionHandler {

	ActionType type();

	void run(ActionContext context);

}
