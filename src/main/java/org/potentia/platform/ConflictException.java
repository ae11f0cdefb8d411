package org.potentia.platform;

/**
 * A change refused because of the record's state: a stale version, or a delete that would
 * orphan other records. The message key explains why in the user's language.
 */
public class ConflictException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public ConflictException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public static ConflictException staleVersion() {
		return new ConflictException("error.conflict.stale");
	}

	/**
	 * Refuses a save based on an older version of the record than the stored one.
	 * @param seen the version the user saw, or null if they did not say
	 */
	public static void checkVersion(Long seen, long stored) {
		if (seen != null && seen != stored) {
			throw staleVersion();
		}
	}

	public String getMessageKey() {
		return this.messageKey;
	}

	public Object[] getArguments() {
		return this.arguments;
	}

}
