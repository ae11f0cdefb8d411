package org.potentia.workflow;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.query.RecordQueries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Runs queued actions, one log entry at a time: claims the entry, runs its action (every
 * save it makes passes source {@code workflow}, so no workflow reacts to it), and logs
 * the outcome. Never throws: a failure is an entry to retry.
 */
@Component
class ActionExecutor {

	private static final Logger logger = LoggerFactory.getLogger(ActionExecutor.class);

	private static final int BATCH = 100;

	private final WorkflowLog log;

	private final WorkflowRepository workflows;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final MessageSource messages;

	private final Map<ActionType, ActionHandler> handlers = new EnumMap<>(ActionType.class);

	ActionExecutor(WorkflowLog log, WorkflowRepository workflows, Catalogue catalogue, RecordQueries queries,
			MessageSource messages, List<ActionHandler> handlers) {
		this.log = log;
		this.workflows = workflows;
		this.catalogue = catalogue;
		this.queries = queries;
		this.messages = messages;
		handlers.forEach((handler) -> this.handlers.put(handler.type(), handler));
	}

	/**
	 * Runs newly planned entries now, in order (those another instance or an earlier
	 * attempt took on are left to the retry job).
	 */
	void runAll(List<Long> entries) {
		for (Long id : entries) {
			Instant now = Instant.now();
			this.log.claimNew(id, now).ifPresent((entry) -> execute(entry, now));
		}
	}

	/**
	 * Runs the entries due at this moment (retries, and entries an instance took on but
	 * never finished).
	 * @return how many were due
	 */
	int runDue(Instant now) {
		List<Long> due = this.log.due(now, BATCH);
		due.forEach((id) -> run(id, now));
		return due.size();
	}

	/**
	 * Runs one entry, if it is due and no one else runs it.
	 */
	void run(long entryId, Instant now) {
		this.log.claim(entryId, now).ifPresent((entry) -> execute(entry, now));
	}

	private void execute(WorkflowLog.Entry entry, Instant now) {
		long entryId = entry.id();
		try {
			Workflow workflow = this.workflows.findById(entry.workflowId())
				.orElseThrow(() -> new IllegalStateException("The workflow was deleted"));
			if (!workflow.isActive()) {
				// The admin switched it off, perhaps because it misbehaved: its queued
				// actions stop too (the log page can queue one again).
				this.log.giveUp(entryId, "The workflow was switched off", now);
				return;
			}
			WorkflowAction action = workflow.getActions()
				.stream()
				.filter((candidate) -> candidate.getId() == entry.actionId())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("The action was deleted"));
			ActionHandler handler = this.handlers.get(action.getType());
			ActionContext context = new ActionContext(workflow, action, entry, this.catalogue, this.queries);
			handler.run(context);
			this.log.succeeded(entryId, now);
		}
		catch (RuntimeException ex) {
			logger.info("Workflow action {} ({}) for {} {} failed, attempt {}: {}", entry.actionId(),
					entry.actionType().code(), entry.module(), entry.recordId(), entry.attempts(), ex.toString());
			this.log.failed(entryId, entry.attempts(), describe(ex), now);
		}
	}

	/**
	 * What went wrong, in words the admin can act on (rule messages in English).
	 */
	String describe(RuntimeException ex) {
		if (ex instanceof ValidationException validation) {
			return validation.getErrors()
				.stream()
				.map((error) -> error.field() + ": " + message(error.messageKey(), error.arguments()))
				.collect(Collectors.joining("; "));
		}
		if (ex instanceof ConflictException conflict) {
			return message(conflict.getMessageKey(), conflict.getArguments());
		}
		if (ex instanceof NotFoundException notFound) {
			return "Not found: " + notFound.getModule() + " " + notFound.getId();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private String message(String key, Object[] arguments) {
		if (org.potentia.platform.Messages.LITERAL.equals(key)) {
			return String.valueOf(arguments[0]);
		}
		return this.messages.getMessage(key, arguments, key, Locale.ENGLISH);
	}

}
