package org.potentia.forecast;

/**
 * One row of the month grid as the user typed it: text, so that a wrong value is shown
 * back in its cell. A row without id is new; a row with id and version changes that row.
 *
 * @param id the row, or null for a new one
 * @param version the version the user saw
 * @param month {@code yyyy-MM} (or the first of the month, {@code yyyy-MM-01})
 * @param businessAreaId the business area's id, or blank for none
 * @param amount the amount, a plain decimal number with at most two decimals
 */
public record PotentialForecastEntry(Long id, Long version, String month, String businessAreaId, String amount) {
}
