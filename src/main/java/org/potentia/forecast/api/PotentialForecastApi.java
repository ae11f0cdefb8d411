package org.potentia.forecast.api;

import org.potentia.forecast.PotentialForecastForm;
import org.potentia.forecast.PotentialForecastService;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code potential_forecasts} module of the web service: reads are generic (with the
 * opportunity's visibility), writes go through the service, one row at a time, marked as
 * edited by hand.
 */
@Configuration(proxyBeanMethods = false)
class PotentialForecastApi {

	@Bean
	RecordWriter<PotentialForecastForm> potentialForecastWriter(PotentialForecastService forecasts,
			ModuleDefinition potentialForecastsModule) {
		return RecordWriter.of(potentialForecastsModule, forecasts::newForm, forecasts::formOf,
				(form, user) -> forecasts.create(form, user).getId(), forecasts::update, forecasts::delete);
	}

}
