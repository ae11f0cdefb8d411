/**
 * Contacts (Kontakte): the people at accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package org.potentia.contact;
