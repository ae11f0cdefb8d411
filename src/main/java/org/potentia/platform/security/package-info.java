/**
 * Part of the platform other modules build on: see the classes of this package.
 */
@org.springframework.modulith.NamedInterface("security")
package org.potentia.platform.security;
