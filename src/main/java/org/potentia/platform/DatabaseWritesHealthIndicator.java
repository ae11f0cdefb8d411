package org.potentia.platform;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health check {@code databaseWrites}: DOWN for
 * {@code potentia.database.failure-window} after a request or an import found the
 * database unavailable (see {@link DatabaseFailures}), UP otherwise. It turns the whole
 * health endpoint DOWN (503), so a monitor or load balancer notices a database that
 * stopped taking writes while reads may still work.
 */
@Component
class DatabaseWritesHealthIndicator implements HealthIndicator {

	private final DatabaseFailures failures;

	DatabaseWritesHealthIndicator(DatabaseFailures failures) {
		this.failures = failures;
	}

	@Override
	public Health health() {
		DatabaseFailures.Failure failure = this.failures.recent();
		if (failure == null) {
			return Health.up()
				.withDetail("failures", this.failures.count())
				.withDetail("window", this.failures.window().toString())
				.build();
		}
		return Health.down()
			.withDetail("lastFailure", failure.at().toString())
			.withDetail("error", failure.message())
			.withDetail("failures", this.failures.count())
			.withDetail("window", this.failures.window().toString())
			.build();
	}

}
