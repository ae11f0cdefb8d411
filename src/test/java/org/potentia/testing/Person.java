package org.potentia.testing;

import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;

/**
 * A user made for a test, with the password and an API token to act as them.
 *
 * @param id the user's id
 * @param username the unique sign-in name
 * @param password the password
 * @param role the role
 * @param teamId the team, or null
 * @param token a bearer token of the user
 */
public record Person(long id, String username, String password, Role role, Long teamId, String token) {

	public CurrentUser currentUser() {
		return new CurrentUser(this.id, this.username, "Test " + this.username, this.role, this.teamId, null);
	}

}
