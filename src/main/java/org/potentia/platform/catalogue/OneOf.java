package org.potentia.platform.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A picklist value: empty, or the code of one of the enum's constants (its name in lower
 * case, as the catalogue lists them). The enum is the one declaration of the options;
 * forms, catalogue and bundles follow it.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {

	Class<? extends Enum<?>> value();

	String message() default "{error.picklist}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a value against the enum's codes.
	 */
	class Validator implements ConstraintValidator<OneOf, String> {

		private List<String> codes = List.of();

		@Override
		public void initialize(OneOf annotation) {
			this.codes = Arrays.stream(annotation.value().getEnumConstants())
				.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
				.toList();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || this.codes.contains(value.trim());
		}

	}

}
