package org.potentia.workflow;

/**
 * Runs a module tool on a record in the name of a workflow: what the tool's button on the
 * record's card does, without the dialog.
 */
interface ToolRunner {

	/**
	 * @param toolCode the tool's code ({@code convert_lead})
	 * @param module the record's module, which must be the tool's
	 * @param recordId the record
	 * @return the id of the record the tool made (for a conversion, the opportunity)
	 * @throws RuntimeException if the tool cannot run; the action is retried
	 */
	long run(String toolCode, String module, long recordId);

}
