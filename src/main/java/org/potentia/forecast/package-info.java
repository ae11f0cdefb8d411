/**
 * Forecasts: an opportunity's invoicing forecast by month and business area (made by a
 * schedule, edited by hand); an account's budgets (lockable per year), rolling forecasts
 * (every change kept as a version) and actual billing (bulk upsert from an ERP); the
 * account card's budget and forecast chart and the forecast report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forecast")
package org.potentia.forecast;
