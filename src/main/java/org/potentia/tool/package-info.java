/**
 * Module tools (Modulwerkzeuge): admin-configured actions on a record's card. "Convert
 * lead" turns a lead into an opportunity, an account and a contact by a field mapping;
 * "create linked record" makes a record in another module prefilled from this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Module tools")
package org.potentia.tool;
