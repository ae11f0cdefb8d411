package org.potentia.reporting;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends due reports on a schedule, on one instance at a time (ShedLock, as the history
 * snapshots); each report is also claimed before it is sent, so it goes out once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "potentia.reports.delivery.enabled", havingValue = "true", matchIfMissing = true)
class ReportScheduling {

	@Bean
	ReportDeliveryJob reportDeliveryJob(ReportDelivery delivery) {
		return new ReportDeliveryJob(delivery);
	}

	/**
	 * The scheduled job.
	 */
	static class ReportDeliveryJob {

		private final ReportDelivery delivery;

		ReportDeliveryJob(ReportDelivery delivery) {
			this.delivery = delivery;
		}

		@Scheduled(initialDelayString = "${potentia.reports.delivery.initial-delay:PT2M}",
				fixedDelayString = "${potentia.reports.delivery.interval:PT5M}")
		@SchedulerLock(name = "report-delivery", lockAtLeastFor = "PT1M")
		void run() {
			this.delivery.sendDue(Instant.now());
		}

	}

}
