package org.potentia.forecast;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An opportunity's invoicing forecast rows in the catalogue (API name
 * {@code potential_forecasts}). The rows have no owner of their own: whoever may see the
 * opportunity sees them, and they go with it when it is deleted.
 */
@Configuration(proxyBeanMethods = false)
class PotentialForecastCatalogue {

	static final String NAME = "potential_forecasts";

	@Bean
	ModuleDefinition potentialForecastsModule() {
		return ModuleDefinition.builder(NAME, "potential_forecasts")
			.ownedThrough("potential_id")
			.display("CAST({a}.forecast_month AS VARCHAR(10))")
			.defaultSort("forecast_month")
			.summary("forecast_month", "business_area_id", "amount", "edited")
			.field(Field.of("potential_id", FieldType.RELATION).relation("potentials", "potential").required())
			.field(Field.of("forecast_month", FieldType.DATE).required())
			.field(Field.of("business_area_id", FieldType.RELATION).relation("business_areas", "business_area"))
			.field(Field.of("amount", FieldType.MONEY).scale(19, 2).required())
			.field(Field.of("edited", FieldType.BOOLEAN).readOnly())
			.build();
	}

}
