package org.potentia.forecast.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.platform.NotFoundException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.CsvExport;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.ListPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lists of account figures (budgets, rolling forecasts, their versions, billing) over
 * every account the user may see, filterable by account and business area, with CSV
 * export and (for all but the versions) CSV import.
 */
@Controller
class AccountFiguresController {

	private final Map<String, Listing> listings = new LinkedHashMap<>();

	private final ListPages lists;

	private final CsvExport export;

	/**
	 * A list's module and columns.
	 */
	private record Listing(ModuleDefinition module, List<String> columns, boolean importable) {
	}

	AccountFiguresController(ModuleDefinition accountBudgetsModule, ModuleDefinition accountForecastsModule,
			ModuleDefinition accountForecastVersionsModule, ModuleDefinition billingModule, ListPages lists,
			CsvExport export) {
		this.lists = lists;
		this.export = export;
		add(accountBudgetsModule,
				List.of("account_id", "budget_month", "business_area_id", "amount", "currency", "updated_at"), true);
		add(accountForecastsModule,
				List.of("account_id", "forecast_month", "business_area_id", "amount", "currency", "updated_at"), true);
		add(accountForecastVersionsModule, List.of("account_id", "forecast_month", "business_area_id", "amount",
				"currency", "valid_from", "changed_by"), false);
		add(billingModule, List.of("account_id", "billing_month", "business_area_id", "amount", "currency",
				"invoice_number", "invoice_date", "external_id"), true);
	}

	private void add(ModuleDefinition module, List<String> columns, boolean importable) {
		this.listings.put(module.name(), new Listing(module, columns, importable));
	}

	@GetMapping("/forecast/{module}")
	String list(@PathVariable String module, @RequestParam Map<String, String> parameters, CurrentUser user,
			Model model, HtmxRequest htmx) {
		Listing listing = listing(module);
		model.addAttribute("module", listing.module());
		model.addAttribute("exportable", true);
		model.addAttribute("importable", listing.importable());
		model.addAttribute("parameters", parameters);
		model.addAttribute("list", this.lists.view(listing.module(), query(listing, parameters), user,
				listing.columns(), parameters, null));
		return htmx.isHtmxRequest() ? "fragments/list :: results" : "forecast/forecast-entry-list";
	}

	/**
	 * The list as CSV: the same filters and sort, every page; the columns are the
	 * module's fields, which the import reads back.
	 */
	@GetMapping("/forecast/{module}/export")
	void export(@PathVariable String module, @RequestParam Map<String, String> parameters, CurrentUser user,
			HttpServletResponse response) throws IOException {
		Listing listing = listing(module);
		this.export.write(listing.module(), query(listing, parameters), user, response);
	}

	private ListQuery query(Listing listing, Map<String, String> parameters) {
		return this.lists.query(listing.module(), parameters, Set.of("account_id", "business_area_id"), null);
	}

	private Listing listing(String module) {
		Listing listing = this.listings.get(module);
		if (listing == null) {
			throw new NotFoundException("module", module);
		}
		return listing;
	}

}
