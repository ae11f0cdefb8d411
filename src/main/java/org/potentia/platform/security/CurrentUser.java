package org.potentia.platform.security;

import java.io.Serializable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as every module sees it: who, with which role, in which team.
 *
 * @param id the user's id
 * @param username the sign-in name
 * @param displayName first and last name
 * @param role the role
 * @param teamId the team, or null
 * @param locale the chosen language ({@code de}, {@code en}), or null for the browser's
 * Serializable, as the principal of a browser session kept in the database.
 */
public record CurrentUser(long id, String username, String displayName, Role role, Long teamId,
		String locale) implements Serializable {

	/**
	 * The system itself, for work no person started (scheduled jobs) and for reads whose
	 * visibility was already checked on the record they belong to.
	 */
	public static final CurrentUser SYSTEM = new CurrentUser(0, "system", "System", Role.ADMIN, null, null);

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/**
	 * The current user of this thread's security context.
	 * @throws IllegalStateException if nobody is signed in
	 */
	public static CurrentUser get() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	public static CurrentUser of(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof PotentiaPrincipal principal) {
			return principal.currentUser();
		}
		throw new IllegalStateException("No Potentia user is signed in");
	}

}
