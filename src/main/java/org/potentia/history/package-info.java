/**
 * Opportunity history: a row for every tracked change, written in the transaction of the
 * change; monthly snapshots of every opportunity (daily when BI is on), taken once per
 * period by a set-based statement and rebuilt from the history after downtime; and the
 * reports built on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "History")
package org.potentia.history;
