package org.potentia.reporting.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.api.ApiError;
import org.potentia.platform.api.JsonApi;
import org.potentia.platform.security.CurrentUser;
import org.potentia.reporting.ReportEngine;
import org.potentia.reporting.ReportException;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportResult;
import org.potentia.reporting.ReportingRequest;
import org.potentia.reporting.SavedReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/reporting}: a report in the CRM-service dialect, run as the token's
 * user with the visibility rule in its one SQL statement; and saved reports run by id.
 * Answers {@code {"meta":{"results":n,"fields":[…]},"data":[…]}}.
 */
@RestController
@JsonApi
@Tag(name = "reporting")
@RequestMapping(path = "/api/v1/reporting", produces = { MediaType.APPLICATION_JSON_VALUE, JsonApi.MEDIA_TYPE })
class ReportingApiController {

	private final ReportEngine engine;

	private final SavedReports saved;

	private final ObjectMapper json;

	private final Messages messages;

	ReportingApiController(ReportEngine engine, SavedReports saved, ObjectMapper json, Messages messages) {
		this.engine = engine;
		this.saved = saved;
		this.json = json;
		this.messages = messages;
	}

	@PostMapping
	@Operation(operationId = "runReport", summary = "Run a report",
			description = "Body: {\"from\":\"potentials\",\"select\":\"stage_id, $sum(amount) as total, $count(id)\","
					+ "\"where\":<filter language, or []>,\"group\":\"stage_id\",\"order\":\"-total\",\"limit\":100}. "
					+ "select, group and order are comma-separated text or arrays of text. Aggregates: $count, "
					+ "$count.distinct, $sum, $avg, $min, $max; date buckets in select and group: $day, $week "
					+ "(from Monday), $month, $quarter, $year. A field may be a linked record's field "
					+ "(account.city) or name (owner.name). Caps: 20 columns, 2 groups, limit 1 to 10,000 "
					+ "(default 1,000 rows for lists, 10,000 for groups), the filter language's own caps (16 levels, "
					+ "200 conditions, 1,000 $in values), 30 seconds. The answer has only what the token's user "
					+ "may see; meta.truncated says whether more rows matched than the limit.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ReportingDocumentation.Request.class))))
	@ApiResponse(responseCode = "200", description = "The report's rows",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReportingDocumentation.Answer.class)))
	@ApiResponse(responseCode = "400",
			description = "The report cannot be run as asked (unknown module, field or operator, a sum over text, "
					+ "grouping by a has-many relation, beyond a cap); source.pointer names the member "
					+ "(/select/1, /where, /group/0)")
	ResponseEntity<Map<String, Object>> run(@RequestBody String body, CurrentUser user) {
		ReportQuery query = ReportingRequest.read(parse(body));
		try {
			return ResponseEntity.ok(answer(this.engine.run(query, user)));
		}
		catch (ReportException ex) {
			throw ReportingRequest.pointIntoBody(ex);
		}
	}

	@GetMapping("/{id}")
	@Operation(operationId = "runSavedReport", summary = "Run a saved report",
			description = "Runs a report saved in the report generator that the token's user may run (their own, or "
					+ "one shared with their team or everyone), with that user's visibility.")
	@ApiResponse(responseCode = "200", description = "The report's rows",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReportingDocumentation.Answer.class)))
	@ApiResponse(responseCode = "404", description = "No such report, or one not shared with you")
	ResponseEntity<Map<String, Object>> runSaved(@PathVariable String id, CurrentUser user) {
		return ResponseEntity.ok(answer(this.saved.run(id(id), user)));
	}

	@PostMapping("/{id}")
	@Operation(operationId = "runSavedReportByPost", summary = "Run a saved report (POST)",
			description = "The same as GET, for clients that send every report as POST.")
	@ApiResponse(responseCode = "200", description = "The report's rows",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReportingDocumentation.Answer.class)))
	@ApiResponse(responseCode = "404", description = "No such report, or one not shared with you")
	ResponseEntity<Map<String, Object>> runSavedByPost(@PathVariable String id, CurrentUser user) {
		return runSaved(id, user);
	}

	@ExceptionHandler(ReportException.class)
	ResponseEntity<Map<String, Object>> refused(ReportException ex) {
		String detail = this.engine.message(ex, this.messages.locale());
		return ApiError.of(HttpStatus.BAD_REQUEST, List
			.of(ApiError.error(HttpStatus.BAD_REQUEST, detail, ex.getPointer().isEmpty() ? "/" : ex.getPointer())));
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (StreamConstraintsException ex) {
			throw new ReportException("error.report.api.too_large", "/where");
		}
		catch (JacksonException ex) {
			throw new ReportException("error.report.api.body", "");
		}
	}

	private static long id(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("reports", id);
		}
	}

	/**
	 * The answer in the dialect: each row's values by field name, ids for ids and a
	 * linked record's name for a name asked for ({@code owner.name}).
	 */
	private static Map<String, Object> answer(ReportResult result) {
		List<String> names = result.fields().stream().map(ReportResult.Field::name).toList();
		List<Map<String, Object>> data = result.rows().stream().map((row) -> {
			Map<String, Object> values = new LinkedHashMap<>();
			for (ReportResult.Field field : result.fields()) {
				String name = field.name();
				values.put(name, field.isLinkedName() ? row.get(name + ReportResult.LABEL_SUFFIX) : row.get(name));
			}
			return values;
		}).toList();
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("results", data.size());
		meta.put("fields", names);
		meta.put("truncated", result.truncated());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("meta", meta);
		answer.put("data", data);
		return answer;
	}

}
