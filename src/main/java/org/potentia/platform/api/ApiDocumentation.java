package org.potentia.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the generic JSON:API controller module by module, from the catalogue: every
 * module's paths, parameters, attribute schema and examples appear in the OpenAPI
 * document, and a new module is documented without code here.
 */
@Component
class ApiDocumentation implements OpenApiCustomizer {

	private static final String BEARER = "bearer";

	private final Catalogue catalogue;

	private final List<RecordWriter<?>> writers;

	ApiDocumentation(Catalogue catalogue, List<RecordWriter<?>> writers) {
		this.catalogue = catalogue;
		this.writers = writers;
	}

	@Override
	public void customise(OpenAPI api) {
		api.info(new Info().title("Potentia web service API")
			.version("v1")
			.description("JSON:API-style REST in the dialect of CRM-service's REST API v1. Authenticate with "
					+ "'Authorization: Bearer <token>'; make a token on your profile page or with POST /api/v1/tokens "
					+ "under HTTP Basic. Filters: filter={\"$op\":[field, args…]} with $eq $ne $gt $gte $lt $lte $in "
					+ "$nin $between $not.between $is.null $not.null $beg $end $cts $not.cts $like $regex $and $or "
					+ "$nor $not, the shorthand {\"field\":\"value\"}, relation.field, and $now date arithmetic "
					+ "('$now -7 days')."));
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents()
			.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"));
		api.addSecurityItem(new SecurityRequirement().addList(BEARER));
		api.path("/api/v1/", new PathItem().get(operation("index", "List the modules", null).responses(
				ok("Links to every module", Map.of("links", Map.of("accounts", Map.of("href", "/api/v1/accounts")))))));
		for (ModuleDefinition module : this.catalogue.modules()) {
			document(api, module);
		}
	}

	private void document(OpenAPI api, ModuleDefinition module) {
		String name = module.name();
		boolean writable = this.writers.stream().anyMatch((writer) -> writer.definition().name().equals(name));
		api.addTagsItem(new Tag().name(name));
		api.getComponents().addSchemas(name, attributesSchema(module));
		Map<String, Object> example = example(module);
		PathItem collection = new PathItem().get(operation(name, "List " + name, listParameters(module))
			.responses(ok("One page of " + name + " with meta (total, page, page_size) and links",
					Map.of("data", List.of(resourceExample(name, example)), "meta",
							Map.of("total", 1, "page", 1, "page_size", 20), "links",
							Map.of("self", "/api/v1/" + name + "?page[number]=1&page[size]=20")))));
		PathItem single = new PathItem()
			.get(operation(name, "Get one of " + name, List.of(idParameter(), includeParameter()))
				.responses(ok("The resource", Map.of("data", resourceExample(name, example))).addApiResponse("404",
						error("The record does not exist or you may not see it"))));
		if (writable) {
			collection.post(operation(name, "Create one of " + name, null).requestBody(body(name, null, example))
				.responses(new ApiResponses()
					.addApiResponse("201", response("Created", Map.of("data", resourceExample(name, example))))
					.addApiResponse("400", error("Malformed JSON"))
					.addApiResponse("422", error("Validation failed; source.pointer names the attribute"))));
			single.patch(operation(name, "Change some attributes of one of " + name, List.of(idParameter()))
				.requestBody(body(name, "1", Map.of("version", 0)))
				.responses(ok("The changed resource", Map.of("data", resourceExample(name, example)))
					.addApiResponse("404", error("Not found"))
					.addApiResponse("409", error("Stale version: someone else changed it"))
					.addApiResponse("422", error("Validation failed"))));
			single.delete(operation(name, "Delete one of " + name, List.of(idParameter()))
				.responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Deleted"))
					.addApiResponse("404", error("Not found"))
					.addApiResponse("409", error("Other records still refer to it"))));
		}
		api.path("/api/v1/" + name, collection);
		api.path("/api/v1/" + name + "/{id}", single);
		api.path("/api/v1/schema/" + name,
				new PathItem().get(operation(name, "Describe the attributes of " + name, null).responses(
						ok("type, size, scale, nullable, defaultValue, label, relationType, relationName per attribute",
								Map.of("primary-key", "id", "attributes", Map.of(), "relations", Map.of())))));
	}

	private static Operation operation(String tag, String summary, List<Parameter> parameters) {
		Operation operation = new Operation().addTagsItem(tag).summary(summary);
		if (parameters != null) {
			parameters.forEach(operation::addParametersItem);
		}
		return operation;
	}

	private static List<Parameter> listParameters(ModuleDefinition module) {
		return List.of(query("page[number]", "Page number, from 1", "1"),
				query("page[size]", "Page size, 1 to 500 (default 20)", "20"),
				query("sort", "Fields to sort by, comma separated; '-' for descending", "-updated_at"),
				query("fields[" + module.name() + "]", "Sparse fieldset: the attributes to answer", null),
				query("filter", "Filter expression in JSON (see the API description)",
						"{\"$cts\":[\"" + module.fields().get(1).name() + "\",\"a\"]}"),
				query("q", "Search text (contains, case-insensitive) over the module's search fields", null),
				includeParameter());
	}

	private static Parameter includeParameter() {
		return query("include", "Linked records to include, by relation name (e.g. account,owner)", null);
	}

	private static Parameter idParameter() {
		return new Parameter().in("path").name("id").required(true).schema(new StringSchema()).example("1");
	}

	private static Parameter query(String name, String description, String example) {
		Parameter parameter = new Parameter().in("query")
			.name(name)
			.description(description)
			.schema(new StringSchema());
		if (example != null) {
			parameter.example(example);
		}
		return parameter;
	}

	private static RequestBody body(String name, String id, Map<String, Object> attributes) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", name);
		if (id != null) {
			data.put("id", id);
		}
		data.put("attributes", attributes);
		return new RequestBody().required(true)
			.content(new Content().addMediaType(JsonApi.MEDIA_TYPE,
					new MediaType().schema(new ObjectSchema()).example(Map.of("data", data))));
	}

	private static ApiResponses ok(String description, Object example) {
		return new ApiResponses().addApiResponse("200", response(description, example));
	}

	private static ApiResponse response(String description, Object example) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(JsonApi.MEDIA_TYPE,
					new MediaType().schema(new ObjectSchema()).example(example)));
	}

	private static ApiResponse error(String description) {
		return response(description, Map.of("errors", List.of(Map.of("status", "4xx", "detail", description))));
	}

	private static Map<String, Object> resourceExample(String name, Map<String, Object> attributes) {
		return Map.of("id", "1", "type", name, "attributes", attributes);
	}

	private static Schema<?> attributesSchema(ModuleDefinition module) {
		ObjectSchema schema = new ObjectSchema();
		for (Field field : module.fields()) {
			if ("id".equals(field.name())) {
				continue;
			}
			Schema<?> property = switch (field.type()) {
				case ID, INTEGER, RELATION, PERCENT -> new io.swagger.v3.oas.models.media.IntegerSchema();
				case DECIMAL, MONEY -> new io.swagger.v3.oas.models.media.NumberSchema();
				case BOOLEAN -> new io.swagger.v3.oas.models.media.BooleanSchema();
				case DATE -> new io.swagger.v3.oas.models.media.DateSchema();
				case DATETIME -> new io.swagger.v3.oas.models.media.DateTimeSchema();
				default -> new StringSchema().maxLength((field.size() > 0) ? field.size() : null);
			};
			if (!field.options().isEmpty()) {
				@SuppressWarnings("unchecked")
				Schema<Object> options = (Schema<Object>) property;
				options.setEnum(List.copyOf(field.options()));
			}
			if (field.isRelation()) {
				property.description(
						"Id of a record of " + field.relationModule() + " (relation '" + field.relationName() + "')");
			}
			property.readOnly(field.readOnly() ? Boolean.TRUE : null);
			schema.addProperty(field.name(), property);
			if (field.required()) {
				schema.addRequiredItem(field.name());
			}
		}
		return schema;
	}

	private static Map<String, Object> example(ModuleDefinition module) {
		Map<String, Object> example = new LinkedHashMap<>();
		for (Field field : module.fields()) {
			if (field.readOnly() || "version".equals(field.name())) {
				continue;
			}
			if (field.required() || example.size() < 3) {
				example.put(field.name(), switch (field.type()) {
					case MONEY, DECIMAL -> 25000.00;
					case INTEGER, PERCENT -> 50;
					case RELATION, ID -> 1;
					case DATE -> "2026-12-31";
					case BOOLEAN -> true;
					case PICKLIST -> field.options().isEmpty() ? "value" : field.options().get(0);
					case EMAIL -> "anna.meier@example.com";
					default -> "Example " + field.name().replace('_', ' ');
				});
			}
		}
		return example;
	}

}
