package org.potentia.platform.security;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.settings.Settings;
import org.springframework.stereotype.Component;

/**
 * The visibility rule, written once: an admin sees all records; a manager the records
 * owned by members of the team; a rep their own, and the team's where the admin allows
 * it. Every list, count, board, report, export and API query of an owned module applies
 * this predicate (table alias {@code t}). A module whose records belong to another record
 * ({@link ModuleDefinition#ownerRelation()}) is seen by whoever sees that record.
 */
@Component
public class Visibility {

	public static final String REPS_SEE_TEAM = "visibility.reps_see_team";

	private final Settings settings;

	private final Catalogue catalogue;

	public Visibility(Settings settings, Catalogue catalogue) {
		this.settings = settings;
		this.catalogue = catalogue;
	}

	public SqlCondition predicate(ModuleDefinition module, CurrentUser user) {
		return predicate(module, "t", user);
	}

	/**
	 * The rule for a module's records under the given table alias.
	 */
	public SqlCondition predicate(ModuleDefinition module, String alias, CurrentUser user) {
		if (!module.restricted() || user.isAdmin()) {
			return SqlCondition.TRUE;
		}
		if (module.ownerColumn() != null) {
			return predicate(alias + "." + module.ownerColumn(), user);
		}
		// Seen through the linked record: a semi-join on the link's column, which the
		// database answers from the link's index.
		Field link = module.field(module.ownerRelation())
			.filter(Field::isRelation)
			.orElseThrow(() -> new IllegalStateException(
					module.name() + " is owned through " + module.ownerRelation() + ", which is not a relation"));
		ModuleDefinition parent = this.catalogue.get(link.relationModule());
		String parentAlias = "v" + alias;
		SqlCondition parentVisible = predicate(parent, parentAlias, user);
		return new SqlCondition(
				alias + "." + link.column() + " IN (SELECT " + parentAlias + ".id FROM " + parent.table() + " "
						+ parentAlias + " WHERE " + parentVisible.sql() + ")",
				parentVisible.parameters(), java.util.Set.of());
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
