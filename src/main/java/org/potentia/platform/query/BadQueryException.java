package org.potentia.platform.query;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.context.MessageSourceResolvable;

/**
 * A filter, sort, paging parameter or request body the server cannot understand, told by
 * a message key of the application's messages and its arguments, so that it is answered
 * in the user's language. Its {@link #getMessage() message}, for logs, is the English
 * text of the key. It never echoes SQL. It may name the query parameter at fault. As a
 * {@link MessageSourceResolvable} it can be the argument of another message ("The filter
 * cannot be used: …"), which the message source then resolves in the same language.
 */
public class BadQueryException extends RuntimeException implements MessageSourceResolvable {

	private final String parameter;

	private final String messageKey;

	private final Object[] arguments;

	/**
	 * @param messageKey a key of the application's messages ({@code messages.properties})
	 * @param arguments the key's arguments
	 */
	public BadQueryException(String messageKey, Object... arguments) {
		this(null, messageKey, arguments);
	}

	private BadQueryException(String parameter, String messageKey, Object... arguments) {
		super(english(messageKey, arguments));
		this.parameter = parameter;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	/**
	 * The key's English text, formatted as the application's message source formats it
	 * (by {@link MessageFormat} only when there are arguments).
	 */
	private static String english(String messageKey, Object... arguments) {
		try {
			String text = ResourceBundle.getBundle("messages", Locale.ROOT).getString(messageKey);
			return (arguments.length == 0) ? text : new MessageFormat(text, Locale.ENGLISH).format(arguments);
		}
		catch (MissingResourceException ex) {
			throw new IllegalArgumentException("no message " + messageKey, ex);
		}
	}

	/**
	 * This problem, as one of the named query parameter.
	 */
	public BadQueryException inParameter(String name) {
		return (this.parameter != null) ? this : new BadQueryException(name, this.messageKey, this.arguments);
	}

	/**
	 * The query parameter at fault, or {@code null}.
	 */
	public String getParameter() {
		return this.parameter;
	}

	/**
	 * The message key of the problem.
	 */
	public String getMessageKey() {
		return this.messageKey;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.messageKey };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

}
