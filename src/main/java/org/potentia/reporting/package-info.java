/**
 * Reporting on every module of the catalogue: the report generator and saved reports,
 * home page dashboards with widgets, targets, the {@code /reporting} endpoint of the web
 * service and the read-only OData feed for BI tools.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.potentia.reporting;
