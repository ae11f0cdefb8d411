package org.potentia.platform;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The rule for changing a link to another record (an opportunity's account), written once
 * for every write path: a link may be set only to a record the user may see, and a link
 * to a record the user may not see is kept as it is. Pages show such a link as "not
 * visible to you" and post it back unchanged, so only a deliberate change is refused.
 */
public final class Links {

	private Links() {
	}

	/**
	 * The problem with changing a link, if any.
	 * @param field the catalogue name of the link field
	 * @param before the linked record's id before the change, or null
	 * @param after the id asked for, or null
	 * @param visible whether the user may see a record of the linked module
	 * @return the field error, or empty when the change is allowed (or no change)
	 */
	public static Optional<FieldError> checkChange(String field, Long before, Long after, LongPredicate visible) {
		if (Objects.equals(before, after)) {
			return Optional.empty();
		}
		if (before != null && !visible.test(before)) {
			return Optional.of(new FieldError(field, "error.relation.hidden"));
		}
		if (after != null && !visible.test(after)) {
			return Optional.of(new FieldError(field, "error.relation.unknown"));
		}
		return Optional.empty();
	}

}
