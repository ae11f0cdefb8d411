package org.potentia.forecast.api;

import org.potentia.forecast.AccountForecastForm;
import org.potentia.forecast.AccountForecastService;
import org.potentia.forecast.BillingForm;
import org.potentia.forecast.BillingService;
import org.potentia.forecast.BudgetForm;
import org.potentia.forecast.BudgetService;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account figures of the web service and the CSV import: reads are generic, writes go
 * through the services (the account must be one the user may see; a locked budget year
 * answers 409). {@code account_forecast_versions} has no writer: it is read-only.
 */
@Configuration(proxyBeanMethods = false)
class AccountFiguresApi {

	@Bean
	RecordWriter<BudgetForm> budgetWriter(BudgetService budgets, ModuleDefinition accountBudgetsModule) {
		return RecordWriter.sourced(accountBudgetsModule, budgets::newForm, budgets::formOf, budgets::create,
				budgets::update, budgets::delete);
	}

	@Bean
	RecordWriter<AccountForecastForm> accountForecastWriter(AccountForecastService forecasts,
			ModuleDefinition accountForecastsModule) {
		return RecordWriter.sourced(accountForecastsModule, forecasts::newForm, forecasts::formOf, forecasts::create,
				forecasts::update, forecasts::delete);
	}

	@Bean
	RecordWriter<BillingForm> billingWriter(BillingService billing, ModuleDefinition billingModule) {
		return RecordWriter.sourced(billingModule, billing::newForm, billing::formOf, billing::create, billing::update,
				billing::delete);
	}

}
