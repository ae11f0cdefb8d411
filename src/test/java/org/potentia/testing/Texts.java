package org.potentia.testing;

/**
 * Texts of the English message bundle that tests look for, each written once.
 */
public final class Texts {

	/**
	 * A save from a page older than the record's last save
	 * ({@code error.conflict.stale}).
	 */
	public static final String STALE = "Someone else saved this record after you opened it";

	private Texts() {
	}

}
