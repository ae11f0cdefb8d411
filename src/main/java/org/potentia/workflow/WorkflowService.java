package org.potentia.workflow;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.potentia.identity.IdentityService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.Values;
import org.potentia.tool.ModuleTool;
import org.potentia.tool.ToolService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's workflows: creating and changing them, their conditions and actions, each
 * checked against the module's fields in the catalogue so that a saved workflow can run;
 * and the log of their actions.
 */
@Service
@Transactional(readOnly = true)
public class WorkflowService {

	/**
	 * The modules that have workflows, in the order the admin pages show them.
	 */
	public static final List<String> MODULES = List.of("leads", "potentials", "accounts", "contacts");

	private final WorkflowRepository workflows;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final ToolService tools;

	private final RecordWriters writers;

	private final Placeholders placeholders;

	private final WorkflowLog log;

	private final IdentityService identity;

	WorkflowService(WorkflowRepository workflows, Catalogue catalogue, RecordQueries queries, ToolService tools,
			RecordWriters writers, Placeholders placeholders, WorkflowLog log, IdentityService identity) {
		this.workflows = workflows;
		this.catalogue = catalogue;
		this.queries = queries;
		this.tools = tools;
		this.writers = writers;
		this.placeholders = placeholders;
		this.log = log;
		this.identity = identity;
	}

	/**
	 * The modules with workflows that this installation has.
	 */
	public List<String> modules() {
		return MODULES.stream().filter((module) -> this.catalogue.find(module).isPresent()).toList();
	}

	public List<Workflow> workflows(String module) {
		return this.workflows.findByModuleOrderByNameAscIdAsc(module);
	}

	public Workflow get(long id) {
		return this.workflows.findById(id).orElseThrow(() -> new NotFoundException("workflows", id));
	}

	/**
	 * The fields conditions and placeholders may name: the module's own, then those of
	 * each record it links to ({@code account.account_type}).
	 */
	public List<FieldPath> readableFields(String module) {
		ModuleDefinition definition = definition(module);
		List<FieldPath> paths = new ArrayList<>();
		for (Field field : definition.fields()) {
			paths.add(new FieldPath(field.name(), null, definition, field));
		}
		for (Field relation : definition.fields()) {
			if (!relation.isRelation()) {
				continue;
			}
			this.catalogue.find(relation.relationModule())
				.ifPresent((target) -> target.fields()
					.forEach((field) -> paths
						.add(new FieldPath(relation.relationName() + "." + field.name(), relation, target, field))));
		}
		return paths;
	}

	/**
	 * Whether a field may be set by a workflow: written by clients, not the version.
	 */
	static boolean isWritable(Field field) {
		return !field.readOnly() && !"version".equals(field.name());
	}

	/**
	 * The fields a "set a field" action may write: writable fields of the record and of
	 * the records it links to, in modules a workflow can write.
	 */
	public List<FieldPath> writableFields(String module) {
		return readableFields(module).stream()
			.filter((path) -> isWritable(path.field()))
			.filter((path) -> this.writers.canWrite(path.target().name()))
			.toList();
	}

	/**
	 * The module tools a workflow of this module can run.
	 */
	public List<ModuleTool> tools(String module) {
		return this.tools.all().stream().filter((tool) -> tool.getModule().equals(module)).toList();
	}

	/**
	 * Creates an inactive workflow, to be completed before it is switched on.
	 */
	@Transactional
	public Workflow create(String module, String name, String runOption) {
		definition(module);
		return this.workflows.save(new Workflow(module, name(name), runOption(runOption)));
	}

	/**
	 * Changes a workflow's settings.
	 * @param version the version the admin's page showed, or null if it does not say
	 * @throws ConflictException if the workflow was saved since that version
	 */
	@Transactional
	public void define(long id, Long version, String name, boolean active, String runOption) {
		Workflow workflow = get(id);
		ConflictException.checkVersion(version, workflow.getVersion());
		workflow.define(name(name), active, runOption(runOption));
	}

	@Transactional
	public void delete(long id) {
		this.workflows.delete(get(id));
	}

	@Transactional
	public void renewSecret(long id) {
		get(id).renewSecret();
	}

	@Transactional
	public void addCondition(long id, String fieldPath, String operatorCode, String value) {
		Workflow workflow = get(id);
		FieldPath path = path(workflow.getModule(), fieldPath, "field");
		Operator operator;
		try {
			operator = Operator.of(operatorCode);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationException.of("operator", "error.workflow.operator");
		}
		String text = blankToNull(value);
		if (operator.takesValue()) {
			if (text == null) {
				throw ValidationException.of("value", "error.workflow.value.missing");
			}
			if (text.length() > 1000) {
				throw ValidationException.of("value", "error.workflow.value.long");
			}
			if (operator != Operator.CONTAINS) {
				convert(path.field(), text, "value");
			}
		}
		workflow.addCondition(path.path(), operator, operator.takesValue() ? text.trim() : null);
	}

	@Transactional
	public void removeCondition(long id, long conditionId) {
		get(id).removeCondition(conditionId);
	}

	/**
	 * Adds a "set a field" action.
	 * @param sourceCode fixed, field or date_plus
	 * @param value the fixed value, or the source field (for date_plus, empty for today)
	 * @param days for date_plus, the days to add (negative to subtract)
	 */
	@Transactional
	public void addSetField(long id, String fieldPath, String sourceCode, String value, Integer days) {
		Workflow workflow = get(id);
		FieldPath target = path(workflow.getModule(), fieldPath, "field");
		if (!isWritable(target.field()) || !this.writers.canWrite(target.target().name())) {
			throw ValidationException.of("field", "error.workflow.target");
		}
		ValueSource source;
		try {
			source = ValueSource.of(sourceCode);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationException.of("source", "error.workflow.source");
		}
		String text = blankToNull(value);
		switch (source) {
			case FIXED -> {
				if (text != null && text.length() > 1000) {
					throw ValidationException.of("value", "error.workflow.value.long");
				}
				if (text != null) {
					convert(target.field(), text, "value");
				}
			}
			case FIELD -> {
				if (text == null) {
					throw ValidationException.of("value", "error.workflow.field");
				}
				path(workflow.getModule(), text, "value");
			}
			case DATE_PLUS -> {
				if (!target.field().type().isTemporal()) {
					throw ValidationException.of("field", "error.workflow.date_target");
				}
				if (text != null && !path(workflow.getModule(), text, "value").field().type().isTemporal()) {
					throw ValidationException.of("value", "error.workflow.date_source");
				}
				if (days == null || Math.abs(days) > 36500) {
					throw ValidationException.of("days", "error.workflow.days");
				}
			}
		}
		workflow.addAction(ActionType.SET_FIELD)
			.setsField(target.path(), source, (text != null) ? text.trim() : null,
					(source == ValueSource.DATE_PLUS) ? days : null);
	}

	@Transactional
	public void addRunTool(long id, String toolCode) {
		Workflow workflow = get(id);
		if (tools(workflow.getModule()).stream().noneMatch((tool) -> tool.getCode().equals(toolCode))) {
			throw ValidationException.of("tool", "error.workflow.tool");
		}
		workflow.addAction(ActionType.RUN_TOOL).runsTool(toolCode);
	}

	@Transactional
	public void addEmail(long id, String recipients, String subject, String body) {
		Workflow workflow = get(id);
		ModuleDefinition module = definition(workflow.getModule());
		String to = blankToNull(recipients);
		if (to == null || to.length() > 1000) {
			throw ValidationException.of("recipients", "error.workflow.recipients");
		}
		for (String part : to.split("[,;]")) {
			String address = part.trim();
			if (!address.isEmpty() && !address.contains("{")) {
				try {
					new InternetAddress(address, true);
				}
				catch (AddressException ex) {
					throw ValidationException.of("recipients", "error.workflow.address", address);
				}
			}
		}
		String title = blankToNull(subject);
		if (title == null || title.length() > 255) {
			throw ValidationException.of("subject", "error.workflow.subject");
		}
		String text = (body != null) ? body : "";
		if (text.length() > 10000) {
			throw ValidationException.of("body", "error.workflow.body");
		}
		knownPlaceholders(module, "recipients", to);
		knownPlaceholders(module, "subject", title);
		knownPlaceholders(module, "body", text);
		workflow.addAction(ActionType.SEND_EMAIL).sendsEmail(to, title.trim(), text);
	}

	/**
	 * Adds a "notify a user" action.
	 * @param userId the user, or null for the record's owner
	 */
	@Transactional
	public void addNotify(long id, Long userId, String message) {
		Workflow workflow = get(id);
		ModuleDefinition module = definition(workflow.getModule());
		if (userId == null && module.field("owner_id").isEmpty()) {
			throw ValidationException.of("user", "error.workflow.user");
		}
		if (userId != null && !this.identity.isActive(userId)) {
			throw ValidationException.of("user", "error.workflow.user");
		}
		String text = blankToNull(message);
		if (text == null || text.length() > 2000) {
			throw ValidationException.of("message", "error.workflow.message");
		}
		knownPlaceholders(module, "message", text);
		workflow.addAction(ActionType.NOTIFY).notifies(userId, text.trim());
	}

	@Transactional
	public void addWebhook(long id, String url) {
		Workflow workflow = get(id);
		String text = blankToNull(url);
		if (text == null || text.length() > 1000 || !isHttpUrl(text.trim())) {
			throw ValidationException.of("url", "error.workflow.url");
		}
		workflow.addAction(ActionType.WEBHOOK).callsWebhook(text.trim());
	}

	@Transactional
	public void removeAction(long id, long actionId) {
		get(id).removeAction(actionId);
	}

	@Transactional
	public void moveAction(long id, long actionId, boolean up) {
		get(id).moveAction(actionId, up);
	}

	/**
	 * The latest log entries, newest first.
	 * @param status only entries in this status (pending, running, done, failed), or null
	 */
	public List<WorkflowLog.Entry> log(String status, Long workflowId) {
		return this.log.latest(status, workflowId, 200);
	}

	/**
	 * Queues a failed action again, with a fresh set of retries; the retry job runs it.
	 */
	@Transactional
	public boolean retry(long entryId) {
		return this.log.retry(entryId, Instant.now());
	}

	private ModuleDefinition definition(String module) {
		if (!MODULES.contains(module)) {
			throw new NotFoundException("module", module);
		}
		return this.catalogue.find(module).orElseThrow(() -> new NotFoundException("module", module));
	}

	private FieldPath path(String module, String path, String formField) {
		return Optional.ofNullable(blankToNull(path))
			.flatMap((text) -> FieldPath.resolve(this.catalogue, definition(module), text.trim()))
			.orElseThrow(() -> ValidationException.of(formField, "error.workflow.field"));
	}

	private static void convert(Field field, String text, String formField) {
		try {
			Values.convert(field, text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw ValidationException.of(formField, "error.workflow.value", ex.getMessage());
		}
		if (field.type() == FieldType.TEXT && field.size() > 0 && text.trim().length() > field.size()) {
			throw ValidationException.of(formField, "error.workflow.value.long");
		}
	}

	private void knownPlaceholders(ModuleDefinition module, String formField, String text) {
		List<String> unknown = this.placeholders.unknown(text, module);
		if (!unknown.isEmpty()) {
			throw ValidationException.of(formField, "error.workflow.placeholders", String.join(", ", unknown));
		}
	}

	private static String name(String name) {
		String text = blankToNull(name);
		if (text == null || text.trim().length() > 200) {
			throw ValidationException.of("name", "error.workflow.name");
		}
		return text.trim();
	}

	private static RunOption runOption(String code) {
		try {
			return RunOption.of(code);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationException.of("runOption", "error.workflow.run_option");
		}
	}

	private static boolean isHttpUrl(String text) {
		try {
			URI uri = URI.create(text);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
