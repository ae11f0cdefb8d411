package org.potentia.opportunity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.query.Values;
import org.potentia.platform.security.Visibility;

/**
 * The opportunity list's and board's filters beyond plain field equality: team, status
 * (open, won, lost) and the close-date range. Values are bound, never written into SQL.
 */
public final class OpportunityFilters {

	private OpportunityFilters() {
	}

	public static SqlCondition of(Map<String, String> parameters) {
		List<SqlCondition> conditions = new ArrayList<>();
		Long team = number(parameters.get("team"));
		if (team != null) {
			conditions.add(team(team));
		}
		String status = parameters.get("status");
		if ("open".equals(status) || "won".equals(status) || "lost".equals(status)) {
			conditions.add(SqlCondition.of(
					"t.stage_id IN (SELECT ps.id FROM pipeline_stages ps WHERE ps.module = 'potentials' AND ps.kind = ?)",
					status));
		}
		LocalDate from = date(parameters.get("close_from"));
		if (from != null) {
			conditions.add(SqlCondition.of("t.expected_close_date >= ?", from));
		}
		LocalDate to = date(parameters.get("close_to"));
		if (to != null) {
			conditions.add(SqlCondition.of("t.expected_close_date <= ?", to));
		}
		return conditions.isEmpty() ? null : SqlCondition.combine(" AND ", conditions);
	}

	/**
	 * Owned by a member of the team.
	 */
	static SqlCondition team(long teamId) {
		return Visibility.ownedByTeam("t.owner_id", teamId);
	}

	static Long number(String text) {
		try {
			return (text == null || text.isBlank()) ? null : Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static LocalDate date(String text) {
		try {
			return (text == null || text.isBlank()) ? null : Values.date(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
