package org.potentia.reporting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.Cells;
import org.potentia.reporting.ReportEngine;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportResult;
import org.springframework.stereotype.Component;

/**
 * A report's result as the pages show it ({@link ReportTable}), the same on the report's
 * own page and in its home page widget: formatted cells, and for each row the link to the
 * records behind it (a grouped row's drill-down with its groups' values added to the
 * report's filter, a plain row's record).
 */
@Component
class ReportTables {

	private final ReportEngine engine;

	private final Cells cells;

	ReportTables(ReportEngine engine, Cells cells) {
		this.engine = engine;
		this.cells = cells;
	}

	ReportTable of(ReportQuery query, ReportResult result, CurrentUser user, Locale locale) {
		ModuleDefinition module = this.engine.module(query.module());
		Function<Map<String, Object>, String> link;
		if (query.grouped()) {
			List<ReportResult.Field> groups = result.fields().stream().filter((f) -> f.aggregate() == null).toList();
			link = (row) -> {
				Map<String, String> values = new LinkedHashMap<>();
				for (ReportResult.Field field : groups) {
					Object value = row.get(field.name());
					values.put(field.name(), (value != null) ? value.toString() : "");
				}
				return ReportBuilderController.drillLink(query.module(), this.engine.drillFilter(query, user, values));
			};
		}
		else {
			link = (row) -> (module.uiPath() != null && row.get("__id") != null)
					? module.uiPath() + "/" + row.get("__id") : null;
		}
		return ReportTable.of(result, query, this.cells, locale, this.cells.hidden(locale), link);
	}

}
