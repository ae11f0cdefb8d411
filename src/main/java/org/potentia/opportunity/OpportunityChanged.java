package org.potentia.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;

/**
 * An opportunity was created, changed or deleted. Published synchronously inside the
 * transaction of the change, so that listeners which must hold at commit (the history
 * row) commit or roll back with it.
 *
 * @param opportunityId the opportunity
 * @param event created, changed or deleted
 * @param source where the change came from
 * @param before the state before (null when created)
 * @param after the state after (for a delete, the last state)
 * @param at when
 * @param user who
 */
public record OpportunityChanged(long opportunityId, Event event, SaveSource source, State before, State after,
		Instant at, CurrentUser user) {

	/**
	 * Whether a field history follows (stage, amount, probability, close date, and the
	 * owner, business area and account that reports group by) changed.
	 */
	public boolean isTracked() {
		return this.event != Event.CHANGED || !Objects.equals(this.before, this.after);
	}

	/**
	 * The kinds of change.
	 */
	public enum Event {

		CREATED, CHANGED, DELETED

	}

	/**
	 * The fields of an opportunity that history and snapshots keep.
	 */
	public record State(Long stageId, String stageKind, BigDecimal amount, Integer probability,
			BigDecimal weightedAmount, LocalDate expectedCloseDate, LocalDate closedDate, Long ownerId,
			Long businessAreaId, Long accountId) {

		@Override
		public boolean equals(Object other) {
			if (!(other instanceof State that)) {
				return false;
			}
			return Objects.equals(this.stageId, that.stageId) && same(this.amount, that.amount)
					&& Objects.equals(this.probability, that.probability)
					&& Objects.equals(this.expectedCloseDate, that.expectedCloseDate)
					&& Objects.equals(this.ownerId, that.ownerId)
					&& Objects.equals(this.businessAreaId, that.businessAreaId)
					&& Objects.equals(this.accountId, that.accountId);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.stageId, this.probability, this.expectedCloseDate, this.ownerId);
		}

		private static boolean same(BigDecimal a, BigDecimal b) {
			return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
		}

	}

}
