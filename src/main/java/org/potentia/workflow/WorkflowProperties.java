package org.potentia.workflow;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How workflows run ({@code potentia.workflows.*}).
 *
 * @param retryDelays the waits before the second, third, … attempt of a failed action;
 * after the last the action is marked failed
 * @param lease how long an instance holds an action it runs before another may take it
 * over (longer than any action can take)
 * @param retryInterval how often the retry job looks for due actions
 * @param webhookTimeout how long a webhook may take to answer
 * @param logRetention how long the entries of actions that succeeded are kept
 */
@ConfigurationProperties("potentia.workflows")
record WorkflowProperties(@DefaultValue( {
		"PT1M", "PT5M", "PT30M" }) List<Duration> retryDelays, @DefaultValue("PT10M") Duration lease,
		@DefaultValue("PT30S") Duration retryInterval, @DefaultValue("PT10S") Duration webhookTimeout,
		@DefaultValue("P90D") Duration logRetention){

}
