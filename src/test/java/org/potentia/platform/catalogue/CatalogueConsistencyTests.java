package org.potentia.platform.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each field is declared in the catalogue and again, of necessity, in the module's form,
 * its table and the two message bundles. This keeps them from drifting apart, for every
 * module that can be written (a new module is covered without code here): every writable
 * field is a property of the form, a text field's size is the size the form allows and
 * the column holds, every picklist option passes the form's validation and an unknown one
 * does not, and every field has a label in English and German.
 */
@PotentiaTest
class CatalogueConsistencyTests {

	@Autowired
	List<RecordWriter<?>> writers;

	@Autowired
	Catalogue catalogue;

	@Autowired
	Validator validator;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyWritableModuleAgreesWithItsFormTableAndBundles() {
		assertThat(this.writers).hasSizeGreaterThanOrEqualTo(4);
		List<String> problems = new ArrayList<>();
		for (RecordWriter<?> writer : this.writers) {
			ModuleDefinition module = writer.definition();
			Object form = writer.newForm(CurrentUser.SYSTEM);
			Map<String, Integer> columnSizes = columnSizes(module.table());
			for (Field field : module.fields()) {
				String where = module.name() + "." + field.name();
				for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
					if (this.messages.getMessage("field." + module.name() + "." + field.name(), null, null,
							locale) == null
							&& this.messages.getMessage("field." + field.name(), null, null, locale) == null) {
						problems.add(where + ": no label in " + locale);
					}
				}
				if (field.type() == FieldType.PICKLIST) {
					for (String option : field.options()) {
						for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
							if (this.messages.getMessage("option." + field.name() + "." + option, null, null,
									locale) == null) {
								problems.add(where + ": option " + option + " has no label in " + locale);
							}
						}
					}
				}
				if (field.readOnly() || "id".equals(field.name())) {
					continue;
				}
				BeanWrapperImpl bean = new BeanWrapperImpl(form);
				if (!bean.isWritableProperty(field.property())) {
					problems.add(where + ": the form " + form.getClass().getSimpleName() + " has no property "
							+ field.property());
					continue;
				}
				Integer columnSize = columnSizes.get(field.column().toLowerCase());
				if (field.type().isText() && field.size() > 0 && columnSize != null && columnSize != field.size()) {
					problems.add(where + ": catalogue size " + field.size() + ", column size " + columnSize);
				}
				if (field.type().isText() && field.type() != FieldType.PICKLIST && field.size() > 0) {
					if (!accepts(form, field, text(field, field.size()))) {
						problems.add(where + ": the form refuses " + field.size() + " characters");
					}
					if (accepts(form, field, text(field, field.size() + 1))) {
						problems.add(where + ": the form takes more than " + field.size() + " characters");
					}
				}
				if (field.type() == FieldType.PICKLIST) {
					for (String option : field.options()) {
						if (!accepts(form, field, option)) {
							problems.add(where + ": the form refuses the option " + option);
						}
					}
					if (accepts(form, field, "not_an_option")) {
						problems.add(where + ": the form takes a value that is no option");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Whether the form's constraints on this one property accept the value.
	 */
	private boolean accepts(Object form, Field field, Object value) {
		Object copy = new BeanWrapperImpl(form.getClass()).getWrappedInstance();
		BeanWrapperImpl bean = new BeanWrapperImpl(copy);
		bean.setPropertyValue(field.property(), value);
		Set<? extends ConstraintViolation<?>> violations = this.validator.validateProperty(copy, field.property());
		return violations.isEmpty();
	}

	/** Text the field's type allows, of the given length. */
	private static String text(Field field, int length) {
		return switch (field.type()) {
			case EMAIL -> email(length);
			case URL -> fill("https://example.com/", "a", length);
			case PHONE -> fill("+49 ", "1", length);
			default -> fill("", "a", length);
		};
	}

	private static String fill(String start, String filler, int length) {
		String text = start + filler.repeat(Math.max(0, length - start.length()));
		return text.substring(0, Math.max(1, length));
	}

	/**
	 * A valid address of exactly the given length: a local part of at most 64 characters
	 * and a domain of labels of at most 63 (as address validation requires).
	 */
	private static String email(int length) {
		String end = "example.com";
		StringBuilder address = new StringBuilder("user@");
		int left = length - address.length() - end.length();
		while (left > 0) {
			int label = Math.min(left, 50);
			if (left - label == 1) {
				label--;
			}
			address.append("a".repeat(label - 1)).append('.');
			left -= label;
		}
		return address.append(end).toString();
	}

	private Map<String, Integer> columnSizes(String table) {
		return this.jdbc
			.sql("SELECT LOWER(column_name) AS name, character_maximum_length AS size FROM information_schema.columns"
					+ " WHERE LOWER(table_name) = ? AND character_maximum_length IS NOT NULL")
			.param(table.toLowerCase())
			.query((rs, row) -> Map.entry(rs.getString("name"), rs.getInt("size")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

}
