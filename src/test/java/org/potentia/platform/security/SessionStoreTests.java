package org.potentia.platform.security;

import org.junit.jupiter.api.Test;

import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one session that add the same attribute at once, as two saves that each
 * leave a message for the next page do: both are saved, and the later value is kept.
 */
@PotentiaTest
class SessionStoreTests {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Test
	void twoRequestsAddingTheSameAttributeAtOnceAreBothSaved() {
		addAtOnce(this.sessions);
	}

	private static <S extends Session> void addAtOnce(SessionRepository<S> sessions) {
		S session = sessions.createSession();
		sessions.save(session);
		S first = sessions.findById(session.getId());
		S second = sessions.findById(session.getId());

		first.setAttribute("flash", "saved the budget");
		second.setAttribute("flash", "saved the target");
		sessions.save(first);
		sessions.save(second);

		assertThat(sessions.findById(session.getId()).<String>getAttribute("flash")).isEqualTo("saved the target");
		sessions.deleteById(session.getId());
	}

}
