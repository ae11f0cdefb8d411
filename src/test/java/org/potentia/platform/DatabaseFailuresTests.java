package org.potentia.platform;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException;
import org.h2.jdbc.JdbcSQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which database errors are failures of the database (503) and which are refusals (409),
 * and how long the health check stays DOWN after one.
 */
class DatabaseFailuresTests {

	@Test
	void aConstraintCheckThatFailedBecauseH2WasClosedIsAFailure() {
		// As H2 2.4.240 reported it (issue 14): a check constraint "violated" because the
		// session it was tied to had been closed.
		SQLException closed = new JdbcSQLNonTransientConnectionException("The database has been closed", null, "90098",
				ErrorCode.DATABASE_IS_CLOSED, null, null);
		SQLException check = new JdbcSQLIntegrityConstraintViolationException(
				"Check constraint invalid: \"CK_POTENTIAL_HISTORY_EVENT: \"", null, "23514",
				ErrorCode.CHECK_CONSTRAINT_INVALID, closed, null);
		assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("could not execute", check)))
			.isTrue();
	}

	@Test
	void connectionsThatCannotBeHadAreFailures() {
		assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection",
				new SQLException("Connection is not available, request timed out", "08001"))))
			.isTrue();
		assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("no transaction"))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLNonTransientConnectionException("gone"))))
			.isTrue();
		// PostgreSQL shut down by its administrator.
		assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("x",
				new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
	}

	@Test
	void realConstraintViolationsAndBadDataAreNoFailures() {
		assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("duplicate",
				new SQLIntegrityConstraintViolationException("duplicate key", "23505"))))
			.isFalse();
		assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("check",
				new JdbcSQLIntegrityConstraintViolationException("Check constraint violation", null, "23513",
						ErrorCode.CHECK_CONSTRAINT_VIOLATED_1, null, null))))
			.isFalse();
		assertThat(DatabaseFailures.isUnavailable(
				new DataIntegrityViolationException("too long", new SQLException("value too long", "22001"))))
			.isFalse();
		assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("other"))).isFalse();
	}

	@Test
	void theHealthCheckIsDownForTheWindowAfterAFailure() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
		DatabaseFailures failures = new DatabaseFailures(clock, Duration.ofMinutes(5));
		DatabaseWritesHealthIndicator health = new DatabaseWritesHealthIndicator(failures);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		failures.report("test",
				new CannotGetJdbcConnectionException("no connection", new SQLException("Connection refused", "08001")));
		Health down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("lastFailure", "2026-12-05T10:00:00Z")
			.containsEntry("failures", 1L);
		assertThat(String.valueOf(down.getDetails().get("error"))).contains("Connection refused");

		clock.now = clock.now.plus(Duration.ofMinutes(5));
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		clock.now = clock.now.plusSeconds(1);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(failures.count()).isOne();
	}

	static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
