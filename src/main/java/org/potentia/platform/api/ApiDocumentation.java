package org.potentia.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
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
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.stereotype.Component;

/**
 * Describes the web service in the OpenAPI document, from the catalogue: every module's
 * paths, parameters, and request and response bodies attribute by attribute, so a new
 * module is documented without code here. Every operation has its own
 * {@code operationId}, every 4xx answer is the JSON:API error document
 * ({@value #ERRORS}), {@code /api/v1/tokens} takes HTTP Basic and everything else a
 * bearer token. The annotated controllers (user, tokens, lead conversion) refer to the
 * schemas made here by name.
 */
@Component
class ApiDocumentation implements OpenApiCustomizer {

	static final String ERRORS = "Errors";

	private static final String BEARER = "bearer";

	private static final String BASIC = "basic";

	private static final String REF = "#/components/schemas/";

	static {
		// The signed-in user is resolved from the token, never sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	private final Catalogue catalogue;

	private final RecordWriters writers;

	ApiDocumentation(Catalogue catalogue, RecordWriters writers) {
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
					+ "('$now -7 days'). Every error is a JSON:API error document. For BI tools there is also a "
					+ "read-only OData v4 feed of every module under /odata/ (not JSON:API; described by its own "
					+ "/odata/$metadata), with the same API tokens, as a bearer token or as the HTTP Basic password."))
			.externalDocs(new ExternalDocumentation()
				.description("The OData feed for Excel and Power BI: its data model (OData CSDL)")
				.url("/odata/$metadata"));
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		Components components = api.getComponents();
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("An API token: 'Authorization: Bearer <token>'"));
		components.addSecuritySchemes(BASIC,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("User name and password; only to make a token with POST /api/v1/tokens"));
		api.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
		commonSchemas(components);
		api.path("/api/v1/",
				new PathItem().get(operation("index", "listModules", "List the modules", null)
					.responses(ok("Links to every module", "ModuleIndex",
							Map.of("links", Map.of("accounts", Map.of("href", "/api/v1/accounts")), "meta",
									Map.of("modules", List.of("accounts")))))));
		for (ModuleDefinition module : this.catalogue.modules()) {
			document(api, module);
		}
		if (api.getPaths() != null) {
			api.getPaths().forEach(this::finish);
		}
	}

	/**
	 * What every operation shares, also those springdoc found on annotated controllers:
	 * an id, error documents for every 4xx, 401 without a valid token, and HTTP Basic on
	 * the token endpoint.
	 */
	private void finish(String path, PathItem item) {
		item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getOperationId() == null) {
				operation.setOperationId(method.name().toLowerCase(Locale.ROOT) + pascal(path));
			}
			ApiResponses responses = operation.getResponses();
			if (responses == null) {
				responses = new ApiResponses();
				operation.setResponses(responses);
			}
			responses.entrySet()
				.removeIf((entry) -> entry.getKey().startsWith("5") || "default".equals(entry.getKey()));
			if ("/api/v1/tokens".equals(path)) {
				operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
				responses.putIfAbsent("401", error("Wrong or missing user name and password"));
			}
			else {
				responses.putIfAbsent("401", error("No valid bearer token"));
			}
			responses.forEach((status, response) -> {
				if (status.startsWith("4")) {
					String description = (response.getDescription() != null) ? response.getDescription() : status;
					response.setContent(errorContent());
					response.setDescription(description);
				}
			});
		});
	}

	private void document(OpenAPI api, ModuleDefinition module) {
		String name = module.name();
		String type = pascal(name);
		boolean writable = this.writers.canWrite(name);
		api.addTagsItem(new Tag().name(name));
		moduleSchemas(api.getComponents(), module, writable);
		Map<String, Object> example = example(module);
		PathItem collection = new PathItem()
			.get(operation(name, "list" + type, "List " + name, listParameters(module)).responses(
					ok("One page of " + name + " with meta (total, page, page_size) and links", type + "ListDocument",
							Map.of("data", List.of(resourceExample(name, example)), "meta",
									Map.of("total", 1, "page", 1, "page_size", 20), "links",
									Map.of("self", "/api/v1/" + name + "?page[number]=1&page[size]=20")))
						.addApiResponse("400", error("A malformed filter, sort, fieldset, include or page"))));
		PathItem single = new PathItem()
			.get(operation(name, "get" + type, "Get one of " + name, List.of(idParameter(), includeParameter()))
				.responses(ok("The resource", type + "Document", Map.of("data", resourceExample(name, example)))
					.addApiResponse("400", error("A malformed include"))
					.addApiResponse("404", error("The record does not exist or you may not see it"))));
		if (writable) {
			collection.post(
					operation(name, "create" + type, "Create one of " + name, null)
						.requestBody(body(type + "CreateDocument", name, null, example))
						.responses(new ApiResponses()
							.addApiResponse("201",
									response("Created", type + "Document",
											Map.of("data", resourceExample(name, example))))
							.addApiResponse("400", error("Malformed JSON"))
							.addApiResponse("409", error("data.type does not match the module"))
							.addApiResponse("415", error("The body is not JSON"))
							.addApiResponse("422", error("Validation failed; source.pointer names the attribute"))));
			single.patch(operation(name, "update" + type, "Change some attributes of one of " + name,
					List.of(idParameter()))
				.requestBody(body(type + "UpdateDocument", name, "1", Map.of("version", 0)))
				.responses(ok("The changed resource", type + "Document", Map.of("data", resourceExample(name, example)))
					.addApiResponse("400", error("Malformed JSON"))
					.addApiResponse("404", error("Not found"))
					.addApiResponse("409", error(
							"Stale version: someone else changed it; or another change held the record at that moment: try again"))
					.addApiResponse("415", error("The body is not JSON"))
					.addApiResponse("422", error("Validation failed"))));
			single.delete(operation(name, "delete" + type, "Delete one of " + name, List.of(idParameter()))
				.responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Deleted"))
					.addApiResponse("404", error("Not found"))
					.addApiResponse("409", error("Other records still refer to it"))));
		}
		api.path("/api/v1/" + name, collection);
		api.path("/api/v1/" + name + "/{id}", single);
		api.path("/api/v1/schema/" + name, new PathItem()
			.get(operation(name, "describe" + type, "Describe the attributes of " + name, null).responses(ok(
					"primary-key, attributes (type, size, scale, nullable, defaultValue, label, "
							+ "relationType, relationName) and relations, at the top level",
					"ModuleDescription", Map.of("primary-key", "id", "attributes", Map.of(), "relations", Map.of())))));
	}

	/**
	 * The schemas shared by every module and by the annotated controllers.
	 */
	private static void commonSchemas(Components components) {
		components.addSchemas("ErrorSource",
				new ObjectSchema().description("What the error is about")
					.addProperty("pointer", new StringSchema().description("JSON pointer into the request document"))
					.addProperty("parameter", new StringSchema().description("The query parameter at fault")));
		components.addSchemas("Error",
				new ObjectSchema().addProperty("id", new StringSchema())
					.addProperty("status", new StringSchema().description("The HTTP status as a string").example("422"))
					.addProperty("code", new StringSchema())
					.addProperty("title", new StringSchema())
					.addProperty("detail", new StringSchema().description("What went wrong, in the language asked for"))
					.addProperty("source", ref("ErrorSource")));
		components.addSchemas(ERRORS,
				new ObjectSchema().description("A JSON:API error document")
					.addProperty("errors", new ArraySchema().items(ref("Error")).minItems(1))
					.addProperty("meta", new ObjectSchema().additionalProperties(true))
					.required(List.of("errors")));
		components.addSchemas("ResourceIdentifier",
				new ObjectSchema().addProperty("type", new StringSchema())
					.addProperty("id", new StringSchema())
					.required(List.of("type", "id")));
		components.addSchemas("Relationship",
				new ObjectSchema()
					.description("A link to one record; meta.visible is false for a record you may not see")
					.addProperty("data", ref("ResourceIdentifier"))
					.addProperty("meta", new ObjectSchema().addProperty("visible", new BooleanSchema())));
		components.addSchemas("ResourceLinks", new ObjectSchema().addProperty("self", new StringSchema()));
		components.addSchemas("Resource",
				new ObjectSchema().description("A resource of any module (in 'included')")
					.addProperty("id", new StringSchema())
					.addProperty("type", new StringSchema())
					.addProperty("attributes", new ObjectSchema().additionalProperties(true))
					.addProperty("relationships", new MapSchema().additionalProperties(ref("Relationship")))
					.addProperty("links", ref("ResourceLinks"))
					.required(List.of("id", "type")));
		components.addSchemas("ListMeta",
				new ObjectSchema().addProperty("total", new IntegerSchema().format("int64"))
					.addProperty("page", new IntegerSchema())
					.addProperty("page_size", new IntegerSchema())
					.required(List.of("total", "page", "page_size")));
		components.addSchemas("ListLinks",
				new ObjectSchema().description("Plain string links to pages of the same list")
					.addProperty("self", new StringSchema())
					.addProperty("first", new StringSchema())
					.addProperty("prev", new StringSchema())
					.addProperty("next", new StringSchema())
					.addProperty("last", new StringSchema()));
		components.addSchemas("ModuleLink", new ObjectSchema().addProperty("href", new StringSchema()));
		components.addSchemas("ModuleIndex",
				new ObjectSchema().addProperty("links", new MapSchema().additionalProperties(ref("ModuleLink")))
					.addProperty("meta",
							new ObjectSchema().addProperty("modules", new ArraySchema().items(new StringSchema()))));
		components.addSchemas("AttributeDescription",
				new ObjectSchema().addProperty("type", new StringSchema())
					.addProperty("size", new IntegerSchema())
					.addProperty("scale", new IntegerSchema())
					.addProperty("nullable", new BooleanSchema())
					.addProperty("readOnly", new BooleanSchema())
					.addProperty("defaultValue", new StringSchema().nullable(true))
					.addProperty("label", new StringSchema())
					.addProperty("options", new ArraySchema().items(new StringSchema()))
					.addProperty("relationType", new StringSchema().description("The module a relation links to"))
					.addProperty("relationName", new StringSchema()));
		components.addSchemas("RelationDescription", new ObjectSchema().addProperty("relationType", new StringSchema())
			.addProperty("foreignKey", new StringSchema()));
		components.addSchemas("ModuleDescription",
				new ObjectSchema().description("CRM-service's schema answer: the description at the top level")
					.addProperty("primary-key", new StringSchema())
					.addProperty("attributes", new MapSchema().additionalProperties(ref("AttributeDescription")))
					.addProperty("relations", new MapSchema().additionalProperties(ref("RelationDescription")))
					.required(List.of("primary-key", "attributes", "relations")));
		userSchemas(components);
	}

	/**
	 * The current user, tokens and lead conversion, whose controllers are annotated and
	 * refer to these by name.
	 */
	private static void userSchemas(Components components) {
		components.addSchemas("CurrentUserAttributes",
				new ObjectSchema().addProperty("name", new StringSchema())
					.addProperty("username", new StringSchema())
					.addProperty("email", new StringSchema().nullable(true))
					.addProperty("first_name", new StringSchema().nullable(true))
					.addProperty("last_name", new StringSchema())
					.addProperty("is_admin", new BooleanSchema())
					.addProperty("role", new StringSchema()._enum(List.of("admin", "manager", "rep")))
					.addProperty("team_id", new IntegerSchema().format("int64").nullable(true))
					.addProperty("locale", new StringSchema().nullable(true)));
		components.addSchemas("CurrentUserDocument",
				new ObjectSchema().addProperty("data", resource("users", ref("CurrentUserAttributes"), false))
					.required(List.of("data")));
		components.addSchemas("TokenAttributes", new ObjectSchema()
			.addProperty("name", new StringSchema().description("What the token is for").example("ERP sync"))
			.addProperty("token", new StringSchema().readOnly(true).description("Shown once; send as a bearer token")));
		components.addSchemas("TokenRequest",
				new ObjectSchema().addProperty("data",
						new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of("tokens")))
							.addProperty("attributes", new ObjectSchema().addProperty("name", new StringSchema()))));
		// The id is optional here so the document stays true while token answers gain
		// one.
		components.addSchemas("TokenDocument",
				new ObjectSchema()
					.addProperty("data",
							new ObjectSchema().addProperty("id", new StringSchema())
								.addProperty("type", new StringSchema()._enum(List.of("tokens")))
								.addProperty("attributes", ref("TokenAttributes"))
								.required(List.of("type", "attributes")))
					.required(List.of("data")));
		components.addSchemas("ConversionRequestAttributes", new ObjectSchema()
			.addProperty("tool", new StringSchema().description("The tool's code or id; the default tool if absent"))
			.addProperty("potentials", new ObjectSchema().additionalProperties(true))
			.addProperty("accounts", new ObjectSchema().additionalProperties(true))
			.addProperty("contacts", new ObjectSchema().additionalProperties(true))
			.addProperty("account_id", new IntegerSchema().format("int64").nullable(true))
			.addProperty("create_account", new BooleanSchema().nullable(true))
			.addProperty("contact_id", new IntegerSchema().format("int64").nullable(true))
			.addProperty("create_contact", new BooleanSchema().nullable(true)));
		components.addSchemas("ConversionRequest",
				new ObjectSchema().addProperty("data",
						new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of("conversions")))
							.addProperty("attributes", ref("ConversionRequestAttributes"))));
		components.addSchemas("ConversionAttributes",
				new ObjectSchema().addProperty("lead_id", new IntegerSchema().format("int64"))
					.addProperty("potential_id", new IntegerSchema().format("int64"))
					.addProperty("account_id", new IntegerSchema().format("int64").nullable(true))
					.addProperty("account_created", new BooleanSchema())
					.addProperty("contact_id", new IntegerSchema().format("int64").nullable(true))
					.addProperty("contact_created", new BooleanSchema())
					.addProperty("lead_deleted", new BooleanSchema()));
		components.addSchemas("ConversionDocument",
				new ObjectSchema().addProperty("data", resource("conversions", ref("ConversionAttributes"), false))
					.addProperty("included", new ArraySchema().items(ref("Resource")))
					.required(List.of("data")));
	}

	/**
	 * A module's attributes as answered, as written on create and on update, its resource
	 * and its documents.
	 */
	private void moduleSchemas(Components components, ModuleDefinition module, boolean writable) {
		String name = module.name();
		String type = pascal(name);
		components.addSchemas(type + "Attributes", attributes(module, Mode.ANSWER));
		components.addSchemas(type + "Resource", resource(name, ref(type + "Attributes"), true));
		components.addSchemas(type + "Document",
				new ObjectSchema().addProperty("data", ref(type + "Resource"))
					.addProperty("included", new ArraySchema().items(ref("Resource")))
					.required(List.of("data")));
		components.addSchemas(type + "ListDocument",
				new ObjectSchema().addProperty("data", new ArraySchema().items(ref(type + "Resource")))
					.addProperty("included", new ArraySchema().items(ref("Resource")))
					.addProperty("meta", ref("ListMeta"))
					.addProperty("links", ref("ListLinks"))
					.required(List.of("data", "meta", "links")));
		if (!writable) {
			return;
		}
		components.addSchemas(type + "NewAttributes", attributes(module, Mode.CREATE));
		components.addSchemas(type + "Changes", attributes(module, Mode.UPDATE));
		components.addSchemas(type + "CreateDocument",
				new ObjectSchema()
					.addProperty("data",
							new ObjectSchema().addProperty("type", typeSchema(name))
								.addProperty("attributes", ref(type + "NewAttributes"))
								.required(List.of("type", "attributes")))
					.required(List.of("data")));
		components.addSchemas(type + "UpdateDocument",
				new ObjectSchema()
					.addProperty("data",
							new ObjectSchema().addProperty("type", typeSchema(name))
								.addProperty("id", new StringSchema())
								.addProperty("attributes", ref(type + "Changes"))
								.required(List.of("type", "attributes")))
					.required(List.of("data")));
	}

	private static Schema<?> resource(String module, Schema<?> attributes, boolean related) {
		ObjectSchema resource = new ObjectSchema();
		resource.addProperty("id", new StringSchema());
		resource.addProperty("type", typeSchema(module));
		resource.addProperty("attributes", attributes);
		if (related) {
			resource.addProperty("relationships", new MapSchema().additionalProperties(ref("Relationship")));
			resource.addProperty("links", ref("ResourceLinks"));
		}
		resource.required(List.of("id", "type", "attributes"));
		return resource;
	}

	private static Schema<?> typeSchema(String module) {
		return new StringSchema()._enum(List.of(module));
	}

	private enum Mode {

		/** Every attribute, as answered; a sparse fieldset may leave any out. */
		ANSWER,
		/** The attributes a client may write, with those it must give. */
		CREATE,
		/** The attributes a client may write, all optional (a partial update). */
		UPDATE

	}

	private Schema<?> attributes(ModuleDefinition module, Mode mode) {
		ObjectSchema schema = new ObjectSchema();
		for (Field field : module.fields()) {
			if ("id".equals(field.name()) || (mode != Mode.ANSWER && field.readOnly())) {
				continue;
			}
			Schema<?> property = switch (field.type()) {
				case ID, RELATION -> new IntegerSchema().format("int64");
				case INTEGER, PERCENT -> new IntegerSchema();
				case DECIMAL, MONEY -> new NumberSchema();
				case BOOLEAN -> new BooleanSchema();
				case DATE -> new DateSchema();
				case DATETIME -> new DateTimeSchema();
				default -> new StringSchema().maxLength((field.size() > 0) ? field.size() : null);
			};
			if (!field.options().isEmpty()) {
				@SuppressWarnings("unchecked")
				Schema<Object> options = (Schema<Object>) property;
				options.setEnum(List.copyOf(field.options()));
			}
			String label = this.catalogue.label(module, field, Locale.ENGLISH);
			property.description(field.isRelation() ? label + ": id of a record of " + field.relationModule()
					+ " (relation '" + field.relationName() + "')" : label);
			property.nullable(field.required() ? null : Boolean.TRUE);
			if (mode == Mode.ANSWER) {
				property.readOnly(field.readOnly() ? Boolean.TRUE : null);
			}
			schema.addProperty(field.name(), property);
			if (mode == Mode.CREATE && mustBeGiven(field)) {
				schema.addRequiredItem(field.name());
			}
		}
		return schema;
	}

	/**
	 * A required field that the server does not fill in itself: choices, links and flags
	 * have a default (the first stage, the lead source "api", the signed-in owner).
	 */
	private static boolean mustBeGiven(Field field) {
		return field.required() && field.type() != FieldType.PICKLIST && field.type() != FieldType.RELATION
				&& field.type() != FieldType.BOOLEAN;
	}

	private static Operation operation(String tag, String id, String summary, List<Parameter> parameters) {
		Operation operation = new Operation().addTagsItem(tag).operationId(id).summary(summary);
		if (parameters != null) {
			parameters.forEach(operation::addParametersItem);
		}
		return operation;
	}

	private static List<Parameter> listParameters(ModuleDefinition module) {
		return List.of(
				query("page[number]", "Page number, from 1", new IntegerSchema().minimum(java.math.BigDecimal.ONE), 1),
				query("page[size]", "Page size, 1 to 500 (default 20)", new IntegerSchema(), 20),
				query("sort", "Fields to sort by, comma separated; '-' for descending", new StringSchema(),
						"-updated_at"),
				query("fields[" + module.name() + "]", "Sparse fieldset: the attributes to answer", new StringSchema(),
						null),
				query("filter", "Filter expression in JSON (see the API description)", new StringSchema(),
						"{\"$cts\":[\"" + module.fields().get(1).name() + "\",\"a\"]}"),
				query("q", "Search text (contains, case-insensitive) over the module's search fields",
						new StringSchema(), null),
				includeParameter());
	}

	private static Parameter includeParameter() {
		return query("include", "Linked records to include, by relation name (e.g. account,owner)", new StringSchema(),
				null);
	}

	private static Parameter idParameter() {
		return new Parameter().in("path").name("id").required(true).schema(new StringSchema()).example("1");
	}

	private static Parameter query(String name, String description, Schema<?> schema, Object example) {
		Parameter parameter = new Parameter().in("query").name(name).description(description).schema(schema);
		if (example != null) {
			parameter.example(example);
		}
		return parameter;
	}

	private static RequestBody body(String schema, String name, String id, Map<String, Object> attributes) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", name);
		if (id != null) {
			data.put("id", id);
		}
		data.put("attributes", attributes);
		return new RequestBody().required(true)
			.content(new Content().addMediaType(JsonApi.MEDIA_TYPE,
					new MediaType().schema(ref(schema)).example(Map.of("data", data))));
	}

	private static ApiResponses ok(String description, String schema, Object example) {
		return new ApiResponses().addApiResponse("200", response(description, schema, example));
	}

	private static ApiResponse response(String description, String schema, Object example) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(JsonApi.MEDIA_TYPE,
					new MediaType().schema(ref(schema)).example(example)));
	}

	private static ApiResponse error(String description) {
		return new ApiResponse().description(description).content(errorContent());
	}

	private static Content errorContent() {
		return new Content().addMediaType(JsonApi.MEDIA_TYPE, new MediaType().schema(ref(ERRORS)));
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref(REF + name);
	}

	private static Map<String, Object> resourceExample(String name, Map<String, Object> attributes) {
		return Map.of("id", "1", "type", name, "attributes", attributes);
	}

	/**
	 * {@code potential_history} → {@code PotentialHistory}; a path gives
	 * {@code /api/v1/leads/{id}/convert} → {@code ApiV1LeadsIdConvert}.
	 */
	static String pascal(String text) {
		StringBuilder result = new StringBuilder();
		for (String part : text.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return result.toString();
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
