package org.potentia.testing;

import org.potentia.identity.IdentityService;
import org.potentia.identity.Team;
import org.potentia.identity.User;
import org.potentia.platform.security.Role;
import org.potentia.platform.security.Visibility;
import org.potentia.platform.settings.Settings;

/**
 * Makes users with a role and a team, each with a bearer token, through the identity
 * module's own service.
 */
public class People {

	public static final String PASSWORD = "test-password-1";

	private final IdentityService identity;

	private final Settings settings;

	People(IdentityService identity, Settings settings) {
		this.identity = identity;
		this.settings = settings;
	}

	public Team team() {
		return this.identity.createTeam(Names.unique("team"));
	}

	public Person admin() {
		return create(Role.ADMIN, null);
	}

	public Person rep() {
		return create(Role.REP, null);
	}

	public Person rep(Team team) {
		return create(Role.REP, team.getId());
	}

	public Person manager(Team team) {
		return create(Role.MANAGER, team.getId());
	}

	/**
	 * Switches whether reps see their team's records. The setting is shared by the whole
	 * application: a test that turns it on must turn it off again.
	 */
	public void repsSeeTeam(boolean value) {
		this.settings.set(Visibility.REPS_SEE_TEAM, String.valueOf(value), "tests");
	}

	private Person create(Role role, Long teamId) {
		String username = Names.unique(role.name().toLowerCase());
		User user = this.identity.createUser(username, PASSWORD, "Test", username, username + "@example.com", role,
				teamId);
		Person person = new Person(user.getId(), username, PASSWORD, role, teamId, null);
		String token = this.identity.createToken(person.currentUser(), "tests");
		return new Person(user.getId(), username, PASSWORD, role, teamId, token);
	}

}
