package org.potentia.reporting;

import java.math.BigDecimal;

/**
 * A target as stored: for a user or a team, a period and a measure, the figure to reach.
 *
 * @param id the target's id
 * @param measure what it counts
 * @param ownerKind {@code user} or {@code team}
 * @param ownerId the user's or the team's id
 * @param ownerName the user's or the team's name
 * @param period the period
 * @param amount the figure to reach
 */
public record Target(long id, TargetMeasure measure, String ownerKind, long ownerId, String ownerName,
		TargetPeriod period, BigDecimal amount) {

	public boolean forTeam() {
		return "team".equals(this.ownerKind);
	}

}
