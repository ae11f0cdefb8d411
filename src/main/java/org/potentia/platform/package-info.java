/**
 * Shared pieces every module builds on: the field catalogue, the filter language and list
 * queries, the visibility rule, JSON:API plumbing, errors, layout and security.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.potentia.platform;
