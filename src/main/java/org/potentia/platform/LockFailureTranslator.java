package org.potentia.platform;

import java.sql.SQLException;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;

/**
 * How {@code JdbcTemplate} and {@code JdbcClient} name a failed statement: Spring's own
 * translation (JDBC's exception classes, then the SQL state), except that a lock the
 * statement could not have in time is a {@link CannotAcquireLockException} on every
 * database, as Hibernate already reports it for the entities. Spring's translation calls
 * H2's lock timeout (error 50200, which H2's driver reports as a statement timeout) a
 * query timeout, and PostgreSQL's {@code lock_not_available} (55P03:
 * {@code lock_timeout}, {@code NOWAIT}) uncategorized; both would be a 500, where the
 * pages and the API answer a lock failure with 409 "try again". Spring Boot gives the
 * application's {@code JdbcTemplate} this translator because it is the only one.
 */
@Component
public class LockFailureTranslator extends SQLExceptionSubclassTranslator {

	/**
	 * H2's "Timeout trying to lock table".
	 */
	private static final int H2_LOCK_TIMEOUT = 50200;

	/**
	 * PostgreSQL's {@code lock_not_available}.
	 */
	private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";

	@Override
	protected DataAccessException doTranslate(String task, String sql, SQLException ex) {
		if (lockNotAvailable(ex)) {
			return new CannotAcquireLockException(buildMessage(task, sql, ex), ex);
		}
		return super.doTranslate(task, sql, ex);
	}

	static boolean lockNotAvailable(SQLException ex) {
		return POSTGRES_LOCK_NOT_AVAILABLE.equals(ex.getSQLState())
				|| (ex.getClass().getName().startsWith("org.h2.") && ex.getErrorCode() == H2_LOCK_TIMEOUT);
	}

}
