package org.potentia.workflow;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the actions that are due again (failed attempts after their back-off, and actions
 * an instance took on but never finished), on one instance at a time; and forgets the log
 * entries of actions that succeeded long ago.
 */
@Component
class WorkflowRetries {

	private final ActionExecutor executor;

	private final WorkflowLog log;

	private final WorkflowProperties properties;

	WorkflowRetries(ActionExecutor executor, WorkflowLog log, WorkflowProperties properties) {
		this.executor = executor;
		this.log = log;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${potentia.workflows.retry-interval:PT30S}",
			fixedDelayString = "${potentia.workflows.retry-interval:PT30S}")
	@SchedulerLock(name = "workflow-retries", lockAtMostFor = "PT15M")
	void run() {
		Instant now = Instant.now();
		while (this.executor.runDue(now) > 0 && Instant.now().isBefore(now.plusSeconds(600))) {
			now = Instant.now();
		}
		this.log.purge(Instant.now().minus(this.properties.logRetention()));
	}

}
