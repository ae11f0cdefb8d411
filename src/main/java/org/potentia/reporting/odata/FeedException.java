package org.potentia.reporting.odata;

/**
 * A request the feed refuses or cannot answer, with the HTTP status and the message key
 * of the OData error it answers with (resolved in the user's language).
 */
final class FeedException extends RuntimeException {

	private final int status;

	private final String messageKey;

	private final transient Object[] arguments;

	private FeedException(int status, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	static FeedException badRequest(String messageKey, Object... arguments) {
		return new FeedException(400, messageKey, arguments);
	}

	static FeedException notFound(String messageKey, Object... arguments) {
		return new FeedException(404, messageKey, arguments);
	}

	/**
	 * Functionality OData defines that the feed does not offer.
	 */
	static FeedException notImplemented(String messageKey, Object... arguments) {
		return new FeedException(501, messageKey, arguments);
	}

	/**
	 * The feed's own fault, such as a stored value that does not fit the property the
	 * model declares for it.
	 */
	static FeedException serverError(String messageKey, Object... arguments) {
		return new FeedException(500, messageKey, arguments);
	}

	int status() {
		return this.status;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] arguments() {
		return this.arguments;
	}

}
