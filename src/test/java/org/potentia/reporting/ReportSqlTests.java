package org.potentia.reporting;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.FilterParser;
import org.potentia.platform.query.SqlCondition;
import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportQuery.Column;
import org.potentia.reporting.ReportQuery.DateBucket;
import org.potentia.reporting.ReportQuery.Group;
import org.potentia.reporting.ReportQuery.Order;
import org.springframework.context.support.StaticMessageSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reports compiled to SQL without a database: which statement a report gives, that every
 * value is bound and the visibility rule is inside it, and which reports are refused with
 * a message key and a pointer to the part at fault.
 */
class ReportSqlTests {

	final ModuleDefinition companies = ModuleDefinition.builder("companies", "companies")
		.ownedBy("owner_id")
		.field(Field.of("name", FieldType.TEXT).size(200))
		.field(Field.of("city", FieldType.TEXT).size(100))
		.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner"))
		.hasMany("deals", "deals", "company_id")
		.build();

	final ModuleDefinition users = ModuleDefinition.builder("users", "users")
		.display("concat_ws(' ', {a}.first_name, {a}.last_name)")
		.field(Field.of("first_name", FieldType.TEXT))
		.field(Field.of("last_name", FieldType.TEXT))
		.build();

	final ModuleDefinition deals = ModuleDefinition.builder("deals", "deals")
		.ownedBy("owner_id")
		.field(Field.of("name", FieldType.TEXT).size(200))
		.field(Field.of("amount", FieldType.MONEY).scale(17, 2))
		.field(Field.of("close_date", FieldType.DATE))
		.field(Field.of("notes", FieldType.LONG_TEXT))
		.field(Field.of("kind", FieldType.PICKLIST).options(List.of("new", "renewal")))
		.field(Field.of("company_id", FieldType.RELATION).relation("companies", "company"))
		.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner"))
		.build();

	final Catalogue catalogue = new Catalogue(List.of(this.companies, this.users, this.deals),
			new StaticMessageSource());

	final ReportSql compiler = new ReportSql(this.catalogue,
			new FilterParser(this.catalogue, JsonMapper.builder().build()), new StaticMessageSource(), false);

	/** A rep who sees the records they own (id 7). */
	final ReportSql.VisibilityRule rep = new ReportSql.VisibilityRule() {

		@Override
		public SqlCondition of(ModuleDefinition module, String alias) {
			return module.restricted() ? SqlCondition.of(alias + "." + module.ownerColumn() + " = ?", 7L)
					: SqlCondition.TRUE;
		}

		@Override
		public boolean seesAll() {
			return false;
		}

	};

	@Test
	void groupedReportIsOneStatementWithVisibilityAndBoundValues() {
		ReportQuery query = new ReportQuery("deals",
				List.of(Column.of("company_id"), new Column("amount", Aggregate.SUM, "total"),
						Column.of(Aggregate.COUNT, "id")),
				"{\"$gt\":[\"amount\",100]}", List.of(Group.of("company_id")), List.of(new Order("total", true)), null);
		ReportSql.Plan plan = compile(query);
		assertThat(plan.sql()).isEqualTo("SELECT b.*, x0.name AS l0 FROM (SELECT a.g0 AS c0, SUM(a.v1) AS c1, "
				+ "COUNT(a.v2) AS c2 FROM (SELECT t.company_id AS g0, t.amount AS v1, t.id AS v2 FROM deals t WHERE "
				+ "(t.owner_id = ?) AND (t.amount > ?)) a GROUP BY a.g0 ORDER BY c1 DESC NULLS LAST, c0 ASC NULLS LAST "
				+ "LIMIT ?) b LEFT JOIN companies x0 ON x0.id = b.c0 AND x0.owner_id = ? "
				+ "ORDER BY b.c1 DESC NULLS LAST, b.c0 ASC NULLS LAST");
		assertThat(plan.parameters()).containsExactly(7L, new java.math.BigDecimal("100"), ReportSql.MAX_ROWS + 1, 7L);
		assertThat(plan.fields()).extracting(ReportResult.Field::name)
			.containsExactly("company_id", "total", "count_id");
		assertThat(plan.fields()).extracting(ReportResult.Field::type).containsExactly("relation", "money", "integer");
	}

	@Test
	void linkedRecordsFieldsAreNullWhereTheUserMayNotSeeThem() {
		ReportQuery query = new ReportQuery("deals", List.of(Column.of("name"), Column.of("company.city")), null,
				List.of(), List.of(), 50);
		ReportSql.Plan plan = compile(query);
		assertThat(plan.sql())
			.contains("CASE WHEN r_company.owner_id = ? THEN r_company.city END AS c1 FROM deals t LEFT JOIN companies "
					+ "r_company ON r_company.id = t.company_id WHERE (t.owner_id = ?)")
			.endsWith("ORDER BY b.id_ ASC");
		assertThat(plan.parameters()).containsExactly(7L, 7L, 51);
	}

	@Test
	void aFilterOnALinkedRecordMatchesOnlyRecordsTheUserMaySee() {
		ReportQuery query = new ReportQuery("deals", List.of(Column.of("name")), "{\"company.city\":\"Berlin\"}",
				List.of(), List.of(), null);
		ReportSql.Plan plan = compile(query);
		assertThat(plan.sql()).contains("LEFT JOIN companies r_company ON r_company.id = t.company_id")
			.contains("(r_company.id IS NULL OR r_company.owner_id = ?)");
		assertThat(plan.parameters()).containsExactly(7L, "Berlin", 7L, ReportSql.DEFAULT_ROWS + 1);
	}

	@Test
	void dateBucketsAndLinkedDisplayNames() {
		ReportQuery query = new ReportQuery("deals",
				List.of(new Column("close_date", null, "month", DateBucket.MONTH), Column.of("owner.name"),
						Column.of(Aggregate.AVG, "amount")),
				null, List.of(new Group("close_date", DateBucket.MONTH), Group.of("owner.name")), List.of(), null);
		ReportSql.Plan plan = compile(query);
		assertThat(plan.sql()).contains("CAST(DATE_TRUNC('month', t.close_date) AS DATE) AS g0")
			.contains("t.owner_id AS g1")
			.contains("concat_ws(' ', x1.first_name, x1.last_name) AS l1")
			.contains("LEFT JOIN users x1 ON x1.id = b.c1 AND 1=1");
		assertThat(plan.fields()).extracting(ReportResult.Field::name)
			.containsExactly("month", "owner.name", "avg_amount");
		assertThat(plan.fields()).extracting(ReportResult.Field::type).containsExactly("date", "relation", "decimal");
	}

	@Test
	void groupsNoColumnShowsComeFirst() {
		ReportQuery query = new ReportQuery("deals", List.of(Column.of(Aggregate.SUM, "amount")), null,
				List.of(Group.of("kind")), List.of(), null);
		assertThat(compile(query).fields()).extracting(ReportResult.Field::name).containsExactly("kind", "sum_amount");
	}

	@Test
	void refusedReportsNameTheProblemAndWhere() {
		assertRefused(new ReportQuery("nope", List.of(Column.of("name")), null, null, null, null),
				"error.report.unknown_module", "/module");
		assertRefused(new ReportQuery("deals", List.of(Column.of("name"), Column.of("secret")), null, null, null, null),
				"error.report.unknown_field", "/columns/1");
		assertRefused(new ReportQuery("deals", List.of(Column.of(Aggregate.SUM, "name")), null, null, null, null),
				"error.report.aggregate_type", "/columns/0");
		assertRefused(new ReportQuery("deals", List.of(Column.of(Aggregate.AVG, "close_date")), null, null, null, null),
				"error.report.aggregate_type", "/columns/0");
		assertRefused(new ReportQuery("companies", List.of(Column.of(Aggregate.COUNT, "id")), null,
				List.of(Group.of("deals")), null, null), "error.report.has_many", "/groups/0");
		assertRefused(new ReportQuery("companies", List.of(Column.of("deals.amount")), null, null, null, null),
				"error.report.has_many", "/columns/0");
		assertRefused(new ReportQuery("deals", List.of(Column.of("company.nothing")), null, null, null, null),
				"error.report.unknown_linked_field", "/columns/0");
		assertRefused(new ReportQuery("deals", List.of(Column.of("name"), Column.of(Aggregate.COUNT, "id")), null,
				List.of(Group.of("kind")), null, null), "error.report.not_grouped", "/columns/0");
		assertRefused(
				new ReportQuery("deals", List.of(Column.of(Aggregate.COUNT, "id")), null,
						List.of(new Group("name", DateBucket.MONTH)), null, null),
				"error.report.bucket_type", "/groups/0");
		assertRefused(new ReportQuery("deals", List.of(Column.of(Aggregate.COUNT, "id")), null,
				List.of(Group.of("notes")), null, null), "error.report.group_type", "/groups/0");
		assertRefused(
				new ReportQuery("deals", List.of(Column.of(Aggregate.COUNT, "id")), null,
						List.of(Group.of("kind"), Group.of("owner_id"), Group.of("company_id")), null, null),
				"error.report.too_many_groups", "/groups");
		assertRefused(new ReportQuery("deals", IntStream.range(0, 21).mapToObj((i) -> Column.of("name")).toList(), null,
				null, null, null), "error.report.too_many_columns", "/columns");
		assertRefused(new ReportQuery("deals", List.of(Column.of("name")), null, null, null, 10_001),
				"error.report.limit", "/limit");
		assertRefused(new ReportQuery("deals", List.of(Column.of("name")), null, null, null, 0), "error.report.limit",
				"/limit");
		assertRefused(new ReportQuery("deals", List.of(Column.of("name")), null, null,
				List.of(new Order("amount", false)), null), "error.report.unknown_order", "/order/0");
		assertRefused(new ReportQuery("deals", List.of(new Column("name", null, "x y")), null, null, null, null),
				"error.report.alias", "/columns/0");
		assertRefused(new ReportQuery("deals", List.of(new Column("name", null, "a"), new Column("amount", null, "a")),
				null, null, null, null), "error.report.duplicate_name", "/columns");
		assertRefused(new ReportQuery("deals", List.of(), null, null, null, null), "error.report.no_columns",
				"/columns");
	}

	@Test
	void badFiltersAreRefusedAsFilterProblems() {
		String deep = "{\"$not\":".repeat(1000) + "{\"name\":\"x\"}" + "}".repeat(1000);
		String manyValues = IntStream.range(0, 100_000)
			.mapToObj(String::valueOf)
			.collect(Collectors.joining(",", "{\"$in\":[\"amount\",[", "]]}"));
		for (String filter : List.of(deep, manyValues, "{\"$nope\":[\"name\",1]}", "{\"secret\":1}", "{not json")) {
			assertRefused(new ReportQuery("deals", List.of(Column.of("name")), filter, null, null, null),
					"error.report.filter", "/filter");
		}
	}

	@Test
	void exportsMayAskForMoreRowsThanPages() {
		ReportQuery query = new ReportQuery("deals", List.of(Column.of("name")), null, null, null, null);
		ReportSql.Plan plan = this.compiler.compile(query, this.rep, Locale.ENGLISH, true);
		assertThat(plan.limit()).isEqualTo(ReportSql.MAX_EXPORT_ROWS);
		assertThat(plan.parameters()).last().isEqualTo(ReportSql.MAX_EXPORT_ROWS);
	}

	private ReportSql.Plan compile(ReportQuery query) {
		return this.compiler.compile(query, this.rep, Locale.ENGLISH, false);
	}

	private void assertRefused(ReportQuery query, String key, String pointer) {
		assertThatExceptionOfType(ReportException.class).isThrownBy(() -> compile(query))
			.satisfies((ex) -> assertThat(ex.getMessageKey()).isEqualTo(key))
			.satisfies((ex) -> assertThat(ex.getPointer()).isEqualTo(pointer));
	}

}
