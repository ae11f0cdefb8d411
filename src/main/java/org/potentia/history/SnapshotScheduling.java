package org.potentia.history;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the snapshot catch-up on a schedule, on one instance at a time (ShedLock on the
 * database, set up by the platform's scheduling configuration). Each period is taken
 * exactly once even without the lock; the lock only keeps instances from doing the same
 * work twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "potentia.snapshots.enabled", havingValue = "true", matchIfMissing = true)
class SnapshotScheduling {

	@Bean
	SnapshotJob snapshotJob(SnapshotService snapshots) {
		return new SnapshotJob(snapshots);
	}

	/**
	 * The scheduled job.
	 */
	static class SnapshotJob {

		private final SnapshotService snapshots;

		SnapshotJob(SnapshotService snapshots) {
			this.snapshots = snapshots;
		}

		@Scheduled(initialDelayString = "${potentia.snapshots.initial-delay:PT1M}",
				fixedDelayString = "${potentia.snapshots.interval:PT15M}")
		@SchedulerLock(name = "snapshots", lockAtLeastFor = "PT1M")
		void run() {
			this.snapshots.catchUp();
		}

	}

}
