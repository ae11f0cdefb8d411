package org.potentia.tool.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.potentia.platform.SaveSource;
import org.potentia.platform.api.JsonApi;
import org.potentia.platform.api.Resources;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.BadQueryException;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.tool.ConversionService;
import org.potentia.tool.ToolService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/leads/{id}/convert}: converts a lead with the default tool (no
 * body) or the one named, with field overrides; answers the records created or linked. A
 * second conversion of the same lead answers 409.
 */
@RestController
@JsonApi
@Tag(name = "leads")
@RequestMapping(path = "/api/v1/leads", produces = { JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
class ConversionApiController {

	private final ConversionService conversions;

	private final ToolService tools;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final ObjectMapper json;

	ConversionApiController(ConversionService conversions, ToolService tools, Catalogue catalogue,
			RecordQueries queries, ObjectMapper json) {
		this.conversions = conversions;
		this.tools = tools;
		this.catalogue = catalogue;
		this.queries = queries;
		this.json = json;
	}

	@PostMapping("/{id}/convert")
	@Operation(operationId = "convertLead", summary = "Convert a lead",
			description = "Without a body the default tool runs. Body (all optional): {\"data\":{\"type\":\"conversions\","
					+ "\"attributes\":{\"tool\":\"convert_lead\",\"potentials\":{\"amount\":25000},"
					+ "\"accounts\":{},\"contacts\":{},\"account_id\":12,\"create_account\":true,"
					+ "\"contact_id\":null,\"create_contact\":true}}}. Answers 201 with the ids and the records in "
					+ "'included'; 409 if the lead is already converted; 422 with pointers such as "
					+ "/data/attributes/potentials.amount.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = JsonApi.MEDIA_TYPE, schema = @Schema(ref = "ConversionRequest"))))
	@ApiResponse(responseCode = "201", description = "The records made or linked",
			content = @Content(mediaType = JsonApi.MEDIA_TYPE, schema = @Schema(ref = "ConversionDocument")))
	@ApiResponse(responseCode = "400", description = "Malformed JSON")
	@ApiResponse(responseCode = "403", description = "Not allowed to convert leads")
	@ApiResponse(responseCode = "404", description = "No such lead, or one you may not see")
	@ApiResponse(responseCode = "409", description = "The lead is already converted")
	@ApiResponse(responseCode = "422", description = "A value is not valid; source.pointer names it")
	ResponseEntity<Map<String, Object>> convert(@PathVariable String id, @RequestBody(required = false) String body,
			CurrentUser user) {
		long leadId;
		try {
			leadId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new org.potentia.platform.NotFoundException("leads", id);
		}
		ConversionService.Request request = request(body);
		ConversionService.Result result = this.conversions.convert(leadId, request, user, SaveSource.API);
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("lead_id", result.leadId());
		attributes.put("potential_id", result.opportunityId());
		attributes.put("account_id", result.accountId());
		attributes.put("account_created", result.accountCreated());
		attributes.put("contact_id", result.contactId());
		attributes.put("contact_created", result.contactCreated());
		attributes.put("lead_deleted", result.leadDeleted());
		List<Map<String, Object>> included = new ArrayList<>();
		include(included, "potentials", result.opportunityId(), user);
		include(included, "accounts", result.accountId(), user);
		include(included, "contacts", result.contactId(), user);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("data", Map.of("type", "conversions", "id", String.valueOf(leadId), "attributes", attributes));
		document.put("included", included);
		return ResponseEntity.status(HttpStatus.CREATED).body(document);
	}

	private void include(List<Map<String, Object>> included, String module, Long id, CurrentUser user) {
		if (id == null) {
			return;
		}
		ModuleDefinition definition = this.catalogue.get(module);
		this.queries.get(definition, id, CurrentUser.SYSTEM)
			.ifPresent((row) -> included.add(Resources.of(definition, row, null)));
	}

	private ConversionService.Request request(String body) {
		if (body == null || body.isBlank()) {
			return ConversionService.Request.defaults();
		}
		JsonNode attributes;
		try {
			attributes = this.json.readTree(body).path("data").path("attributes");
		}
		catch (JacksonException ex) {
			throw new BadQueryException("error.query.body_json");
		}
		if (attributes.isMissingNode() || attributes.isNull()) {
			return ConversionService.Request.defaults();
		}
		if (!attributes.isObject()) {
			throw new BadQueryException("error.query.body_attributes");
		}
		Long toolId = null;
		JsonNode tool = attributes.get("tool");
		if (tool != null && !tool.isNull()) {
			if (tool.isString()) {
				toolId = this.tools.byCode(tool.asString()).getId();
			}
			else {
				toolId = longOrNull(tool);
			}
		}
		Map<String, Map<String, Object>> values = new LinkedHashMap<>();
		for (String module : List.of("potentials", "accounts", "contacts")) {
			JsonNode node = attributes.get(module);
			if (node != null && node.isObject()) {
				Map<String, Object> fields = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> entry : node.properties()) {
					JsonNode value = entry.getValue();
					if (value.isContainer()) {
						throw new BadQueryException("error.query.single_value", module + "." + entry.getKey());
					}
					fields.put(entry.getKey(),
							value.isNull() ? null : value.isNumber() ? value.numberValue() : value.asString());
				}
				values.put(module, fields);
			}
		}
		return new ConversionService.Request(toolId, values, longOrNull(attributes.get("account_id")),
				boolOrNull(attributes.get("create_account")), longOrNull(attributes.get("contact_id")),
				boolOrNull(attributes.get("create_contact")));
	}

	private static Long longOrNull(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString() && node.asString().matches("\\d{1,18}")) {
			return Long.parseLong(node.asString());
		}
		throw new BadQueryException("error.query.conversion_ids");
	}

	private static Boolean boolOrNull(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString() && node.asString().matches("true|false")) {
			return Boolean.valueOf(node.asString());
		}
		throw new BadQueryException("error.query.conversion_flags");
	}

}
