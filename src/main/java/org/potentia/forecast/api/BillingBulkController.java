package org.potentia.forecast.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.potentia.forecast.BillingBulkUpsert;
import org.potentia.forecast.BillingForm;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.ApiError;
import org.potentia.platform.api.AttributeBinder;
import org.potentia.platform.api.JsonApi;
import org.potentia.platform.api.JsonAttributes;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/billing/bulk}: an ERP's upsert of up to 10,000 billing rows by
 * external id, all or nothing, idempotent. Refused rows come back as JSON:API errors
 * whose pointer names the row and field ({@code /data/17/attributes/amount}).
 */
@RestController
@JsonApi
@Tag(name = "billing")
@RequestMapping(path = "/api/v1/billing", produces = { JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
class BillingBulkController {

	/**
	 * The largest body read: 10,000 rows with long invoice numbers fit well within it.
	 */
	static final int MAX_BODY = 16 * 1024 * 1024;

	private final BillingBulkUpsert bulk;

	private final AttributeBinder binder;

	private final ModuleDefinition module;

	private final ObjectMapper json;

	private final Messages messages;

	BillingBulkController(BillingBulkUpsert bulk, AttributeBinder binder, ModuleDefinition billingModule,
			ObjectMapper json, Messages messages) {
		this.bulk = bulk;
		this.binder = binder;
		this.module = billingModule;
		this.json = json;
		this.messages = messages;
	}

	@PostMapping(path = "/bulk", consumes = { JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(operationId = "upsertBilling", summary = "Upsert billing rows in bulk by external id",
			description = "Up to 10,000 rows per request: {\"data\":[{\"type\":\"billing\",\"attributes\":"
					+ "{\"external_id\":\"INV-1001-1\",\"account_id\":12,\"billing_month\":\"2026-03-01\","
					+ "\"business_area_id\":2,\"amount\":1200.50,\"currency\":\"EUR\",\"invoice_number\":\"1001\","
					+ "\"invoice_date\":\"2026-03-14\"}}]}. A row whose external_id exists updates that row, others "
					+ "are added; a row equal to the stored one is left alone (version and updated_at unchanged), "
					+ "so sending the same rows twice changes nothing. All or nothing, in one transaction: if any "
					+ "row is refused, nothing is written and the answer is 422 with one error per refused field, "
					+ "its source.pointer naming the row by its index (/data/17/attributes/amount). external_id, "
					+ "account_id (an account you may see), billing_month (any day of the month), business_area_id "
					+ "and amount are required; amounts may be negative (credit notes); the currency defaults to "
					+ "EUR. More than 10,000 rows or a body over 16 MB answers 413.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = JsonApi.MEDIA_TYPE,
							schema = @Schema(ref = BillingBulkDocumentation.REQUEST))))
	@ApiResponse(responseCode = "200", description = "Every row saved: each row's id and what became of it",
			content = @Content(mediaType = JsonApi.MEDIA_TYPE,
					schema = @Schema(ref = BillingBulkDocumentation.RESPONSE)))
	@ApiResponse(responseCode = "400", description = "Malformed JSON, or no 'data' array")
	@ApiResponse(responseCode = "413", description = "More than 10,000 rows, or a body over 16 MB")
	@ApiResponse(responseCode = "422",
			description = "Rows refused; nothing was written. source.pointer names " + "each row and field")
	ResponseEntity<Map<String, Object>> upsert(HttpServletRequest request, CurrentUser user) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			return ApiError.of(HttpStatus.CONTENT_TOO_LARGE, this.messages.get("error.too_large"));
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			return ApiError.of(HttpStatus.CONTENT_TOO_LARGE, this.messages.get("error.too_large"));
		}
		JsonNode document;
		try {
			document = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return ApiError.of(HttpStatus.BAD_REQUEST, this.messages.get("figures.bulk.json"));
		}
		JsonNode data = (document != null) ? document.get("data") : null;
		if (data == null || !data.isArray()) {
			return ApiError.of(HttpStatus.BAD_REQUEST, this.messages.get("figures.bulk.data"));
		}
		if (data.size() > BillingBulkUpsert.MAX_ROWS) {
			return ApiError.of(HttpStatus.CONTENT_TOO_LARGE,
					this.messages.get("figures.bulk.too_many", BillingBulkUpsert.MAX_ROWS, data.size()));
		}
		List<BillingForm> rows = new ArrayList<>();
		List<BillingBulkUpsert.RowError> errors = new ArrayList<>();
		for (int i = 0; i < data.size(); i++) {
			JsonNode resource = data.get(i);
			JsonNode attributes = resource.isObject() ? resource.get("attributes") : null;
			JsonNode type = resource.isObject() ? resource.get("type") : null;
			if (attributes == null || !attributes.isObject()
					|| (type != null && !type.isNull() && !"billing".equals(type.asString()))) {
				errors.add(new BillingBulkUpsert.RowError(i, new FieldError("", "figures.bulk.row")));
				rows.add(null);
				continue;
			}
			try {
				rows.add(this.binder.bind(this.module, JsonAttributes.of(attributes), new BillingForm()));
			}
			catch (ValidationException ex) {
				int index = i;
				ex.getErrors().forEach((error) -> errors.add(new BillingBulkUpsert.RowError(index, error)));
				rows.add(null);
			}
		}
		BillingBulkUpsert.Result result = this.bulk.upsert(rows, errors, user);
		List<Map<String, Object>> resources = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("external_id", rows.get(i).getExternalId().trim());
			attributes.put("result", result.results().get(i));
			resources
				.add(Map.of("type", "billing", "id", String.valueOf(result.ids().get(i)), "attributes", attributes));
		}
		Map<String, Object> document2 = new LinkedHashMap<>();
		document2.put("data", resources);
		document2.put("meta", Map.of("created", result.created(), "updated", result.updated(), "unchanged",
				result.unchanged(), "total", rows.size()));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(JsonApi.MEDIA_TYPE)).body(document2);
	}

	@ExceptionHandler(BillingBulkUpsert.Refused.class)
	ResponseEntity<Map<String, Object>> refused(BillingBulkUpsert.Refused ex) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (BillingBulkUpsert.RowError error : ex.getErrors()) {
			String field = error.error().field();
			String pointer = "/data/" + error.index() + (field.isEmpty() ? "" : "/attributes/" + field);
			errors.add(ApiError.error(HttpStatus.UNPROCESSABLE_CONTENT,
					this.messages.get("figures.bulk.line", error.index(), this.messages.get(error.error())), pointer));
		}
		return ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT, errors);
	}

}
