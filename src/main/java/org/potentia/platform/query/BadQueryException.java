package org.potentia.platform.query;

/**
 * A filter, sort or paging parameter the server cannot understand. The message names the
 * problem and is safe to show to the client (it never echoes SQL). It may name the query
 * parameter at fault, and may carry a message key for an answer in the user's language.
 */
public class BadQueryException extends RuntimeException {

	private final String parameter;

	private final String messageKey;

	private final Object[] arguments;

	public BadQueryException(String message) {
		this(message, null, null);
	}

	private BadQueryException(String message, String parameter, String messageKey, Object... arguments) {
		super(message);
		this.parameter = parameter;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/**
	 * A problem told in the user's language by a message key, with the English message
	 * for logs.
	 */
	public static BadQueryException localised(String message, String messageKey, Object... arguments) {
		return new BadQueryException(message, null, messageKey, arguments);
	}

	/**
	 * This problem, as one of the named query parameter.
	 */
	public BadQueryException inParameter(String name) {
		return (this.parameter != null) ? this
				: new BadQueryException(getMessage(), name, this.messageKey, this.arguments);
	}

	/**
	 * The query parameter at fault, or {@code null}.
	 */
	public String getParameter() {
		return this.parameter;
	}

	/**
	 * The message key of the problem, or {@code null} if only the English message tells
	 * it.
	 */
	public String getMessageKey() {
		return this.messageKey;
	}

	public Object[] getArguments() {
		return (this.arguments != null) ? this.arguments.clone() : new Object[0];
	}

}
