package org.potentia.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.potentia.opportunity.Opportunity;
import org.potentia.opportunity.OpportunityService;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Invoicing forecasts for the demo opportunities: every one got the default schedule's
 * one-off row when it was made; a third are spread evenly over twelve months, a third are
 * recurring monthly amounts over five months, and a few rows are edited by hand (some
 * keeping the sum, some leaving it off the amount, so the card shows its warning).
 */
@Component
@Order(25)
class PotentialForecastDemo implements DemoContributor {

	private final PotentialForecastService forecasts;

	private final OpportunityService opportunities;

	private final JdbcClient jdbc;

	PotentialForecastDemo(PotentialForecastService forecasts, OpportunityService opportunities, JdbcClient jdbc) {
		this.forecasts = forecasts;
		this.opportunities = opportunities;
		this.jdbc = jdbc;
	}

	@Override
	public void contribute(DemoContext context) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM potentials WHERE amount > 0 ORDER BY id")
			.query(Long.class)
			.list();
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			Opportunity opportunity = this.opportunities.get(id, context.admin());
			BigDecimal amount = opportunity.getAmount();
			switch (i % 3) {
				case 1 -> this.forecasts.respread(id, Schedule.EVEN, 12,
						PotentialForecastService.startMonth(opportunity), null, true, context.admin());
				case 2 -> {
					BigDecimal monthly = amount.divide(BigDecimal.valueOf(5), 2, java.math.RoundingMode.DOWN);
					this.forecasts.respread(id, Schedule.MONTHLY, 5, PotentialForecastService.startMonth(opportunity),
							monthly, true, context.admin());
				}
				default -> {
					// Keeps the default schedule's one-off row.
				}
			}
			if (i % 7 == 1) {
				shift(id, context, false);
			}
			else if (i % 11 == 2) {
				shift(id, context, true);
			}
		}
	}

	/**
	 * Edits the first month by hand: moves a tenth of it to the second month, or (off)
	 * raises it by a tenth, so the rows no longer add up to the amount.
	 */
	private void shift(long id, DemoContext context, boolean off) {
		List<PotentialForecast> rows = this.forecasts.rows(id, context.admin());
		if (rows.size() < 2) {
			return;
		}
		BigDecimal tenth = rows.get(0).getAmount().divide(BigDecimal.TEN, 0, java.math.RoundingMode.DOWN);
		List<PotentialForecastEntry> entries = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			PotentialForecast row = rows.get(i);
			BigDecimal amount = row.getAmount();
			if (i == 0) {
				amount = off ? amount.add(tenth) : amount.subtract(tenth);
			}
			else if (i == 1 && !off) {
				amount = amount.add(tenth);
			}
			entries.add(new PotentialForecastEntry(row.getId(), row.getVersion(), row.getMonth().toString(),
					(row.getBusinessAreaId() != null) ? row.getBusinessAreaId().toString() : null,
					amount.toPlainString()));
		}
		this.forecasts.saveGrid(id, entries, context.admin());
	}

}
