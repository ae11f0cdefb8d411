package org.potentia.platform.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.potentia.platform.FieldError;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;

/**
 * The dates a date field of any module may hold: the years {@value #FIRST_YEAR} to
 * {@value #LAST_YEAR}. Every way in (the API's attributes, CSV imports, conversions,
 * workflows and the web forms) applies this one rule, so that no module keeps a list of
 * its own.
 * <p>
 * Why a range at all: the entities' dates reach the database as {@code java.sql.Date},
 * whose calendar is Julian before 15 October 1582, so an earlier date would be stored as
 * another day without a word. No field of a sales CRM (close dates, billing starts,
 * consent dates, invoice dates, forecast months; there is no birth date) needs a date
 * before 1900 or after 2199, and the invoicing forecast's months already keep to these
 * years.
 */
public final class DateRange {

	/**
	 * The first year a date may be in.
	 */
	public static final int FIRST_YEAR = 1900;

	/**
	 * The last year a date may be in.
	 */
	public static final int LAST_YEAR = 2199;

	/**
	 * The first date a date field may hold.
	 */
	public static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);

	/**
	 * The last date a date field may hold.
	 */
	public static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);

	private DateRange() {
	}

	/**
	 * Whether a date may be stored; no date (null) may.
	 */
	public static boolean contains(LocalDate date) {
		return date == null || (!date.isBefore(FIRST) && !date.isAfter(LAST));
	}

	/**
	 * The error a field shows for a date outside the range.
	 */
	public static FieldError error(String field) {
		return new FieldError(field, "error.date.range", FIRST_YEAR, LAST_YEAR);
	}

	/**
	 * The errors of the form's writable date fields whose dates lie outside the range, by
	 * the module's catalogue; read-only fields are the system's, not the user's.
	 */
	public static List<FieldError> check(ModuleDefinition module, Object form) {
		List<FieldError> errors = new ArrayList<>();
		BeanWrapper source = new BeanWrapperImpl(form);
		for (Field field : module.fields()) {
			if (field.type() == FieldType.DATE && !field.readOnly() && source.isReadableProperty(field.property())
					&& source.getPropertyValue(field.property()) instanceof LocalDate date && !contains(date)) {
				errors.add(error(field.name()));
			}
		}
		return errors;
	}

}
