package org.potentia.platform.web;

import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.DateRange;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's {@link ValidationException} beside the form fields it names. Each
 * error keeps its message's arguments, since the page resolves the message key again in
 * the user's language.
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
				result.rejectValue(property, error.messageKey(), error.arguments(), this.messages.get(error));
			}
			else {
				result.reject(error.messageKey(), error.arguments(), this.messages.get(error));
			}
		}
	}

	/**
	 * Puts the catalogue's refusal of dates out of range ({@link DateRange}) beside the
	 * bound form's date fields, as the API and the imports refuse them.
	 * @return whether the form has errors now
	 */
	public boolean checkDates(BindingResult result, ModuleDefinition module) {
		if (result.getTarget() != null) {
			for (FieldError error : DateRange.check(module, result.getTarget())) {
				String property = module.field(error.field()).map(Field::property).orElseThrow();
				if (!result.hasFieldErrors(property)) {
					result.rejectValue(property, error.messageKey(), error.arguments(), this.messages.get(error));
				}
			}
		}
		return result.hasErrors();
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
