/**
 * Web forms: public forms, defined by an admin, that make leads (or opportunities) from a
 * website. Each has a page at {@code /forms/{key}} and an embeddable snippet, accepts
 * form posts and JSON (CORS for the origins the admin allows), and defends itself with a
 * honeypot, a signed minimum-fill-time token, a per-address rate limit, a body size limit
 * and a duplicate window. Every accepted submission is kept as received before it is
 * saved, and one that failed to save is retried. Web forms never touch accounts or
 * contacts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web forms")
package org.potentia.webform;
