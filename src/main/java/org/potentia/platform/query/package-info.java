/**
 * Part of the platform other modules build on: see the classes of this package.
 */
@org.springframework.modulith.NamedInterface("query")
package org.potentia.platform.query;
