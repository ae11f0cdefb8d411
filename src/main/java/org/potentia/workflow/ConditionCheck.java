package org.potentia.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;

/**
 * Whether a workflow's conditions all hold for a save: each compares a field of the
 * record after the save (or, for "changed", before and after) with the condition's value,
 * both typed by the catalogue. A condition whose field no longer exists never holds.
 */
final class ConditionCheck {

	private final Catalogue catalogue;

	ConditionCheck(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	boolean holds(ModuleDefinition module, List<WorkflowCondition> conditions, RecordState before, RecordState after) {
		for (WorkflowCondition condition : conditions) {
			if (!holds(module, condition.getField(), condition.getOperator(), condition.getValue(), before, after)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One condition.
	 * @param before the values before the save; empty values for a new record
	 */
	boolean holds(ModuleDefinition module, String fieldPath, Operator operator, String value, RecordState before,
			RecordState after) {
		Optional<FieldPath> resolved = FieldPath.resolve(this.catalogue, module, fieldPath);
		if (resolved.isEmpty()) {
			return false;
		}
		FieldPath path = resolved.get();
		Object now = after.get(path);
		return switch (operator) {
			case EQUALS -> equal(path.field(), now, value);
			case NOT_EQUALS -> !equal(path.field(), now, value);
			case LESS -> compare(path.field(), now, value).map((comparison) -> comparison < 0).orElse(false);
			case GREATER -> compare(path.field(), now, value).map((comparison) -> comparison > 0).orElse(false);
			case CONTAINS -> now != null && value != null
					&& now.toString().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
			case EMPTY -> isEmpty(now);
			case CHANGED -> !same(now, before.get(path));
			case CHANGED_TO -> !same(now, before.get(path)) && equal(path.field(), now, value);
		};
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

	private static boolean equal(Field field, Object actual, String expectedText) {
		if (isEmpty(actual) || expectedText == null) {
			return isEmpty(actual) && (expectedText == null || expectedText.isBlank());
		}
		Object expected = RecordState.typed(field, expectedText);
		if (actual instanceof String text) {
			return text.equalsIgnoreCase(expectedText.trim());
		}
		return same(actual, expected);
	}

	/**
	 * Compares the actual value with the condition's; empty when either is empty or they
	 * are not of one kind (neither "less" nor "greater" holds then).
	 */
	private static Optional<Integer> compare(Field field, Object actual, String expectedText) {
		if (isEmpty(actual) || expectedText == null || expectedText.isBlank()) {
			return Optional.empty();
		}
		Object expected = RecordState.typed(field, expectedText);
		if (actual instanceof Number a && expected instanceof Number b) {
			return Optional.of(decimal(a).compareTo(decimal(b)));
		}
		if (actual instanceof LocalDate a && expected instanceof LocalDate b) {
			return Optional.of(a.compareTo(b));
		}
		if (actual instanceof OffsetDateTime a && expected instanceof OffsetDateTime b) {
			return Optional.of(a.toInstant().compareTo(b.toInstant()));
		}
		if (actual instanceof String a && expected instanceof String b) {
			return Optional.of(a.compareToIgnoreCase(b));
		}
		return Optional.empty();
	}

	/**
	 * Whether two typed values are the same: numbers by value (2.50 is 2.5), date-times
	 * by instant.
	 */
	static boolean same(Object a, Object b) {
		if (a == null || b == null) {
			return isEmpty(a) && isEmpty(b);
		}
		if (a instanceof Number x && b instanceof Number y) {
			return decimal(x).compareTo(decimal(y)) == 0;
		}
		if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
			return x.toInstant().equals(y.toInstant());
		}
		return a.equals(b);
	}

	private static BigDecimal decimal(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof Long || number instanceof Integer || number instanceof Short) {
			return BigDecimal.valueOf(number.longValue());
		}
		return new BigDecimal(number.toString());
	}

}
