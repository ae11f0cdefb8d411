package org.potentia.platform;

import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lock a statement could not have is the same exception on H2 and PostgreSQL, and what
 * is no lock failure is translated as Spring does.
 */
class LockFailureTranslatorTests {

	private final LockFailureTranslator translator = new LockFailureTranslator();

	@Test
	void h2sLockTimeoutIsALockFailureNotAQueryTimeout() {
		SQLException timeout = DbException.getJdbcSQLException(ErrorCode.LOCK_TIMEOUT_1, "ACCOUNT_BUDGETS");

		assertThat(this.translator.translate("update", "update account_budgets …", timeout))
			.isInstanceOf(CannotAcquireLockException.class)
			.hasCause(timeout);
	}

	@Test
	void postgresLockNotAvailableIsALockFailure() {
		SQLException timeout = new SQLException("canceling statement due to lock timeout", "55P03");

		assertThat(this.translator.translate("update", "update billing …", timeout))
			.isInstanceOf(CannotAcquireLockException.class);
	}

	@Test
	void otherFailuresAreTranslatedAsSpringDoes() {
		assertThat(this.translator.translate("select", "select …",
				DbException.getJdbcSQLException(ErrorCode.STATEMENT_WAS_CANCELED)))
			.as("a statement cancelled by its timeout")
			.isInstanceOf(QueryTimeoutException.class);
		assertThat(this.translator.translate("select", "select …",
				new SQLException("canceling statement due to statement timeout", "57014")))
			.isInstanceOf(QueryTimeoutException.class);
		assertThat(this.translator.translate("update", "update …", new SQLException("deadlock detected", "40P01")))
			.isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(this.translator.translate("insert", "insert …",
				new SQLException("duplicate key value violates unique constraint", "23505")))
			.isInstanceOf(DuplicateKeyException.class);
	}

}
