/**
 * Accounts (Firmen): the customer registry. The account card is the customer's home.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.potentia.account;
