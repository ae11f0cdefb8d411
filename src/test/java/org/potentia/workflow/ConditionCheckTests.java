package org.potentia.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator on the kinds of value a record has, on the values a save's event holds
 * (Java values) and on the values the registry hands back after a restart (strings and
 * numbers from JSON), including fields of a linked record.
 */
class ConditionCheckTests {

	static final ModuleDefinition ACCOUNTS = ModuleDefinition.builder("accounts", "accounts")
		.field(Field.of("name", FieldType.TEXT).size(200))
		.field(Field.of("account_type", FieldType.PICKLIST).options(List.of("customer", "prospect")))
		.build();

	static final ModuleDefinition POTENTIALS = ModuleDefinition.builder("potentials", "potentials")
		.field(Field.of("name", FieldType.TEXT).size(200))
		.field(Field.of("amount", FieldType.MONEY).scale(17, 2))
		.field(Field.of("stage_id", FieldType.RELATION).relation("stages", "stage"))
		.field(Field.of("expected_close_date", FieldType.DATE))
		.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account"))
		.field(Field.of("next_step", FieldType.TEXT).size(255))
		.field(Field.of("closed_at", FieldType.DATETIME))
		.field(Field.of("won", FieldType.BOOLEAN))
		.build();

	final ConditionCheck check = new ConditionCheck(
			new Catalogue(List.of(ACCOUNTS, POTENTIALS), new StaticMessageSource()));

	final RecordState.LinkedRecords linked = new RecordState.LinkedRecords((module, id) -> (id == 7L)
			? Optional.of(Map.of("id", 7L, "name", "Acme", "account_type", "customer")) : Optional.empty());

	@Test
	void equalsComparesByTheFieldsType() {
		Map<String, Object> record = values("name", "Big Deal", "amount", new BigDecimal("1000.00"), "stage_id", 4L,
				"expected_close_date", LocalDate.of(2026, 3, 31), "won", true);
		assertThat(holds(record, "name", Operator.EQUALS, "big deal")).isTrue();
		assertThat(holds(record, "amount", Operator.EQUALS, "1000")).isTrue();
		assertThat(holds(record, "stage_id", Operator.EQUALS, "4")).isTrue();
		assertThat(holds(record, "stage_id", Operator.EQUALS, "5")).isFalse();
		assertThat(holds(record, "expected_close_date", Operator.EQUALS, "2026-03-31")).isTrue();
		assertThat(holds(record, "won", Operator.EQUALS, "true")).isTrue();
		assertThat(holds(record, "next_step", Operator.EQUALS, "call")).isFalse();
	}

	@Test
	void notEqualsHoldsForAnEmptyField() {
		Map<String, Object> record = values("name", "Big Deal", "stage_id", 4L);
		assertThat(holds(record, "stage_id", Operator.NOT_EQUALS, "5")).isTrue();
		assertThat(holds(record, "stage_id", Operator.NOT_EQUALS, "4")).isFalse();
		assertThat(holds(record, "next_step", Operator.NOT_EQUALS, "call")).isTrue();
	}

	@Test
	void lessAndGreaterCompareNumbersDatesAndDateTimes() {
		Map<String, Object> record = values("amount", new BigDecimal("1500.50"), "expected_close_date",
				LocalDate.of(2026, 3, 31), "closed_at", OffsetDateTime.parse("2026-01-10T12:00:00Z"));
		assertThat(holds(record, "amount", Operator.GREATER, "1500")).isTrue();
		assertThat(holds(record, "amount", Operator.LESS, "1500")).isFalse();
		assertThat(holds(record, "amount", Operator.LESS, "1500.51")).isTrue();
		assertThat(holds(record, "expected_close_date", Operator.LESS, "2026-04-01")).isTrue();
		assertThat(holds(record, "expected_close_date", Operator.GREATER, "2026-04-01")).isFalse();
		assertThat(holds(record, "closed_at", Operator.GREATER, "2026-01-10T11:00:00Z")).isTrue();
	}

	@Test
	void anEmptyFieldIsNeitherLessNorGreater() {
		Map<String, Object> record = values("name", "No amount");
		assertThat(holds(record, "amount", Operator.LESS, "100")).isFalse();
		assertThat(holds(record, "amount", Operator.GREATER, "100")).isFalse();
	}

	@Test
	void containsIgnoresCase() {
		Map<String, Object> record = values("name", "Big Deal with ACME");
		assertThat(holds(record, "name", Operator.CONTAINS, "acme")).isTrue();
		assertThat(holds(record, "name", Operator.CONTAINS, "globex")).isFalse();
		assertThat(holds(record, "next_step", Operator.CONTAINS, "call")).isFalse();
	}

	@Test
	void isEmptyTakesBlankTextAsEmpty() {
		Map<String, Object> record = values("name", "Deal", "next_step", "  ");
		assertThat(holds(record, "next_step", Operator.EMPTY, null)).isTrue();
		assertThat(holds(record, "amount", Operator.EMPTY, null)).isTrue();
		assertThat(holds(record, "name", Operator.EMPTY, null)).isFalse();
	}

	@Test
	void changedComparesBeforeAndAfterByValue() {
		Map<String, Object> before = values("amount", new BigDecimal("1000.00"), "stage_id", 3L, "name", "Deal");
		Map<String, Object> after = values("amount", new BigDecimal("1000"), "stage_id", 4L, "name", "Deal");
		assertThat(holds(before, after, "stage_id", Operator.CHANGED, null)).isTrue();
		assertThat(holds(before, after, "amount", Operator.CHANGED, null)).isFalse();
		assertThat(holds(before, after, "name", Operator.CHANGED, null)).isFalse();
	}

	@Test
	void aNewRecordsFilledFieldsHaveChanged() {
		Map<String, Object> after = values("stage_id", 4L, "name", "Deal");
		assertThat(holds(null, after, "stage_id", Operator.CHANGED, null)).isTrue();
		assertThat(holds(null, after, "stage_id", Operator.CHANGED_TO, "4")).isTrue();
		assertThat(holds(null, after, "next_step", Operator.CHANGED, null)).isFalse();
	}

	@Test
	void changedToNeedsAChangeToThatValue() {
		Map<String, Object> before = values("stage_id", 3L);
		assertThat(holds(before, values("stage_id", 4L), "stage_id", Operator.CHANGED_TO, "4")).isTrue();
		assertThat(holds(before, values("stage_id", 5L), "stage_id", Operator.CHANGED_TO, "4")).isFalse();
		assertThat(holds(values("stage_id", 4L), values("stage_id", 4L), "stage_id", Operator.CHANGED_TO, "4"))
			.isFalse();
	}

	@Test
	void valuesFromJsonCompareLikeTheOriginals() {
		// What Jackson reads back from the registry: numbers as Integer/Double, dates as
		// text.
		Map<String, Object> before = values("stage_id", 3, "amount", 1000.0);
		Map<String, Object> after = values("stage_id", 4, "amount", 1000.0, "expected_close_date", "2026-03-31",
				"closed_at", "2026-01-10T12:00:00Z", "won", true);
		assertThat(holds(before, after, "stage_id", Operator.CHANGED_TO, "4")).isTrue();
		assertThat(holds(before, after, "amount", Operator.CHANGED, null)).isFalse();
		assertThat(holds(before, after, "amount", Operator.EQUALS, "1000.00")).isTrue();
		assertThat(holds(before, after, "expected_close_date", Operator.LESS, "2026-04-01")).isTrue();
		assertThat(holds(before, after, "closed_at", Operator.EQUALS, "2026-01-10T13:00:00+01:00")).isTrue();
	}

	@Test
	void aLinkedRecordsFieldIsRead() {
		Map<String, Object> record = values("account_id", 7L);
		assertThat(holds(record, "account.account_type", Operator.EQUALS, "customer")).isTrue();
		assertThat(holds(record, "account.name", Operator.CONTAINS, "acm")).isTrue();
		assertThat(holds(values("account_id", 8L), "account.account_type", Operator.EQUALS, "customer")).isFalse();
		assertThat(holds(values("name", "x"), "account.account_type", Operator.EMPTY, null)).isTrue();
	}

	@Test
	void aLinkedFieldChangesWhenTheLinkChanges() {
		assertThat(holds(values("account_id", 8L), values("account_id", 7L), "account.account_type",
				Operator.CHANGED_TO, "customer"))
			.isTrue();
		assertThat(holds(values("account_id", 7L), values("account_id", 7L), "account.account_type", Operator.CHANGED,
				null))
			.isFalse();
	}

	@Test
	void aConditionOnAFieldThatIsGoneNeverHolds() {
		assertThat(holds(values("name", "x"), "no_such_field", Operator.EMPTY, null)).isFalse();
		assertThat(holds(values("name", "x"), "owner.email", Operator.EMPTY, null)).isFalse();
	}

	private boolean holds(Map<String, Object> record, String field, Operator operator, String value) {
		return holds(record, record, field, operator, value);
	}

	private boolean holds(Map<String, Object> before, Map<String, Object> after, String field, Operator operator,
			String value) {
		return this.check.holds(POTENTIALS, field, operator, value, new RecordState(before, this.linked),
				new RecordState(after, this.linked));
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

}
