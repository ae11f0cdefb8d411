/**
 * Workflows: per-module rules an admin sets up. When a record is saved, each active
 * workflow of its module checks its run option and its conditions (all must hold, on the
 * record's fields or a linked record's) and then runs its actions in order: set a field,
 * run a module tool, send an email, notify a user in the app, call a webhook. Runs after
 * the save commits, through Spring Modulith's event publication registry; every action
 * execution is logged and a failed one is retried with back-off.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflows")
package org.potentia.workflow;
