package org.potentia.history;

import java.sql.Timestamp;

import org.potentia.opportunity.OpportunityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the history row of every tracked opportunity change. A plain (synchronous)
 * listener: it runs inside the transaction of the change, so the change and its row
 * commit together or not at all.
 */
@Component
class HistoryRecorder {

	private final JdbcClient jdbc;

	HistoryRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OpportunityChanged changed) {
		OpportunityChanged.State after = changed.after();
		OpportunityChanged.State before = changed.before();
		this.jdbc.sql("""
				INSERT INTO potential_history (potential_id, changed_at, changed_by, changed_by_id, source, event,
				  stage_id, previous_stage_id, stage_kind, amount, previous_amount, probability, previous_probability,
				  weighted_amount, expected_close_date, previous_close_date, closed_date, owner_id, team_id,
				  business_area_id, account_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				  (SELECT u.team_id FROM users u WHERE u.id = ?), ?, ?)
				""")
			.params(changed.opportunityId(), Timestamp.from(changed.at()),
					(changed.user() != null) ? changed.user().username() : "system",
					(changed.user() != null) ? changed.user().id() : null, changed.source().code(),
					changed.event().name().toLowerCase(), after.stageId(), (before != null) ? before.stageId() : null,
					after.stageKind(), after.amount(), (before != null) ? before.amount() : null, after.probability(),
					(before != null) ? before.probability() : null, after.weightedAmount(), after.expectedCloseDate(),
					(before != null) ? before.expectedCloseDate() : null, after.closedDate(), after.ownerId(),
					after.ownerId(), after.businessAreaId(), after.accountId())
			.update();
	}

}
