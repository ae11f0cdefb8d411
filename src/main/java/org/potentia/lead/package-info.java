/**
 * Leads: raw, unvalidated prospects that reference no other module, so that the account
 * and contact registries stay clean. Collected by hand, by CSV import, by the API and by
 * web forms, and moved through the lead stages of the pipeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leads")
package org.potentia.lead;
