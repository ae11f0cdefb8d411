package org.potentia.reporting;

/**
 * A report that cannot be run as asked: an unknown module, field or operator, an
 * aggregate that does not fit the field, more than the caps allow. Carries a message key
 * for an answer in the user's language and a pointer to the part of the request at fault
 * ({@code /select/1}, {@code /where}).
 */
public class ReportException extends RuntimeException {

	private final String messageKey;

	private final String pointer;

	private final transient Object[] arguments;

	public ReportException(String messageKey, String pointer, Object... arguments) {
		super(messageKey + " at " + pointer);
		this.messageKey = messageKey;
		this.pointer = pointer;
		this.arguments = arguments;
	}

	public String getMessageKey() {
		return this.messageKey;
	}

	/**
	 * A JSON pointer into the request ({@code /select/0}), or the part of a report
	 * ({@code /columns/2}).
	 */
	public String getPointer() {
		return this.pointer;
	}

	public Object[] getArguments() {
		return this.arguments.clone();
	}

	/**
	 * The same problem, pointing at a part of another request's shape (the API's
	 * {@code /select} for a report's {@code /columns}).
	 */
	public ReportException at(String pointer) {
		return new ReportException(this.messageKey, pointer, this.arguments);
	}

}
