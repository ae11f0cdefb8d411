package org.potentia.identity;

import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's browser sessions, which Spring Session keeps in the database, so that it
 * works whichever instance the sessions were made on.
 */
@Component
class UserSessions {

	private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every session of the user but the one of the current request (a user who
	 * changes their own password stays signed in where they did it), once the current
	 * transaction commits.
	 */
	void endOtherSessions(String username) {
		String keep = currentSessionId();
		Runnable end = () -> {
			int ended = 0;
			for (String id : this.sessions.findByPrincipalName(username).keySet()) {
				if (!id.equals(keep)) {
					this.sessions.deleteById(id);
					ended++;
				}
			}
			if (ended > 0) {
				log.info("Ended {} session(s) of user '{}'", ended, username);
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					end.run();
				}

			});
		}
		else {
			end.run();
		}
	}

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return (session != null) ? session.getId() : null;
		}
		return null;
	}

}
