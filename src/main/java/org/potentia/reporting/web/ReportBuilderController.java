package org.potentia.reporting.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.TableWriter;
import org.potentia.platform.query.BadQueryException;
import org.potentia.platform.query.FilterParser;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.PageResult;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.Cells;
import org.potentia.platform.web.ListView;
import org.potentia.reporting.ReportEngine;
import org.potentia.reporting.ReportException;
import org.potentia.reporting.ReportQuery;
import org.potentia.reporting.ReportResult;
import org.potentia.reporting.ReportView;
import org.potentia.reporting.SavedReport;
import org.potentia.reporting.SavedReports;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The report generator: saved reports by folder, the builder (module, columns with linked
 * records' fields, a filter builder writing the filter language, groups with date
 * buckets, aggregates, sort, limit, view), a saved report's result as a table with
 * subtotals or a chart, drill-down from a row or a bar to the records behind it, and CSV
 * and XLSX export streamed from the report's one statement.
 */
@Controller
@RequestMapping("/reports/custom")
class ReportBuilderController {

	private static final int DRILL_PAGE_SIZE = 25;

	private final ReportEngine engine;

	private final SavedReports saved;

	private final Catalogue catalogue;

	private final Cells cells;

	private final Messages messages;

	private final FilterParser filters;

	private final RecordQueries queries;

	private final MessageSource messageSource;

	private final ReportTables tables;

	ReportBuilderController(ReportEngine engine, SavedReports saved, Catalogue catalogue, Cells cells,
			Messages messages, FilterParser filters, RecordQueries queries, MessageSource messageSource,
			ReportTables tables) {
		this.messageSource = messageSource;
		this.tables = tables;
		this.engine = engine;
		this.saved = saved;
		this.catalogue = catalogue;
		this.cells = cells;
		this.messages = messages;
		this.filters = filters;
		this.queries = queries;
	}

	@GetMapping
	String index(CurrentUser user, Model model) {
		Map<String, List<SavedReport>> folders = new LinkedHashMap<>();
		for (SavedReport report : this.saved.visible(user)) {
			folders.computeIfAbsent((report.getFolder() != null) ? report.getFolder() : "", (key) -> new ArrayList<>())
				.add(report);
		}
		model.addAttribute("folders", folders);
		Map<String, String> labels = new LinkedHashMap<>();
		this.catalogue.modules().forEach((definition) -> labels.put(definition.name(), moduleLabel(definition)));
		model.addAttribute("moduleLabels", labels);
		return "reports/custom/index";
	}

	@GetMapping("/new")
	String create(@RequestParam(defaultValue = "potentials") String module, Model model) {
		ReportForm form = new ReportForm();
		form.setModule(this.catalogue.find(module).isPresent() ? module : "potentials");
		ReportForm.ColumnRow count = new ReportForm.ColumnRow();
		count.setExpression("id");
		count.setAggregate(ReportQuery.Aggregate.COUNT.code());
		form.getColumns().add(count);
		return builder(form, null, model);
	}

	/**
	 * Runs, exports or saves the report of the form, as the button pressed says.
	 */
	@PostMapping("/run")
	String run(@ModelAttribute("form") ReportForm form, BindingResult binding,
			@RequestParam(defaultValue = "run") String action, CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		if (binding.hasErrors()) {
			return unbound(null, form, binding, user, model);
		}
		return act(null, form, action, user, model, response, redirect);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, CurrentUser user, Model model) {
		SavedReport report = this.saved.get(id, user);
		ReportQuery query = this.saved.query(report);
		model.addAttribute("report", report);
		model.addAttribute("editable", report.isEditableBy(user));
		model.addAttribute("view", report.getView().code());
		try {
			result(query, user, model);
		}
		catch (ReportException ex) {
			model.addAttribute("problem", problem(ex));
		}
		return "reports/custom/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, CurrentUser user, Model model) {
		SavedReport report = this.saved.editable(id, user);
		ReportForm form = ReportForm.of(report, this.saved.query(report));
		return builder(form, ReportForm.heading(report), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ReportForm form, BindingResult binding,
			@RequestParam(defaultValue = "run") String action, CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		this.saved.editable(id, user);
		if (binding.hasErrors()) {
			return unbound(id, form, binding, user, model);
		}
		return act(id, form, action, user, model, response, redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
		this.saved.delete(id, user);
		redirect.addFlashAttribute("success", this.messages.get("report.custom.deleted"));
		return "redirect:/reports/custom";
	}

	@GetMapping("/{id}/export")
	void export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format, CurrentUser user,
			HttpServletResponse response) throws IOException {
		SavedReport report = this.saved.get(id, user);
		export(this.saved.query(report), report.getName(), TableWriter.Format.of(format), user, response);
	}

	/**
	 * The records behind a row or a bar of a saved report.
	 */
	@GetMapping("/{id}/drill")
	String drillSaved(@PathVariable long id, @RequestParam Map<String, String> parameters, CurrentUser user) {
		SavedReport report = this.saved.get(id, user);
		ReportQuery query = this.saved.query(report);
		Map<String, String> groups = new LinkedHashMap<>();
		parameters.forEach((key, value) -> {
			if (key.startsWith("g.")) {
				groups.put(key.substring(2), value);
			}
		});
		return "redirect:" + drillLink(query.module(), this.engine.drillFilter(query, user, groups));
	}

	/**
	 * The records of a module that match a filter, as a list: where a report's drill-down
	 * leads.
	 */
	@GetMapping("/drill")
	String drill(@RequestParam String module, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page, HtmxRequest htmx,
			CurrentUser user, Model model) {
		ModuleDefinition definition = this.engine.module(module);
		ListQuery query;
		try {
			String effectiveSort = (sort != null && !sort.isBlank()) ? sort : null;
			if (effectiveSort != null) {
				String name = effectiveSort.startsWith("-") ? effectiveSort.substring(1) : effectiveSort;
				effectiveSort = definition.field(name).filter(Field::isSortable).isPresent() ? effectiveSort : null;
			}
			query = new ListQuery(null, this.filters.parse(definition, filter), effectiveSort, Math.max(1, page),
					DRILL_PAGE_SIZE);
		}
		catch (BadQueryException ex) {
			throw new ReportException("error.report.filter", "/filter", ex);
		}
		PageResult result = this.queries.list(definition, query, user);
		List<String> columns = definition.summaryFields().isEmpty()
				? definition.fields().stream().limit(6).map(Field::name).toList() : definition.summaryFields();
		List<Field> fields = columns.stream().map((name) -> definition.field(name).orElseThrow()).toList();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("module", module);
		if (filter != null) {
			parameters.put("filter", filter);
		}
		if (query.sort() != null) {
			parameters.put("sort", query.sort());
		}
		String sortShown = (query.sort() != null) ? query.sort() : definition.defaultSort();
		model.addAttribute("list", new ListView(definition, fields, result, sortShown, parameters,
				"/reports/custom/drill", columns.get(0)));
		model.addAttribute("module", definition);
		model.addAttribute("moduleLabel", moduleLabel(definition));
		model.addAttribute("filter", filter);
		if (htmx.isHtmxRequest()) {
			return "fragments/list :: results";
		}
		return "reports/custom/drill";
	}

	private String act(Long id, ReportForm form, String action, CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		ReportQuery query = form.toQuery();
		try {
			switch (action) {
				case "csv", "xlsx" -> {
					export(query, (form.getName() != null && !form.getName().isBlank()) ? form.getName() : "report",
							TableWriter.Format.of(action), user, response);
					return null;
				}
				case "module" -> {
					// Another module: its fields differ, so the columns, groups and
					// filter
					// start afresh.
					ReportForm fresh = new ReportForm();
					fresh.setModule(form.getModule());
					ReportForm.ColumnRow count = new ReportForm.ColumnRow();
					count.setExpression("id");
					count.setAggregate(ReportQuery.Aggregate.COUNT.code());
					fresh.getColumns().add(count);
					fresh.setName(form.getName());
					fresh.setFolder(form.getFolder());
					fresh.setSharing(form.getSharing());
					fresh.setVersion(form.getVersion());
					return builder(fresh, (id != null) ? ReportForm.heading(this.saved.editable(id, user)) : null,
							model);
				}
				case "save" -> {
					SavedReport report = (id == null) ? this.saved.create(form.details(), query, user)
							: this.saved.update(id, form.details(), query, form.getVersion(), user);
					redirect.addFlashAttribute("success", this.messages.get("report.custom.saved"));
					return "redirect:/reports/custom/" + report.getId();
				}
				default -> {
					Map<String, Object> report = (id != null) ? ReportForm.heading(this.saved.editable(id, user))
							: null;
					return builder(form, report, query, user, model);
				}
			}
		}
		catch (ReportException ex) {
			model.addAttribute("problem", problem(ex));
			return builder(form, (id != null) ? ReportForm.heading(this.saved.editable(id, user)) : null, model);
		}
		catch (ConflictException | OptimisticLockingFailureException ex) {
			// Someone saved the report since the form was opened: the form keeps what was
			// typed.
			model.addAttribute("conflict", this.messages.get("error.conflict.stale"));
			return builder(form, ReportForm.heading(this.saved.editable(id, user)), model);
		}
		catch (ValidationException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldError error : ex.getErrors()) {
				errors.put(error.field(), this.messages.get(error));
			}
			model.addAttribute("errors", errors);
			return builder(form, (id != null) ? ReportForm.heading(this.saved.editable(id, user)) : null, model);
		}
	}

	/**
	 * The form again, with what could not be read (a row limit that is no whole number)
	 * named beside the rest of what was typed.
	 */
	private String unbound(Long id, ReportForm form, BindingResult binding, CurrentUser user, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (org.springframework.validation.FieldError error : binding.getFieldErrors()) {
			errors.put(error.getField(), this.messages.get(error));
		}
		model.addAttribute("errors", errors);
		return builder(form, (id != null) ? ReportForm.heading(this.saved.editable(id, user)) : null, model);
	}

	private String builder(ReportForm form, Map<String, Object> report, ReportQuery run, CurrentUser user,
			Model model) {
		result(run, user, model);
		return builder(form, report, model);
	}

	/**
	 * The builder page; {@code report} names the saved report being edited (id and name),
	 * or is null for a new one.
	 */
	private String builder(ReportForm form, Map<String, Object> report, Model model) {
		Locale locale = this.messages.locale();
		ModuleDefinition module = this.catalogue.find(form.getModule())
			.orElseGet(() -> this.catalogue.get("potentials"));
		form.setModule(module.name());
		form.padColumns(2);
		model.addAttribute("form", form);
		model.addAttribute("report", report);
		model.addAttribute("modules",
				this.catalogue.modules()
					.stream()
					.map((definition) -> Map.of("name", definition.name(), "label", moduleLabel(definition)))
					.toList());
		model.addAttribute("choices", FieldChoice.of(this.catalogue, module, locale));
		model.addAttribute("aggregates", ReportQuery.Aggregate.values());
		model.addAttribute("buckets", ReportQuery.DateBucket.values());
		model.addAttribute("views", ReportView.values());
		model.addAttribute("sharings", SavedReport.Sharing.values());
		model.addAttribute("schedules", org.potentia.reporting.ReportSchedule.values());
		model.addAttribute("caps", List.of(ReportEngine.MAX_COLUMNS, ReportEngine.MAX_GROUPS, ReportEngine.MAX_ROWS,
				ReportEngine.MAX_EXPORT_ROWS, ReportEngine.TIMEOUT_SECONDS));
		model.addAttribute("view", form.getView());
		return "reports/custom/builder";
	}

	private void result(ReportQuery query, CurrentUser user, Model model) {
		if (query == null) {
			return;
		}
		ReportResult result = this.engine.run(query, user);
		model.addAttribute("table", this.tables.of(query, result, user, this.messages.locale()));
	}

	private void export(ReportQuery query, String name, TableWriter.Format format, CurrentUser user,
			HttpServletResponse response) throws IOException {
		// Checked before the download starts, so that a refusal is a page, not a broken
		// file.
		List<ReportResult.Field> fields = this.engine.fields(query, user);
		String base = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
		try (TableWriter writer = TableWriter.download(format, base, this.messages.locale(), response)) {
			writer.header(fields.stream().map(ReportResult.Field::label).toList());
			this.engine.stream(query, user, (row) -> {
				try {
					writer.row(row);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private String problem(ReportException ex) {
		return this.engine.message(ex, this.messages.locale());
	}

	private String moduleLabel(ModuleDefinition definition) {
		return this.messageSource.getMessage("nav." + definition.name(), null, definition.name(),
				this.messages.locale());
	}

	static String drillLink(String module, String filter) {
		return UriComponentsBuilder.fromPath("/reports/custom/drill")
			.queryParam("module", "{module}")
			.queryParam("filter", "{filter}")
			.encode()
			.buildAndExpand(module, filter)
			.toUriString();
	}

	/**
	 * A report the user may see but not change answers 403 with the error page.
	 */
	@org.springframework.web.bind.annotation.ExceptionHandler(AccessDeniedException.class)
	String forbidden(Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("currentPath", request.getRequestURI());
		model.addAttribute("status", HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("message", this.messages.get("error.forbidden"));
		return "error";
	}

	/**
	 * A drill-down link with a filter that cannot be used answers 400 with the problem.
	 */
	@org.springframework.web.bind.annotation.ExceptionHandler(ReportException.class)
	String refused(ReportException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("currentPath", request.getRequestURI());
		model.addAttribute("status", HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("message", problem(ex));
		return "error";
	}

}
