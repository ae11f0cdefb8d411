package org.potentia.platform.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * The signed-in user as they are now. Implemented by the identity module; the browser's
 * filter chain asks it on every request, so that a session reflects a role, team or name
 * changed since sign-in and ends once the user is deactivated.
 */
public interface SignedInUsers {

	/**
	 * The authentication of the user as they are now.
	 * @param userId the id of the session's user
	 * @return empty if the user no longer exists or is deactivated
	 */
	Optional<Authentication> current(long userId);

}
