package org.potentia.platform.security;

/**
 * What a user may see and do: an admin everything, a manager the team's records, a rep
 * their own (and the team's where the admin allows it).
 */
public enum Role {

	ADMIN, MANAGER, REP

}
