package org.potentia.forecast;

import java.math.BigDecimal;
import java.util.Objects;

import org.potentia.opportunity.OpportunityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an opportunity's forecast rows in step with its amount: a new opportunity with an
 * amount gets the default schedule's rows, and a change of amount re-spreads rows nobody
 * edited. A plain (synchronous) listener inside the change's transaction, so the
 * opportunity and its rows commit together. Deleted opportunities take their rows with
 * them (the foreign key cascades).
 */
@Component
class PotentialForecastListener {

	private final PotentialForecastService forecasts;

	PotentialForecastListener(PotentialForecastService forecasts) {
		this.forecasts = forecasts;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OpportunityChanged changed) {
		switch (changed.event()) {
			case CREATED -> this.forecasts.planNew(changed.opportunityId());
			case CHANGED -> {
				BigDecimal before = (changed.before() != null) ? changed.before().amount() : null;
				BigDecimal after = changed.after().amount();
				if (!same(before, after)) {
					this.forecasts.followAmount(changed.opportunityId(), before);
				}
			}
			case DELETED -> {
			}
		}
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null || b == null) ? Objects.equals(a, b) : a.compareTo(b) == 0;
	}

}
