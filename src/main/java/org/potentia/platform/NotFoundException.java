package org.potentia.platform;

/**
 * A record that does not exist or that the current user may not see: both answer 404.
 */
public class NotFoundException extends RuntimeException {

	private final String module;

	private final Object id;

	public NotFoundException(String module, Object id) {
		super(module + " " + id + " not found");
		this.module = module;
		this.id = id;
	}

	public String getModule() {
		return this.module;
	}

	public Object getId() {
		return this.id;
	}

}
