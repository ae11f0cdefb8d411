package org.potentia.identity;

/**
 * A user as offered in an owner picker.
 */
public record UserOption(long id, String name, Long teamId) {
}
