/**
 * Users, teams, roles, sign-in, the profile (language, password, API tokens) and the
 * admin pages that manage them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.potentia.identity;
