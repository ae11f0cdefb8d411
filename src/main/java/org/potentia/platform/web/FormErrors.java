package org.potentia.platform.web;

import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's {@link ValidationException} beside the form fields it names.
 */
@Component
public class FormErrors {

	private final Messages messages;

	public FormErrors(Messages messages) {
		this.messages = messages;
	}

	public void reject(BindingResult result, ModuleDefinition module, ValidationException ex) {
		for (FieldError error : ex.getErrors()) {
			String property = module.field(error.field()).map(Field::property).orElse(error.field());
			if (result.getTarget() != null
					&& new org.springframework.beans.BeanWrapperImpl(result.getTarget()).isReadableProperty(property)) {
				result.rejectValue(property, error.messageKey(), this.messages.get(error));
			}
			else {
				result.reject(error.messageKey(), this.messages.get(error));
			}
		}
	}

	/**
	 * A form-wide "try again": another transaction held the records the save needed.
	 */
	public void busy(BindingResult result) {
		result.reject("error.conflict.busy", message("error.conflict.busy"));
	}

	public String message(String key, Object... arguments) {
		return this.messages.get(key, arguments);
	}

}
