package org.potentia.history;

import java.util.List;

import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * History rows and snapshots as read-only API modules, so that a BI tool can extract them
 * with the filter language. Visibility follows the owner the row records.
 */
@Configuration(proxyBeanMethods = false)
class HistoryCatalogue {

	static final String HISTORY = "potential_history";

	static final String MONTHLY = "potential_monthly_snapshots";

	static final String DAILY = "potential_daily_snapshots";

	@Bean
	ModuleDefinition potentialHistoryModule() {
		return ModuleDefinition.builder(HISTORY, "potential_history")
			.archive()
			.ownedBy("owner_id")
			.display("CAST({a}.id AS VARCHAR(20))")
			.defaultSort("-changed_at")
			.field(Field.of("potential_id", FieldType.RELATION).relation("potentials", "potential").readOnly())
			.field(Field.of("changed_at", FieldType.DATETIME).readOnly())
			.field(Field.of("changed_by", FieldType.TEXT).size(100).readOnly())
			.field(Field.of("changed_by_id", FieldType.RELATION).relation("users", "changed_by_user").readOnly())
			.field(Field.of("source", FieldType.PICKLIST).options(SaveSource.codes()).readOnly())
			.field(Field.of("event", FieldType.PICKLIST).options(List.of("created", "changed", "deleted")).readOnly())
			.field(Field.of("stage_id", FieldType.RELATION).relation("stages", "stage").readOnly())
			.field(Field.of("previous_stage_id", FieldType.RELATION).relation("stages", "previous_stage").readOnly())
			.field(Field.of("stage_kind", FieldType.PICKLIST).options(List.of("open", "won", "lost")).readOnly())
			.field(Field.of("amount", FieldType.MONEY).scale(17, 2).readOnly())
			.field(Field.of("previous_amount", FieldType.MONEY).scale(17, 2).readOnly())
			.field(Field.of("probability", FieldType.PERCENT).readOnly())
			.field(Field.of("previous_probability", FieldType.PERCENT).readOnly())
			.field(Field.of("weighted_amount", FieldType.MONEY).scale(17, 2).readOnly())
			.field(Field.of("expected_close_date", FieldType.DATE).readOnly())
			.field(Field.of("previous_close_date", FieldType.DATE).readOnly())
			.field(Field.of("closed_date", FieldType.DATE).readOnly())
			.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner").readOnly())
			.field(Field.of("team_id", FieldType.INTEGER).readOnly())
			.field(Field.of("business_area_id", FieldType.RELATION)
				.relation("business_areas", "business_area")
				.readOnly())
			.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account").readOnly())
			.build();
	}

	@Bean
	ModuleDefinition potentialMonthlySnapshotsModule() {
		return snapshots(MONTHLY, "month");
	}

	@Bean
	ModuleDefinition potentialDailySnapshotsModule() {
		return snapshots(DAILY, "day");
	}

	private static ModuleDefinition snapshots(String name, String period) {
		return ModuleDefinition.builder(name, name)
			.archive()
			.ownedBy("owner_id")
			.display("CAST({a}.id AS VARCHAR(20))")
			.defaultSort("-" + period + ",potential_id")
			.field(Field.of(period, FieldType.DATE).column("period_" + period).readOnly())
			.field(Field.of("potential_id", FieldType.RELATION).relation("potentials", "potential").readOnly())
			.field(Field.of("stage_id", FieldType.RELATION).relation("stages", "stage").readOnly())
			.field(Field.of("kind", FieldType.PICKLIST).options(List.of("open", "won", "lost")).readOnly())
			.field(Field.of("amount", FieldType.MONEY).scale(17, 2).readOnly())
			.field(Field.of("probability", FieldType.PERCENT).readOnly())
			.field(Field.of("weighted_amount", FieldType.MONEY).scale(17, 2).readOnly())
			.field(Field.of("expected_close_date", FieldType.DATE).readOnly())
			.field(Field.of("closed_date", FieldType.DATE).readOnly())
			.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner").readOnly())
			.field(Field.of("team_id", FieldType.INTEGER).readOnly())
			.field(Field.of("business_area_id", FieldType.RELATION)
				.relation("business_areas", "business_area")
				.readOnly())
			.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account").readOnly())
			.field(Field.of("rebuilt", FieldType.BOOLEAN).readOnly())
			.build();
	}

}
