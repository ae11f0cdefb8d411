package org.potentia.platform.security;

import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.settings.Settings;
import org.springframework.stereotype.Component;

/**
 * The visibility rule, written once: an admin sees all records; a manager the records
 * owned by members of the team; a rep their own, and the team's where the admin allows
 * it. Every list, count, board, report, export and API query of an owned module applies
 * this predicate (table alias {@code t}).
 */
@Component
public class Visibility {

	public static final String REPS_SEE_TEAM = "visibility.reps_see_team";

	private final Settings settings;

	public Visibility(Settings settings) {
		this.settings = settings;
	}

	public SqlCondition predicate(ModuleDefinition module, CurrentUser user) {
		if (module.ownerColumn() == null) {
			return SqlCondition.TRUE;
		}
		return predicate("t." + module.ownerColumn(), user);
	}

	/**
	 * The rule for an owner column given as SQL ({@code t.owner_id}).
	 */
	public SqlCondition predicate(String ownerColumn, CurrentUser user) {
		if (user.isAdmin()) {
			return SqlCondition.TRUE;
		}
		boolean team = user.teamId() != null
				&& (user.role() == Role.MANAGER || this.settings.getBoolean(REPS_SEE_TEAM, false));
		if (team) {
			return ownedByTeam(ownerColumn, user.teamId());
		}
		return SqlCondition.of(ownerColumn + " = ?", user.id());
	}

	/**
	 * Records whose owner (an owner column given as SQL) is a member of the team: the
	 * team part of the rule, and the lists' "team" filter.
	 */
	public static SqlCondition ownedByTeam(String ownerColumn, long teamId) {
		return SqlCondition.of(ownerColumn + " IN (SELECT vu.id FROM users vu WHERE vu.team_id = ?)", teamId);
	}

}
