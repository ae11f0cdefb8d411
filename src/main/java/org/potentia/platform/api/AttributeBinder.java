package org.potentia.platform.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.potentia.platform.FieldError;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.DateRange;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.Values;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.stereotype.Component;

/**
 * Copies attribute values onto a module's form object by the catalogue, then validates
 * the form with the same constraints the HTML form has, and the catalogue's range of
 * dates. Unknown, read-only and mistyped attributes are reported field by field. The
 * values are plain Java values (text, numbers, booleans, null), whoever sent them: the
 * API's JSON ({@link JsonAttributes}), a web form, a workflow or a conversion.
 */
@Component
public class AttributeBinder {

	private final Validator validator;

	public AttributeBinder(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Binds and validates.
	 * @param values by catalogue field name: text (blank means null), numbers, booleans
	 * or null; anything else (a list, a map) is a type error
	 * @throws ValidationException with one error per offending attribute
	 */
	public <F> F bind(ModuleDefinition module, Map<String, ?> values, F form) {
		List<FieldError> errors = new ArrayList<>();
		BeanWrapper target = new BeanWrapperImpl(form);
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			String name = entry.getKey();
			Field field = module.field(name).orElse(null);
			if (field == null || !target.isWritableProperty(field.property())) {
				errors.add(new FieldError(name,
						(field == null) ? "error.attribute.unknown" : "error.attribute.readonly", name));
				continue;
			}
			if (field.readOnly() && !"version".equals(name)) {
				errors.add(new FieldError(name, "error.attribute.readonly", name));
				continue;
			}
			Object value = entry.getValue();
			if (value instanceof Map || value instanceof Collection) {
				errors.add(new FieldError(name, "error.attribute.type", name));
				continue;
			}
			try {
				Object converted = Values.convert(field,
						(value instanceof Number || value == null) ? value : blankToNull(value.toString()));
				if (converted instanceof LocalDate date && !DateRange.contains(date)) {
					errors.add(DateRange.error(name));
					continue;
				}
				target.setPropertyValue(field.property(), converted);
			}
			catch (Values.OutOfRangeException ex) {
				errors.add((field.type() == FieldType.DATE) ? DateRange.error(name)
						: new FieldError(name, "error.attribute.range", name));
			}
			catch (RuntimeException ex) {
				errors.add(new FieldError(name, "error.attribute.type", name));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		validate(module, form);
		return form;
	}

	/**
	 * Prefills a new record's form from request parameters named by catalogue field:
	 * writable fields only, and a value that does not convert is left out rather than
	 * failing the page.
	 * @param skip fields the caller has already handled
	 */
	public <F> void prefill(ModuleDefinition module, Map<String, String> parameters, F form,
			java.util.Set<String> skip) {
		BeanWrapper target = new BeanWrapperImpl(form);
		parameters.forEach((name, text) -> module.field(name)
			.filter((field) -> !field.readOnly() && !skip.contains(name))
			.filter((field) -> target.isWritableProperty(field.property()))
			.ifPresent((field) -> {
				try {
					target.setPropertyValue(field.property(), Values.convert(field, blankToNull(text)));
				}
				catch (RuntimeException ex) {
					// Left empty: the user sees the form and fills it in.
				}
			}));
	}

	/**
	 * Validates a form, reporting violations under the catalogue names of their fields:
	 * the form's constraints, and the catalogue's rule for dates ({@link DateRange}).
	 */
	public <F> void validate(ModuleDefinition module, F form) {
		Set<ConstraintViolation<F>> violations = this.validator.validate(form);
		List<FieldError> errors = new ArrayList<>(DateRange.check(module, form));
		if (violations.isEmpty() && errors.isEmpty()) {
			return;
		}
		for (ConstraintViolation<F> violation : violations) {
			String property = violation.getPropertyPath().toString();
			String name = module.fieldByProperty(property).map(Field::name).orElse(property);
			errors.add(new FieldError(name, org.potentia.platform.Messages.LITERAL, violation.getMessage()));
		}
		errors.sort(java.util.Comparator.comparing(FieldError::field));
		throw new ValidationException(errors);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
