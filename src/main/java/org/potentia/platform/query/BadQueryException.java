package org.potentia.platform.query;

/**
 * A filter, sort or paging parameter the server cannot understand. The message names the
 * problem and is safe to show to the client (it never echoes SQL).
 */
public class BadQueryException extends RuntimeException {

	public BadQueryException(String message) {
		super(message);
	}

}
