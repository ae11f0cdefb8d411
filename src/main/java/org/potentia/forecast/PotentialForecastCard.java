package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What the opportunity card shows of its invoicing forecast.
 *
 * @param potentialId the opportunity
 * @param amount the opportunity's amount, or null
 * @param currency the opportunity's currency, which the rows are in
 * @param businessAreaId the opportunity's business area, or null
 * @param rows the rows by month
 * @param sum what the rows add up to
 * @param startMonth where a schedule starts: the billing start, else the expected close
 * date, else this month
 * @param outdated why the rows no longer match the opportunity (message keys: the sum
 * differs from the amount, the first month from the start month, an area from the
 * opportunity's): reasons to offer a re-spread
 */
public record PotentialForecastCard(long potentialId, BigDecimal amount, String currency, Long businessAreaId,
		List<PotentialForecast> rows, BigDecimal sum, YearMonth startMonth, List<String> outdated) {

	/**
	 * Whether the rows add up to something else than the amount: a warning, not an error.
	 */
	public boolean sumDiffers() {
		return !this.rows.isEmpty() && (this.amount == null || this.amount.compareTo(this.sum) != 0);
	}

	public BigDecimal difference() {
		return this.sum.subtract((this.amount != null) ? this.amount : BigDecimal.ZERO);
	}

	public boolean anyEdited() {
		return this.rows.stream().anyMatch(PotentialForecast::isEdited);
	}

	/**
	 * Whether to offer a re-spread: the rows are out of step, or there are none for an
	 * opportunity with an amount.
	 */
	public boolean offerRespread() {
		return !this.outdated.isEmpty() || (this.rows.isEmpty() && this.amount != null && this.amount.signum() > 0);
	}

}
