package org.potentia.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.potentia.identity.IdentityService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.tool.ConversionService;
import org.potentia.tool.ModuleTool;
import org.potentia.tool.ToolMapping;
import org.potentia.tool.ToolService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the admin's module tools: a "create linked record" tool creates its target record
 * from the tool's field mapping, through the target module's writer; a "convert lead"
 * tool converts the lead through the conversion service, as the dialog does.
 */
@Component
class ModuleToolRunner implements ToolRunner {

	private final ToolService tools;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final RecordWriters writers;

	private final TransactionTemplate transactions;

	private final ConversionService conversions;

	private final IdentityService identity;

	ModuleToolRunner(ToolService tools, Catalogue catalogue, RecordQueries queries, RecordWriters writers,
			PlatformTransactionManager transactions, ConversionService conversions, IdentityService identity) {
		this.conversions = conversions;
		this.identity = identity;
		this.tools = tools;
		this.catalogue = catalogue;
		this.queries = queries;
		this.writers = writers;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public long run(String toolCode, String module, long recordId) {
		ModuleTool tool = this.tools.byCode(toolCode);
		if (!tool.getModule().equals(module)) {
			throw new IllegalStateException("The tool " + toolCode + " belongs to " + tool.getModule());
		}
		if (!tool.isActive()) {
			throw new IllegalStateException("The tool " + toolCode + " is switched off");
		}
		if (tool.isConversion()) {
			return convertLead(tool, recordId);
		}
		return this.transactions.execute((status) -> createLinkedRecord(tool, recordId));
	}

	/**
	 * Converts the lead by the tool's settings and mapping, atomically, in the name of
	 * the lead's owner (who then owns what it becomes and must be able to see the
	 * matching account and contact), and answers the new opportunity's id. A lead already
	 * converted fails with the conversion's conflict and shows in the log.
	 */
	private long convertLead(ModuleTool tool, long leadId) {
		CurrentUser owner = this.conversions.leadOwner(leadId)
			.flatMap(this.identity::actingAs)
			.orElseThrow(() -> new IllegalStateException("The lead's owner is no longer an active user"));
		ConversionService.Request request = new ConversionService.Request(tool.getId(), Map.of(), null, null, null,
				null);
		Long opportunityId = this.conversions.convert(leadId, request, owner, SaveSource.WORKFLOW).opportunityId();
		return (opportunityId != null) ? opportunityId : leadId;
	}

	private long createLinkedRecord(ModuleTool tool, long recordId) {
		ModuleDefinition source = this.catalogue.get(tool.getModule());
		Map<String, Object> row = this.queries.get(source, recordId, CurrentUser.SYSTEM)
			.orElseThrow(() -> new IllegalStateException(
					"The record " + source.name() + " " + recordId + " no longer exists"));
		ModuleDefinition target = this.catalogue.get(tool.getTargets().get(0));
		Map<String, Object> values = new LinkedHashMap<>();
		for (ToolMapping mapping : tool.mappingsFor(target.name())) {
			boolean writable = target.field(mapping.getTargetField()).filter(WorkflowService::isWritable).isPresent();
			Object value = mapping.isActive() ? mapping.valueFrom(row) : null;
			if (writable && value != null) {
				values.put(mapping.getTargetField(), value);
			}
		}
		// The new record belongs to the source record's owner, not to the system.
		if (target.field("owner_id").isPresent() && !values.containsKey("owner_id") && row.get("owner_id") != null) {
			values.put("owner_id", row.get("owner_id"));
		}
		return this.writers.create(target.name(), values, CurrentUser.SYSTEM, SaveSource.WORKFLOW);
	}

}
