package org.potentia.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Formats catalogue values for the pages, in the user's language: {@code @cells} in
 * templates.
 */
@Component("cells")
public class Cells {

	private final Catalogue catalogue;

	private final MessageSource messages;

	public Cells(Catalogue catalogue, MessageSource messages) {
		this.catalogue = catalogue;
		this.messages = messages;
	}

	public String label(ModuleDefinition module, Field field, Locale locale) {
		return this.catalogue.label(module, field, locale);
	}

	public String label(ModuleDefinition module, String fieldName, Locale locale) {
		return module.field(fieldName).map((field) -> this.catalogue.label(module, field, locale)).orElse(fieldName);
	}

	public String option(String fieldName, String value, Locale locale) {
		return this.catalogue.optionLabel(
				Field.of(fieldName, org.potentia.platform.catalogue.FieldType.PICKLIST).build(), value, locale);
	}

	public String format(Field field, Map<String, Object> row, Locale locale) {
		Object value = row.get(field.name());
		if (field.isRelation()) {
			if (isHidden(field, row)) {
				return hidden(locale);
			}
			Object label = row.get(field.name() + RecordQueries.LABEL_SUFFIX);
			return (label != null) ? label.toString() : "";
		}
		return format(field, value, locale);
	}

	public String format(Field field, Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		return switch (field.type()) {
			case PICKLIST -> this.catalogue.optionLabel(field, value.toString(), locale);
			case MONEY -> money((java.math.BigDecimal) value, locale);
			case DECIMAL -> NumberFormat.getNumberInstance(locale).format(value);
			case PERCENT -> NumberFormat.getNumberInstance(locale).format(value) + " %";
			case DATE ->
				((LocalDate) value).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
			case DATETIME -> ((OffsetDateTime) value).atZoneSameInstant(ZoneId.systemDefault())
				.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale));
			case BOOLEAN -> Boolean.TRUE.equals(value) ? "✓" : "";
			default -> value.toString();
		};
	}

	public String instant(java.time.Instant instant, Locale locale) {
		return (instant != null) ? format(Field.of("at", org.potentia.platform.catalogue.FieldType.DATETIME).build(),
				instant.atOffset(java.time.ZoneOffset.UTC), locale) : "";
	}

	public String date(LocalDate date, Locale locale) {
		return (date != null) ? date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale))
				: "";
	}

	/**
	 * A month as the pages write it: "Dez. 2026" in German, "Dec 2026" in English.
	 */
	public String month(YearMonth month, Locale locale) {
		return (month != null) ? month.format(DateTimeFormatter.ofPattern("MMM yyyy", locale)) : "";
	}

	/**
	 * The quarter a day falls in as the pages write it, in either language: "Q1 2026".
	 */
	public static String quarter(LocalDate day) {
		return "Q" + ((day.getMonthValue() - 1) / 3 + 1) + " " + day.getYear();
	}

	public String money(BigDecimal amount, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return (amount != null) ? format.format(amount) : "";
	}

	/**
	 * The card a cell links to: the record itself for the link field, the target of a
	 * relation, or null.
	 */
	public String link(ModuleDefinition module, Field field, Map<String, Object> row, String linkField) {
		if (field.name().equals(linkField) && module.uiPath() != null) {
			return module.uiPath() + "/" + row.get("id");
		}
		if (field.isRelation() && row.get(field.name()) != null && !isHidden(field, row)) {
			return this.catalogue.find(field.relationModule())
				.map(ModuleDefinition::uiPath)
				.map((path) -> path + "/" + row.get(field.name()))
				.orElse(null);
		}
		return null;
	}

	/**
	 * Whether a relation links a record the user may not see (see
	 * {@link RecordQueries#HIDDEN_SUFFIX}).
	 */
	public boolean isHidden(Field field, Map<String, Object> row) {
		return Boolean.TRUE.equals(row.get(field.name() + RecordQueries.HIDDEN_SUFFIX));
	}

	public boolean isHidden(String fieldName, Map<String, Object> row) {
		return Boolean.TRUE.equals(row.get(fieldName + RecordQueries.HIDDEN_SUFFIX));
	}

	/**
	 * What stands for a linked record the user may not see.
	 */
	public String hidden(Locale locale) {
		return this.messages.getMessage("record.hidden", null, locale);
	}

}
