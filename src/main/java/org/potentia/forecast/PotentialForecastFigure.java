package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The opportunities' invoicing forecast for one month, business area and currency.
 *
 * @param month the month
 * @param businessAreaId the rows' business area, or null for rows without one
 * @param currency the opportunities' currency (amounts of different currencies are never
 * added together)
 * @param committed the rows of won opportunities, in full
 * @param weighted the rows of open opportunities, each times its opportunity's
 * probability
 * @param unweighted the rows of open opportunities, in full
 */
public record PotentialForecastFigure(YearMonth month, Long businessAreaId, String currency, BigDecimal committed,
		BigDecimal weighted, BigDecimal unweighted) {
}
