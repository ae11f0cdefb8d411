package org.potentia.platform;

/**
 * One rejected field: the catalogue name of the field and a message key with arguments.
 */
public record FieldError(String field, String messageKey, Object... arguments) {
}
