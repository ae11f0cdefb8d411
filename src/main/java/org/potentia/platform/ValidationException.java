package org.potentia.platform;

import java.util.List;

/**
 * Input that breaks a rule of the module, field by field. The UI shows each message
 * beside its field; the API answers 422 with a pointer per field.
 */
public class ValidationException extends RuntimeException {

	private final List<FieldError> errors;

	public ValidationException(List<FieldError> errors) {
		super("validation failed: " + errors);
		this.errors = List.copyOf(errors);
	}

	public static ValidationException of(String field, String messageKey, Object... arguments) {
		return new ValidationException(List.of(new FieldError(field, messageKey, arguments)));
	}

	public List<FieldError> getErrors() {
		return this.errors;
	}

}
