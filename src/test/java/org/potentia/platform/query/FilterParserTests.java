package org.potentia.platform.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.support.StaticMessageSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The filter language compiled to SQL, without a database: which SQL each operator gives,
 * that every value is a bound parameter, and which filters are refused with a message
 * naming the problem.
 */
class FilterParserTests {

	static final Instant NOW = Instant.parse("2025-03-15T10:30:00Z");

	static final String LOWER_NAME = "LOWER(CAST(t.name AS VARCHAR(10000)))";

	final ModuleDefinition companies = ModuleDefinition.builder("companies", "companies")
		.field(Field.of("name", FieldType.TEXT).size(200))
		.field(Field.of("kind", FieldType.PICKLIST).options(List.of("customer", "prospect")))
		.build();

	final ModuleDefinition people = ModuleDefinition.builder("people", "people")
		.ownedBy("owner_id")
		.field(Field.of("name", FieldType.TEXT).size(200))
		.field(Field.of("age", FieldType.INTEGER))
		.field(Field.of("salary", FieldType.MONEY).scale(12, 2))
		.field(Field.of("birthday", FieldType.DATE))
		.field(Field.of("active", FieldType.BOOLEAN))
		.field(Field.of("level", FieldType.PICKLIST).options(List.of("junior", "senior")))
		.field(Field.of("notes", FieldType.LONG_TEXT))
		.field(Field.of("company_id", FieldType.RELATION).column("employer_id").relation("companies", "company"))
		.build();

	final FilterParser parser = new FilterParser(
			new Catalogue(List.of(this.companies, this.people), new StaticMessageSource()),
			JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void emptyFiltersMatchEverything() {
		assertThat(parse(null)).isEqualTo(SqlCondition.TRUE);
		assertThat(parse(" ")).isEqualTo(SqlCondition.TRUE);
		assertThat(parse("[]")).isEqualTo(SqlCondition.TRUE);
		assertThat(parse("null")).isEqualTo(SqlCondition.TRUE);
	}

	@Test
	void comparisons() {
		assertCompiles("{\"$eq\":[\"name\",\"Ann\"]}", "t.name = ?", "Ann");
		assertCompiles("{\"$ne\":[\"name\",\"Ann\"]}", "(t.name <> ? OR t.name IS NULL)", "Ann");
		assertCompiles("{\"$gt\":[\"age\",30]}", "t.age > ?", 30L);
		assertCompiles("{\"$gte\":[\"age\",\"30\"]}", "t.age >= ?", 30L);
		assertCompiles("{\"$lt\":[\"salary\",\"1000.50\"]}", "t.salary < ?", new BigDecimal("1000.50"));
		assertCompiles("{\"$lte\":[\"birthday\",\"2000-01-31\"]}", "t.birthday <= ?", LocalDate.of(2000, 1, 31));
		assertCompiles("{\"$eq\":[\"active\",true]}", "t.active = ?", Boolean.TRUE);
	}

	@Test
	void shorthandMeansEquals() {
		assertThat(parse("{\"name\":\"Ann\"}")).isEqualTo(parse("{\"$eq\":[\"name\",\"Ann\"]}"));
		assertCompiles("{\"name\":\"Ann\",\"age\":30}", "(t.name = ?) AND (t.age = ?)", "Ann", 30L);
	}

	@Test
	void equalsNullMeansIsNull() {
		assertCompiles("{\"name\":null}", "t.name IS NULL");
		assertCompiles("{\"$ne\":[\"name\",null]}", "t.name IS NOT NULL");
	}

	@Test
	void sets() {
		assertCompiles("{\"$in\":[\"level\",[\"junior\",\"senior\"]]}", "t.level IN (?, ?)", "junior", "senior");
		assertCompiles("{\"$nin\":[\"age\",[1,2,3]]}", "(t.age NOT IN (?, ?, ?) OR t.age IS NULL)", 1L, 2L, 3L);
	}

	@Test
	void ranges() {
		assertCompiles("{\"$between\":[\"age\",18,65]}", "t.age BETWEEN ? AND ?", 18L, 65L);
		assertCompiles("{\"$between\":[\"age\",[18,65]]}", "t.age BETWEEN ? AND ?", 18L, 65L);
		assertCompiles("{\"$not.between\":[\"age\",18,65]}", "(t.age NOT BETWEEN ? AND ? OR t.age IS NULL)", 18L, 65L);
	}

	@Test
	void nulls() {
		assertCompiles("{\"$is.null\":[\"birthday\"]}", "t.birthday IS NULL");
		assertCompiles("{\"$not.null\":[\"birthday\"]}", "t.birthday IS NOT NULL");
		assertCompiles("{\"$is.null\":\"birthday\"}", "t.birthday IS NULL");
	}

	@Test
	void textOperatorsAreCaseInsensitiveAndEscapeWildcards() {
		assertCompiles("{\"$beg\":[\"name\",\"Ann\"]}", LOWER_NAME + " LIKE ? ESCAPE '\\'", "ann%");
		assertCompiles("{\"$end\":[\"name\",\"Ann\"]}", LOWER_NAME + " LIKE ? ESCAPE '\\'", "%ann");
		assertCompiles("{\"$cts\":[\"name\",\"Ann\"]}", LOWER_NAME + " LIKE ? ESCAPE '\\'", "%ann%");
		assertCompiles("{\"$not.cts\":[\"name\",\"Ann\"]}",
				"(" + LOWER_NAME + " NOT LIKE ? ESCAPE '\\' OR t.name IS NULL)", "%ann%");
		assertCompiles("{\"$cts\":[\"name\",\"50%_off\\\\\"]}", LOWER_NAME + " LIKE ? ESCAPE '\\'",
				"%50\\%\\_off\\\\%");
	}

	@Test
	void likeKeepsTheClientsWildcards() {
		assertCompiles("{\"$like\":[\"name\",\"A_n%\"]}", LOWER_NAME + " LIKE ? ESCAPE '\\'", "a_n%");
		assertCompiles("{\"$like\":[\"name\",\"100\\\\%\"]}", LOWER_NAME + " LIKE ? ESCAPE '\\'", "100\\%");
	}

	@Test
	void regex() {
		assertCompiles("{\"$regex\":[\"name\",\"^A(n|m)+$\"]}", "REGEXP_LIKE(CAST(t.name AS VARCHAR(10000)), ?, 'i')",
				"^A(n|m)+$");
	}

	@Test
	void logic() {
		assertCompiles("{\"$and\":[{\"name\":\"Ann\"},{\"age\":30}]}", "(t.name = ?) AND (t.age = ?)", "Ann", 30L);
		assertCompiles("{\"$or\":[{\"name\":\"Ann\"},{\"age\":30}]}", "(t.name = ?) OR (t.age = ?)", "Ann", 30L);
		assertCompiles("{\"$nor\":[{\"name\":\"Ann\"},{\"age\":30}]}", "NOT ((t.name = ?) OR (t.age = ?))", "Ann", 30L);
		assertCompiles("{\"$not\":{\"name\":\"Ann\"}}", "NOT (t.name = ?)", "Ann");
		assertCompiles("{\"$not\":[{\"name\":\"Ann\"}]}", "NOT (t.name = ?)", "Ann");
		assertCompiles("[{\"name\":\"Ann\"},{\"age\":30}]", "(t.name = ?) AND (t.age = ?)", "Ann", 30L);
		assertCompiles("{\"$or\":[{\"$and\":[{\"name\":\"Ann\"},{\"$gt\":[\"age\",30]}]},{\"$is.null\":[\"age\"]}]}",
				"((t.name = ?) AND (t.age > ?)) OR (t.age IS NULL)", "Ann", 30L);
	}

	@Test
	void relationFieldsJoinTheTarget() {
		SqlCondition condition = parse("{\"company.kind\":\"customer\"}");

		assertThat(condition.sql()).isEqualTo("r_company.kind = ?");
		assertThat(condition.parameters()).containsExactly("customer");
		assertThat(condition.relations()).containsExactly("company");
		assertThat(parse("{\"$cts\":[\"company.name\",\"acme\"]}").relations()).containsExactly("company");
		assertThat(parse("{\"company_id\":7}").sql()).as("the relation's own column").isEqualTo("t.employer_id = ?");
		assertThat(parse("{\"company_id\":7}").relations()).isEmpty();
	}

	@Test
	void nowExpressionsAreEvaluatedByTheServer() {
		OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
		assertCompiles("{\"$gte\":[\"created_at\",\"$now\"]}", "t.created_at >= ?", now);
		assertCompiles("{\"$gte\":[\"created_at\",\"$now -7 days\"]}", "t.created_at >= ?", now.minusDays(7));
		assertCompiles("{\"$lt\":[\"created_at\",\"$now +2 hours -30 minutes\"]}", "t.created_at < ?",
				now.plusMinutes(90));
		assertCompiles("{\"$lt\":[\"created_at\",\"$now.date +1 month\"]}", "t.created_at < ?",
				OffsetDateTime.parse("2025-04-15T00:00:00Z"));
		assertCompiles("{\"$eq\":[\"birthday\",\"$now.date\"]}", "t.birthday = ?", LocalDate.of(2025, 3, 15));
		assertCompiles("{\"$lt\":[\"birthday\",\"$now -1 year\"]}", "t.birthday < ?", LocalDate.of(2024, 3, 15));
		assertCompiles("{\"$between\":[\"created_at\",\"$now.date -1 week\",\"$now.date\"]}",
				"t.created_at BETWEEN ? AND ?", OffsetDateTime.parse("2025-03-08T00:00:00Z"),
				OffsetDateTime.parse("2025-03-15T00:00:00Z"));
	}

	@Test
	void nowExpressionsCutToTheStartOfAPeriod() {
		// 2025-03-15 is a Saturday.
		assertCompiles("{\"$gte\":[\"birthday\",\"$now.date/week\"]}", "t.birthday >= ?", LocalDate.of(2025, 3, 10));
		assertCompiles("{\"$gte\":[\"birthday\",\"$now.date/month\"]}", "t.birthday >= ?", LocalDate.of(2025, 3, 1));
		assertCompiles("{\"$between\":[\"birthday\",\"$now.date/quarter\",\"$now.date/quarter +3 months -1 day\"]}",
				"t.birthday BETWEEN ? AND ?", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
		assertCompiles("{\"$lt\":[\"birthday\",\"$now.date/year +1 year\"]}", "t.birthday < ?",
				LocalDate.of(2026, 1, 1));
		assertCompiles("{\"$gte\":[\"created_at\",\"$now/day\"]}", "t.created_at >= ?",
				OffsetDateTime.parse("2025-03-15T00:00:00Z"));
		assertThatExceptionOfType(BadQueryException.class)
			.isThrownBy(() -> parse("{\"$gte\":[\"birthday\",\"$now/fortnight\"]}"));
	}

	@Test
	void nowTimeComparesTheTimeOfDay() {
		SqlCondition condition = parse("{\"$gt\":[\"created_at\",\"$now.time -1 hour\"]}");

		assertThat(condition.sql()).isEqualTo("CAST(t.created_at AS TIME) > ?");
		assertThat(condition.parameters()).containsExactly(java.time.LocalTime.of(9, 30));
	}

	@ParameterizedTest
	@ValueSource(strings = { "'; drop table people; --", "' OR '1'='1", "x\") OR 1=1 --", "1; DELETE FROM people",
			"$now; drop table people" })
	void valuesAreAlwaysBoundNeverWrittenIntoTheSql(String hostile) {
		String value = JsonMapper.shared().writeValueAsString(hostile);
		for (String operator : List.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$beg", "$end", "$cts", "$not.cts",
				"$like", "$regex")) {
			if (operator.equals("$regex") && hostile.contains(")")) {
				continue;
			}
			SqlCondition condition = parse("{\"" + operator + "\":[\"name\"," + value + "]}");
			assertThat(condition.sql()).as(operator)
				.doesNotContain(hostile)
				.doesNotContain("drop")
				.doesNotContain("'1'");
			assertThat(condition.parameters()).as(operator).hasSize(1);
			assertThat(String.valueOf(condition.parameters().get(0))).as(operator)
				.containsIgnoringCase(hostile.substring(2, 6));
		}
		SqlCondition set = parse("{\"$in\":[\"name\",[" + value + "," + value + "]]}");
		assertThat(set.sql()).isEqualTo("t.name IN (?, ?)");
		assertThat(set.parameters()).containsExactly(hostile, hostile);
	}

	@Test
	void everyConditionOfALargeFilterIsBound() {
		SqlCondition condition = parse("{\"$and\":[{\"name\":\"a\"},{\"$or\":[{\"$cts\":[\"company.name\",\"b\"]},"
				+ "{\"$between\":[\"age\",1,2]}]},{\"$not\":{\"$in\":[\"level\",[\"junior\"]]}}]}");

		assertThat(condition.parameters()).containsExactly("a", "%b%", 1L, 2L, "junior");
		assertThat(condition.sql().chars().filter((c) -> c == '?').count()).isEqualTo(5);
	}

	@Test
	void malformedJsonIsRefused() {
		assertRefused("{\"$eq\":[\"name\"", "filter is not valid JSON");
		assertRefused("not json", "filter is not valid JSON");
	}

	@Test
	void unknownFieldsAndRelationsAreRefusedByName() {
		assertRefused("{\"$eq\":[\"salary_band\",1]}", "no field 'salary_band' to filter people by");
		assertRefused("{\"salary_band\":1}", "no field 'salary_band'");
		assertRefused("{\"employer.name\":\"x\"}", "no relation 'employer'");
		assertRefused("{\"company.size\":\"x\"}", "no field 'size' of 'company'");
		assertRefused("{\"$cts\":[\"notes\",\"x\"]}", "no field 'notes'");
		assertRefused("{\"$eq\":[\"t.name = t.name OR 1\",1]}", "There is no ");
	}

	@Test
	void unknownOperatorsAreRefusedByName() {
		assertRefused("{\"$almost\":[\"name\",\"x\"]}", "unknown filter operator '$almost'");
		assertRefused("{\"$EQ\":[\"name\",\"x\"]}", "unknown filter operator '$EQ'");
	}

	@Test
	void wrongArgumentsAreRefused() {
		assertRefused("{\"$eq\":[\"name\"]}", "$eq takes 1 value(s) after the field name");
		assertRefused("{\"$eq\":[\"name\",\"a\",\"b\"]}", "$eq takes 1 value(s)");
		assertRefused("{\"$eq\":[7,\"a\"]}", "$eq must name a field first");
		assertRefused("{\"$eq\":{}}", "$eq needs an array");
		assertRefused("{\"$eq\":[\"name\",{\"x\":1}]}", "must be a single value");
		assertRefused("{\"$gt\":[\"age\",null]}", "$gt cannot compare age with null");
		assertRefused("{\"$in\":[\"name\",\"a\"]}", "$in needs a non-empty array");
		assertRefused("{\"$in\":[\"name\",[]]}", "$in needs a non-empty array");
		assertRefused("{\"$in\":[\"name\",[null]]}", "must not be null");
		assertRefused("{\"$between\":[\"age\",1]}", "$between");
		assertRefused("{\"$between\":[\"age\",1,null]}", "$between needs two bounds");
		assertRefused("{\"$is.null\":[\"age\",1]}", "$is.null takes 0 value(s)");
		assertRefused("{\"$cts\":[\"name\",null]}", "$cts needs a text value");
		assertRefused("{\"$and\":[]}", "$and needs a non-empty array");
		assertRefused("{\"$or\":{\"name\":\"x\"}}", "$or needs a non-empty array");
		assertRefused("{}", "non-empty JSON object");
		assertRefused("\"name\"", "non-empty JSON object");
		assertRefused("{\"$regex\":[\"name\",\"(unclosed\"]}", "not a valid regular expression");
	}

	@Test
	void valuesOfTheWrongTypeAreRefused() {
		assertRefused("{\"age\":\"thirty\"}", "'thirty' is not a number");
		assertRefused("{\"birthday\":\"31.01.2000\"}", "is not an ISO 8601 date");
		assertRefused("{\"$gt\":[\"created_at\",\"yesterday\"]}", "is not an ISO 8601 date");
		assertRefused("{\"active\":\"maybe\"}", "is not true or false");
		assertRefused("{\"level\":\"guru\"}", "'guru' is not one of junior, senior");
		assertRefused("{\"$gt\":[\"created_at\",\"$now -7 fortnights\"]}", "is not a $now expression");
		assertRefused("{\"$gt\":[\"created_at\",\"$nowish\"]}", "is not a $now expression");
	}

	@Test
	void oversizedFiltersAreRefused() {
		String deep = "{\"name\":\"x\"}";
		for (int i = 0; i < FilterParser.MAX_DEPTH + 2; i++) {
			deep = "{\"$not\":" + deep + "}";
		}
		assertRefused(deep, "nested more than");
		String wide = "{\"$or\":["
				+ String.join(",", java.util.Collections.nCopies(FilterParser.MAX_CONDITIONS + 1, "{\"name\":\"x\"}"))
				+ "]}";
		assertRefused(wide, "more than " + FilterParser.MAX_CONDITIONS + " conditions");
		String many = "{\"$in\":[\"age\",[" + String.join(",", java.util.Collections.nCopies(1001, "1")) + "]]}";
		assertRefused(many, "at most 1000 values");
	}

	private SqlCondition parse(String filter) {
		return this.parser.parse(this.people, filter);
	}

	private void assertCompiles(String filter, String sql, Object... parameters) {
		SqlCondition condition = parse(filter);
		assertThat(condition.sql()).as(filter).isEqualTo(sql);
		assertThat(condition.parameters()).as(filter).containsExactly(parameters);
		assertThat(condition.relations()).isEqualTo(Set.of());
	}

	private void assertRefused(String filter, String message) {
		assertThatExceptionOfType(BadQueryException.class).as(filter)
			.isThrownBy(() -> parse(filter))
			.withMessageContaining(message);
	}

}
