package org.potentia.reporting.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shapes of {@code /api/v1/reporting} for the OpenAPI document only.
 */
final class ReportingDocumentation {

	private ReportingDocumentation() {
	}

	@Schema(name = "ReportingRequest", description = "A report in the CRM-service dialect")
	record Request(
			@Schema(description = "The module", example = "potentials",
					requiredMode = Schema.RequiredMode.REQUIRED) String from,
			@Schema(description = "Comma-separated terms (or an array): fields, aggregates, date buckets, each with an optional 'as' name",
					example = "stage_id, $sum(amount) as total, $count(id)") String select,
			@Schema(description = "A filter in the filter language, or []") Object where,
			@Schema(description = "Up to two fields (or date buckets) to group by", example = "stage_id") String group,
			@Schema(description = "Result fields to sort by; '-' for descending", example = "-total") String order,
			@Schema(description = "The largest number of rows, 1 to 10,000", example = "100") Integer limit) {
	}

	@Schema(name = "ReportingAnswer", description = "A report's rows")
	record Answer(Meta meta, List<Map<String, Object>> data) {
	}

	@Schema(name = "ReportingMeta")
	record Meta(@Schema(description = "The number of rows") int results,
			@Schema(description = "The rows' field names, in column order") List<String> fields,
			@Schema(description = "Whether more rows matched than the limit") boolean truncated) {
	}

}
