package org.potentia.opportunity;

import java.math.BigDecimal;

/**
 * A board column's totals: how many opportunities, their amount and their weighted
 * amount.
 */
public record StageTotals(long count, BigDecimal amount, BigDecimal weighted) {

	public static final StageTotals NONE = new StageTotals(0, BigDecimal.ZERO, BigDecimal.ZERO);

}
