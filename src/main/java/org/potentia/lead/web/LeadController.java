package org.potentia.lead.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.identity.IdentityService;
import org.potentia.lead.Lead;
import org.potentia.lead.LeadForm;
import org.potentia.lead.LeadRating;
import org.potentia.lead.LeadService;
import org.potentia.lead.LeadSource;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.platform.ConflictException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.CsvExport;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.query.Values;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.FormErrors;
import org.potentia.platform.web.ListPages;
import org.potentia.platform.web.RecordPages;
import org.springframework.dao.OptimisticLockingFailureException;
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

/**
 * Lead pages: list with search as you type and filters, CSV export, card with a stage
 * switch, form.
 */
@Controller
@RequestMapping("/leads")
class LeadController {

	static final List<String> COLUMNS = List.of("last_name", "first_name", "company", "email", "stage_id",
			"lead_source", "rating", "owner_id", "created_at");

	static final Set<String> FILTERS = Set.of("stage_id", "owner_id", "lead_source");

	private final LeadService leads;

	private final ModuleDefinition module;

	private final ListPages lists;

	private final IdentityService identity;

	private final PipelineService pipeline;

	private final FormErrors errors;

	private final RecordPages pages;

	private final CsvExport export;

	LeadController(LeadService leads, ModuleDefinition leadsModule, ListPages lists, IdentityService identity,
			PipelineService pipeline, FormErrors errors, RecordPages pages, CsvExport export) {
		this.leads = leads;
		this.module = leadsModule;
		this.lists = lists;
		this.identity = identity;
		this.pipeline = pipeline;
		this.errors = errors;
		this.pages = pages;
		this.export = export;
	}

	@ModelAttribute
	void reference(Model model) {
		model.addAttribute("module", this.module);
		model.addAttribute("leadSources", LeadSource.codes());
		model.addAttribute("ratings", LeadRating.codes());
		model.addAttribute("exportable", true);
	}

	@GetMapping
	String list(@RequestParam Map<String, String> parameters, CurrentUser user, Model model, HtmxRequest htmx) {
		model.addAttribute("list",
				this.lists.view(this.module, query(parameters), user, COLUMNS, parameters, "last_name"));
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("stages", this.pipeline.stages(PipelineService.LEADS));
		model.addAttribute("parameters", parameters);
		return htmx.isHtmxRequest() ? "fragments/list :: results" : "leads/list";
	}

	/**
	 * The list as CSV: the same search, filters and sort, every page.
	 */
	@GetMapping("/export")
	void export(@RequestParam Map<String, String> parameters, CurrentUser user, HttpServletResponse response)
			throws IOException {
		this.export.write(this.module, query(parameters), user, response);
	}

	private ListQuery query(Map<String, String> parameters) {
		return this.lists.query(this.module, parameters, FILTERS, createdBetween(parameters));
	}

	/**
	 * The created-date range filter ({@code created_from}, {@code created_to}, both
	 * inclusive, in the server's time zone); unusable dates are ignored.
	 */
	static SqlCondition createdBetween(Map<String, String> parameters) {
		List<SqlCondition> conditions = new ArrayList<>();
		LocalDate from = date(parameters.get("created_from"));
		LocalDate to = date(parameters.get("created_to"));
		ZoneId zone = ZoneId.systemDefault();
		if (from != null) {
			conditions.add(SqlCondition.of("t.created_at >= ?", from.atStartOfDay(zone).toOffsetDateTime()));
		}
		if (to != null) {
			conditions.add(SqlCondition.of("t.created_at < ?", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
		}
		return conditions.isEmpty() ? null : SqlCondition.combine(" AND ", conditions);
	}

	private static LocalDate date(String text) {
		try {
			return (text == null || text.isBlank()) ? null : Values.date(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, CurrentUser user, Model model, Locale locale) {
		Lead lead = this.leads.get(id, user);
		model.addAttribute("lead", lead);
		model.addAttribute("stage",
				this.pipeline.stage(lead.getStageId()).map((stage) -> stage.name(locale)).orElse(""));
		model.addAttribute("stages", stageChoices(lead.getStageId()));
		model.addAttribute("ownerName", this.identity.ownerName(lead.getOwnerId()));
		return "leads/view";
	}

	@PostMapping("/{id}/stage")
	String move(@PathVariable long id, @RequestParam long stageId, @RequestParam(required = false) Long version,
			CurrentUser user, RedirectAttributes redirect) {
		try {
			this.leads.moveTo(id, stageId, version, user);
			redirect.addFlashAttribute("success", this.errors.message("flash.saved"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("error", this.errors.message(ex.getErrors().get(0).messageKey()));
		}
		catch (ConflictException | OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", this.errors.message("error.conflict.stale"));
		}
		return "redirect:/leads/" + id;
	}

	@GetMapping("/new")
	String createForm(CurrentUser user, Model model) {
		LeadForm form = this.leads.newForm(user, LeadSource.MANUAL);
		model.addAttribute("leadForm", form);
		return form(model, form);
	}

	@PostMapping
	String create(@Valid LeadForm leadForm, BindingResult result, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		return this.pages.create(this.module, result, () -> this.leads.create(leadForm, user, SaveSource.FORM),
				redirect, () -> form(model, leadForm));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, CurrentUser user, Model model) {
		LeadForm form = this.leads.formOf(id, user);
		model.addAttribute("leadForm", form);
		model.addAttribute("leadId", id);
		return form(model, form);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid LeadForm leadForm, BindingResult result, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("leadId", id);
		return this.pages.update(this.module, id, result, () -> this.leads.update(id, leadForm, user, SaveSource.FORM),
				model, redirect, () -> form(model, leadForm));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
		return this.pages.delete(this.module, id, () -> this.leads.delete(id, user, SaveSource.FORM), redirect);
	}

	private String form(Model model, LeadForm form) {
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("stages", stageChoices(form.getStageId()));
		return "leads/form";
	}

	/**
	 * The stages a lead can be put in: those offered now, and the one it is in.
	 */
	private List<Stage> stageChoices(Long current) {
		Set<Long> offered = this.pipeline.offeredStages(PipelineService.LEADS)
			.stream()
			.map(Stage::getId)
			.collect(java.util.stream.Collectors.toSet());
		return this.pipeline.stages(PipelineService.LEADS)
			.stream()
			.filter((stage) -> stage.getId().equals(current) || offered.contains(stage.getId()))
			.toList();
	}

}
