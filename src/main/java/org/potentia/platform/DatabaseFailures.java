package org.potentia.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that failed from a database that refused: a lost or closed connection,
 * a pool that cannot hand one out, a database shut down or out of disk is a failure of
 * the service (503, logged at ERROR, the {@code databaseWrites} health check DOWN for
 * {@code potentia.database.failure-window}); only what is left, a constraint that the
 * data broke, is a refusal (409). A constraint check that fails because the database
 * underneath it did (H2 reports its closed database as the cause of a constraint
 * violation) counts as a failure: the whole chain of causes is looked at.
 */
@Component
public class DatabaseFailures {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseFailures.class);

	/**
	 * SQL states of an unavailable database besides the connection class {@code 08}:
	 * PostgreSQL's shutdowns, too many connections, disk full, out of memory and I/O
	 * error.
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53000", "53100", "53200",
			"53300", "58030");

	/**
	 * H2's error codes (which it also uses as SQL states) of an unavailable database:
	 * file corrupted, I/O errors, database already open, connection broken, database
	 * closed, no disk space, out of memory, called at shutdown, exclusive mode.
	 */
	private static final Set<Integer> H2_UNAVAILABLE_CODES = Set.of(90030, 90028, 90031, 90020, 90067, 90098, 90100,
			90108, 90121, 90135);

	private final Clock clock;

	private final Duration window;

	private final AtomicReference<Failure> last = new AtomicReference<>();

	private final AtomicLong count = new AtomicLong();

	@Autowired
	DatabaseFailures(@Value("${potentia.database.failure-window:PT5M}") Duration window) {
		this(Clock.systemUTC(), window);
	}

	public DatabaseFailures(Clock clock, Duration window) {
		this.clock = clock;
		this.window = window;
	}

	/**
	 * Whether this exception, or any of its causes, says that the database could not be
	 * used at all, as opposed to refusing the statement.
	 * @param ex what a database call threw
	 * @return true for a failure of the database or of the connection to it
	 */
	public static boolean isUnavailable(Throwable ex) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable current = ex; current != null
				&& seen.put(current, Boolean.TRUE) == null; current = current.getCause()) {
			if (current instanceof DataAccessResourceFailureException
					|| current instanceof CannotCreateTransactionException
					|| current instanceof TransientDataAccessResourceException
					|| current instanceof RecoverableDataAccessException
					|| current instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			if (current instanceof SQLException sql) {
				if (unavailable(sql)) {
					return true;
				}
				for (SQLException next = sql.getNextException(); next != null
						&& seen.put(next, Boolean.TRUE) == null; next = next.getNextException()) {
					if (unavailable(next)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean unavailable(SQLException sql) {
		if (sql instanceof SQLNonTransientConnectionException || sql instanceof SQLTransientConnectionException
				|| sql instanceof SQLRecoverableException) {
			return true;
		}
		String state = sql.getSQLState();
		if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
			return true;
		}
		return sql.getClass().getName().startsWith("org.h2.") && H2_UNAVAILABLE_CODES.contains(sql.getErrorCode());
	}

	/**
	 * Logs a failure of the database at ERROR with its causes, and marks the database's
	 * writes as failing for the window.
	 * @param what what was being done, for the log
	 * @param ex the failure
	 */
	public void report(String what, Throwable ex) {
		Instant now = this.clock.instant();
		this.last.set(new Failure(now, rootMessage(ex)));
		this.count.incrementAndGet();
		logger.error("The database is unavailable ({}): {}", what, rootMessage(ex), ex);
	}

	/**
	 * The last failure if it happened within the window, for the health check.
	 * @return the failure, or null when there was none within the window
	 */
	public Failure recent() {
		Failure failure = this.last.get();
		if (failure == null || failure.at().plus(this.window).isBefore(this.clock.instant())) {
			return null;
		}
		return failure;
	}

	/**
	 * How many failures were reported since the start.
	 * @return the count
	 */
	public long count() {
		return this.count.get();
	}

	public Duration window() {
		return this.window;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getName() + ": " + root.getMessage();
	}

	/**
	 * When the database last failed, and how.
	 */
	public record Failure(Instant at, String message) {
	}

}
