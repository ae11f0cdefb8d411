package org.potentia.platform.web;

/**
 * An entry of the admin index. Each module that has admin pages publishes one as a bean.
 *
 * @param titleKey message key of the title
 * @param descriptionKey message key of the one-line description
 * @param path where the section's page is
 * @param order position on the index
 */
public record AdminSection(String titleKey, String descriptionKey, String path, int order) {
}
