package org.potentia.webform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The web forms' settings, and the job that tries failed submissions again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebFormProperties.class)
class WebFormConfiguration {

	@Bean
	SubmissionRetries submissionRetries(SubmissionProcessor processor) {
		return new SubmissionRetries(processor);
	}

	/**
	 * Tries due submissions again; one instance at a time (ShedLock on the database).
	 */
	static class SubmissionRetries {

		private final SubmissionProcessor processor;

		SubmissionRetries(SubmissionProcessor processor) {
			this.processor = processor;
		}

		@Scheduled(initialDelayString = "${potentia.forms.retry-interval:PT1M}",
				fixedDelayString = "${potentia.forms.retry-interval:PT1M}")
		@SchedulerLock(name = "web-form-submissions", lockAtMostFor = "PT10M")
		void run() {
			this.processor.retryDue();
		}

	}

}
