package org.potentia.imports;

/**
 * A row the import reported instead of saving.
 *
 * @param line the line of the file the row starts on (the header is line 1)
 * @param message why, in the user's language
 */
public record ImportError(long line, String message) {
}
