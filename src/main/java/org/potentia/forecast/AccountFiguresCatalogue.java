package org.potentia.forecast;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An account's figures in the catalogue: budgets, rolling forecasts (current values and
 * every version) and actual billing. Each row belongs to its account and is seen by
 * whoever may see the account ({@code ownedThrough("account_id")}); deleting the account
 * deletes its rows.
 */
@Configuration(proxyBeanMethods = false)
class AccountFiguresCatalogue {

	static final String BUDGETS = "account_budgets";

	static final String FORECASTS = "account_forecasts";

	static final String FORECAST_VERSIONS = "account_forecast_versions";

	static final String BILLING = "billing";

	static final String DISPLAY = "(SELECT a.name FROM accounts a WHERE a.id = {a}.account_id)";

	@Bean
	ModuleDefinition accountBudgetsModule() {
		return figures(BUDGETS, "budget_month").defaultSort("budget_month")
			.summary("budget_month", "business_area_id", "amount", "currency")
			.build();
	}

	@Bean
	ModuleDefinition accountForecastsModule() {
		return figures(FORECASTS, "forecast_month").defaultSort("forecast_month")
			.summary("forecast_month", "business_area_id", "amount", "currency")
			.build();
	}

	/**
	 * A table of amounts per account, month and business area, with its fields in the
	 * order every such table has them: the account, the month, the business area, the
	 * amount and its currency.
	 * @param monthField the month's field (and column)
	 */
	private static ModuleDefinition.Builder figures(String name, String monthField) {
		return ModuleDefinition.builder(name, name)
			.uiPath("/forecast/" + name)
			.ownedThrough("account_id")
			.display(DISPLAY)
			.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account").required())
			.field(Field.of(monthField, FieldType.DATE).required())
			.field(Field.of("business_area_id", FieldType.RELATION)
				.relation("business_areas", "business_area")
				.required())
			.field(Field.of("amount", FieldType.MONEY).scale(19, 2).required())
			.field(Field.of("currency", FieldType.TEXT).size(3));
	}

	/**
	 * Every value a rolling forecast ever had, valid from its time on: read-only, like
	 * history.
	 */
	@Bean
	ModuleDefinition accountForecastVersionsModule() {
		return ModuleDefinition.builder(FORECAST_VERSIONS, "account_forecast_versions")
			.archive()
			.uiPath("/forecast/account_forecast_versions")
			.ownedThrough("account_id")
			.display(DISPLAY)
			.defaultSort("-valid_from")
			.summary("forecast_month", "business_area_id", "amount", "currency", "valid_from")
			.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account").required().readOnly())
			.field(Field.of("forecast_month", FieldType.DATE).readOnly())
			.field(Field.of("business_area_id", FieldType.RELATION)
				.relation("business_areas", "business_area")
				.readOnly())
			.field(Field.of("amount", FieldType.MONEY).scale(19, 2).readOnly())
			.field(Field.of("currency", FieldType.TEXT).size(3).readOnly())
			.field(Field.of("valid_from", FieldType.DATETIME).readOnly())
			.field(Field.of("changed_by", FieldType.TEXT).size(100).readOnly())
			.build();
	}

	@Bean
	ModuleDefinition billingModule() {
		return figures(BILLING, "billing_month").search("LOWER({a}.invoice_number)")
			.search("LOWER({a}.external_id)")
			.defaultSort("-billing_month")
			.summary("billing_month", "business_area_id", "amount", "currency", "invoice_number")
			.field(Field.of("invoice_number", FieldType.TEXT).size(100).searchable())
			.field(Field.of("invoice_date", FieldType.DATE))
			.field(Field.of("external_id", FieldType.TEXT).size(100).searchable())
			.build();
	}

}
