package org.potentia.opportunity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.potentia.platform.query.SqlCondition;

/**
 * What the pipeline board is filtered by: owner, team and business area. Its condition
 * reads only {@code owner_id} and {@code business_area_id} (alias {@code t}), so it holds
 * on the opportunities and on the totals the database keeps per stage, owner and business
 * area alike.
 *
 * @param ownerId the owner, or null for all
 * @param teamId the owner's team, or null for all
 * @param businessAreaId the business area, or null for all
 */
public record BoardFilter(Long ownerId, Long teamId, Long businessAreaId) {

	public static final BoardFilter NONE = new BoardFilter(null, null, null);

	/**
	 * The filter from the board's request parameters; a value that is not a number (a
	 * hand-edited URL) is ignored.
	 */
	public static BoardFilter of(Map<String, String> parameters) {
		return new BoardFilter(OpportunityFilters.number(parameters.get("owner_id")),
				OpportunityFilters.number(parameters.get("team")),
				OpportunityFilters.number(parameters.get("business_area_id")));
	}

	public SqlCondition condition() {
		List<SqlCondition> conditions = new ArrayList<>();
		if (this.ownerId != null) {
			conditions.add(SqlCondition.of("t.owner_id = ?", this.ownerId));
		}
		if (this.teamId != null) {
			conditions.add(OpportunityFilters.team(this.teamId));
		}
		if (this.businessAreaId != null) {
			conditions.add(SqlCondition.of("t.business_area_id = ?", this.businessAreaId));
		}
		return conditions.isEmpty() ? SqlCondition.TRUE : SqlCondition.combine(" AND ", conditions);
	}

}
