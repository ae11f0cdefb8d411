/**
 * Opportunities (Potenziale): amount, probability, stage, close date, business area,
 * links to an account and a contact; the list with totals and the pipeline board.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opportunities")
package org.potentia.opportunity;
