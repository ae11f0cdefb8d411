package org.potentia.forecast.api;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The schemas of the billing bulk upsert's request and answer, for the OpenAPI document;
 * a row's attributes are those of a new billing row, as the catalogue describes them.
 */
@Component
class BillingBulkDocumentation implements OpenApiCustomizer {

	static final String REQUEST = "BillingBulkRequest";

	static final String RESPONSE = "BillingBulkDocument";

	private static final String REF = "#/components/schemas/";

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new io.swagger.v3.oas.models.Components());
		}
		Schema<?> row = new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of("billing")))
			.addProperty("attributes", new Schema<>().$ref(REF + "BillingNewAttributes"))
			.required(List.of("attributes"));
		api.getComponents()
			.addSchemas(REQUEST, new ObjectSchema().addProperty("data", new ArraySchema().items(row).maxItems(10_000))
				.required(List.of("data")));
		Schema<?> result = new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of("billing")))
			.addProperty("id", new StringSchema())
			.addProperty("attributes", new ObjectSchema().addProperty("external_id", new StringSchema())
				.addProperty("result", new StringSchema()._enum(List.of("created", "updated", "unchanged"))));
		api.getComponents()
			.addSchemas(RESPONSE,
					new ObjectSchema().addProperty("data", new ArraySchema().items(result))
						.addProperty("meta",
								new ObjectSchema().addProperty("created", new IntegerSchema())
									.addProperty("updated", new IntegerSchema())
									.addProperty("unchanged", new IntegerSchema())
									.addProperty("total", new IntegerSchema()))
						.required(List.of("data", "meta")));
	}

}
