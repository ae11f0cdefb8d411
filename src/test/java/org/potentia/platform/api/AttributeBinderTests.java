package org.potentia.platform.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.Test;

import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Attribute values bound onto a form by the catalogue, without Spring: what each kind of
 * value becomes, and which values are refused with which error.
 */
class AttributeBinderTests {

	final ModuleDefinition deals = ModuleDefinition.builder("deals", "deals")
		.field(Field.of("name", FieldType.TEXT).size(200))
		.field(Field.of("amount", FieldType.MONEY).scale(12, 2))
		.field(Field.of("seats", FieldType.INTEGER))
		.field(Field.of("close_date", FieldType.DATE))
		.field(Field.of("won", FieldType.BOOLEAN))
		.field(Field.of("created_by", FieldType.TEXT).readOnly())
		.field(Field.of("version", FieldType.INTEGER).readOnly())
		.build();

	final AttributeBinder binder = new AttributeBinder(Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void bindsEveryKindOfValue() {
		DealForm form = bind(values("name", "Rollout", "amount", 1250.5, "seats", 12, "close_date", "2025-06-30", "won",
				true, "version", 3));

		assertThat(form.getName()).isEqualTo("Rollout");
		assertThat(form.getAmount()).isEqualByComparingTo("1250.5");
		assertThat(form.getSeats()).isEqualTo(12L);
		assertThat(form.getCloseDate()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(form.getWon()).isTrue();
		assertThat(form.getVersion()).isEqualTo(3L);
	}

	@Test
	void numbersMayComeAsText() {
		DealForm form = bind(values("name", "Rollout", "amount", "99.90", "seats", "7"));

		assertThat(form.getAmount()).isEqualByComparingTo("99.90");
		assertThat(form.getSeats()).isEqualTo(7L);
	}

	@Test
	void nullAndBlankClearAField() {
		DealForm form = new DealForm();
		form.setAmount(BigDecimal.TEN);
		form.setCloseDate(LocalDate.of(2025, 1, 1));

		this.binder.bind(this.deals, values("name", "Rollout", "amount", null, "close_date", "  "), form);

		assertThat(form.getAmount()).isNull();
		assertThat(form.getCloseDate()).isNull();
	}

	@Test
	void refusesUnknownAttributes() {
		assertThat(errors(values("name", "Rollout", "colour", "red")))
			.containsExactly("colour error.attribute.unknown");
	}

	@Test
	void refusesReadOnlyAttributes() {
		assertThat(errors(values("name", "Rollout", "created_by", "someone", "id", 5)))
			.containsExactly("created_by error.attribute.readonly", "id error.attribute.readonly");
	}

	@Test
	void refusesValuesOfTheWrongType() {
		assertThat(errors(values("name", "Rollout", "seats", "many", "won", "perhaps", "close_date", "soon", "amount",
				List.of(1, 2))))
			.containsExactly("seats error.attribute.type", "won error.attribute.type",
					"close_date error.attribute.type", "amount error.attribute.type");
	}

	@Test
	void refusesValuesOutOfRange() {
		assertThat(errors(values("name", "Rollout", "amount", "12345678901.5", "seats", "1e30")))
			.containsExactly("amount error.attribute.range", "seats error.attribute.range");
	}

	@Test
	void refusesDatesOutsideTheCataloguesYears() {
		// Before 1582 java.sql.Date counts Julian days: 1000-06-15 would be stored as
		// 1000-06-21. Dates no database holds (year 0) get the same message.
		for (String date : List.of("1000-06-15", "0001-01-01", "1582-10-10", "1899-12-31", "2200-01-01", "0000-01-01",
				"9999-12-31")) {
			List<FieldError> errors = assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> bind(values("name", "Rollout", "close_date", date)))
				.actual()
				.getErrors();
			assertThat(errors).as(date)
				.singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("close_date"))
				.satisfies((error) -> assertThat(error.messageKey()).isEqualTo("error.date.range"))
				.satisfies((error) -> assertThat(error.arguments()).containsExactly(1900, 2199));
		}
		assertThat(bind(values("name", "Rollout", "close_date", "1900-01-01")).getCloseDate())
			.isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(bind(values("name", "Rollout", "close_date", "2199-12-31")).getCloseDate())
			.isEqualTo(LocalDate.of(2199, 12, 31));
	}

	@Test
	void validatingAFormRefusesItsDatesOutsideTheCataloguesYears() {
		// A CSV import binds its own way and then only validates.
		DealForm form = new DealForm();
		form.setName("Rollout");
		form.setCloseDate(LocalDate.of(1000, 6, 15));

		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.binder.validate(this.deals, form))
			.satisfies((ex) -> assertThat(ex.getErrors()).extracting(FieldError::field, FieldError::messageKey)
				.containsExactly(tuple("close_date", "error.date.range")));
	}

	@Test
	void reportsEveryBadAttributeBeforeValidating() {
		assertThat(errors(values("colour", "red", "seats", Map.of("n", 1))))
			.containsExactly("colour error.attribute.unknown", "seats error.attribute.type");
	}

	@Test
	void validatesTheBoundFormUnderCatalogueNames() {
		assertThat(errors(values("close_date", "2025-06-30"))).containsExactly("name " + Messages.LITERAL);
	}

	private DealForm bind(Map<String, Object> values) {
		return this.binder.bind(this.deals, values, new DealForm());
	}

	/**
	 * Each error as its field and message key; an offending attribute's error names it.
	 */
	private List<String> errors(Map<String, Object> values) {
		List<FieldError> errors = assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> bind(values))
			.actual()
			.getErrors();
		errors.stream()
			.filter((error) -> !Messages.LITERAL.equals(error.messageKey()))
			.forEach((error) -> assertThat(error.arguments()).containsExactly(error.field()));
		return errors.stream().map((error) -> error.field() + " " + error.messageKey()).toList();
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

	public static class DealForm {

		@NotBlank
		private String name;

		private BigDecimal amount;

		private Long seats;

		private LocalDate closeDate;

		private Boolean won;

		private String createdBy;

		private Long version;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public BigDecimal getAmount() {
			return this.amount;
		}

		public void setAmount(BigDecimal amount) {
			this.amount = amount;
		}

		public Long getSeats() {
			return this.seats;
		}

		public void setSeats(Long seats) {
			this.seats = seats;
		}

		public LocalDate getCloseDate() {
			return this.closeDate;
		}

		public void setCloseDate(LocalDate closeDate) {
			this.closeDate = closeDate;
		}

		public Boolean getWon() {
			return this.won;
		}

		public void setWon(Boolean won) {
			this.won = won;
		}

		public String getCreatedBy() {
			return this.createdBy;
		}

		public void setCreatedBy(String createdBy) {
			this.createdBy = createdBy;
		}

		public Long getVersion() {
			return this.version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

}
