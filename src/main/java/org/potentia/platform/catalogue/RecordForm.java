package org.potentia.platform.catalogue;

/**
 * What every record module's form carries besides its own fields: the owner, and the
 * version the user saw, so that a stale save is refused. Its subclasses bind the HTML
 * form, the API's attributes and CSV rows alike.
 */
public abstract class RecordForm {

	private Long ownerId;

	private Long version;

	/**
	 * Entered text as it is kept: without surrounding blanks, and null when nothing was
	 * entered.
	 */
	protected static String trim(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
