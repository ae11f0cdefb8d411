package org.potentia.opportunity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.identity.IdentityService;
import org.potentia.opportunity.Opportunity;
import org.potentia.opportunity.OpportunityFilters;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityRules;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.FieldError;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.AttributeBinder;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.FormErrors;
import org.potentia.platform.web.ListPages;
import org.potentia.platform.web.RecordPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opportunity pages: list with filters and totals, card, form.
 */
@Controller
@RequestMapping("/opportunities")
class OpportunityController {

	static final List<String> COLUMNS = List.of("name", "account_id", "stage_id", "amount", "probability",
			"weighted_amount", "expected_close_date", "owner_id");

	static final Set<String> EQUALITY_FILTERS = Set.of("stage_id", "owner_id", "business_area_id", "account_id",
			"contact_id");

	private final OpportunityService opportunities;

	private final ModuleDefinition module;

	private final ListPages lists;

	private final RecordQueries queries;

	private final IdentityService identity;

	private final PipelineService pipeline;

	private final OpportunityRules rules;

	private final FormErrors errors;

	private final RecordPages pages;

	private final AttributeBinder binder;

	OpportunityController(OpportunityService opportunities, ModuleDefinition potentialsModule, ListPages lists,
			RecordQueries queries, IdentityService identity, PipelineService pipeline, OpportunityRules rules,
			FormErrors errors, RecordPages pages, AttributeBinder binder) {
		this.opportunities = opportunities;
		this.module = potentialsModule;
		this.lists = lists;
		this.queries = queries;
		this.identity = identity;
		this.pipeline = pipeline;
		this.rules = rules;
		this.errors = errors;
		this.pages = pages;
		this.binder = binder;
	}

	@ModelAttribute
	void reference(Model model) {
		model.addAttribute("module", this.module);
	}

	@GetMapping
	String list(@RequestParam Map<String, String> parameters, CurrentUser user, Model model, HtmxRequest htmx) {
		ListQuery query = this.lists.query(this.module, parameters, EQUALITY_FILTERS,
				OpportunityFilters.of(parameters));
		Map<String, String> sums = new LinkedHashMap<>();
		sums.put("amount", "t.amount");
		sums.put("weighted", "t.weighted_amount");
		// Count and totals in one pass over the matching records, not two.
		RecordQueries.Totals totals = this.queries.totals(this.module, query, user, sums);
		model.addAttribute("list",
				this.lists.view(this.module, query, user, COLUMNS, parameters, "name", totals.count()));
		model.addAttribute("totals", totals.sums());
		model.addAttribute("parameters", parameters);
		filterOptions(model);
		return htmx.isHtmxRequest() ? "opportunities/list :: results" : "opportunities/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, CurrentUser user, Model model) {
		Opportunity opportunity = this.opportunities.get(id, user);
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("row", this.queries.get(this.module, id, user).orElseThrow());
		return "opportunities/view";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(name = "account_id", required = false) Long accountId,
			@RequestParam(name = "contact_id", required = false) Long contactId,
			@RequestParam Map<String, String> prefill, CurrentUser user, Model model) {
		OpportunityForm form = this.opportunities.newForm(user, accountId, contactId);
		// A module tool may prefill any writable field; values that do not fit are left
		// out.
		this.binder.prefill(this.module, prefill, form, Set.of("account_id", "contact_id"));
		model.addAttribute("opportunityForm", form);
		return form(model, form, user);
	}

	@PostMapping
	String create(@Valid OpportunityForm opportunityForm, BindingResult result, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		return this.pages.create(this.module, result, () -> {
			opportunityForm.setLeadId(null);
			return this.opportunities.create(opportunityForm, user, SaveSource.FORM);
		}, redirect, () -> form(model, opportunityForm, user));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, @RequestParam(name = "stage_id", required = false) Long stageId,
			CurrentUser user, Model model) {
		OpportunityForm form = this.opportunities.formOf(id, user);
		model.addAttribute("opportunityForm", form);
		if (stageId != null && !stageId.equals(form.getStageId())) {
			// From the board: the move needs more. Mark what the rules still want.
			form.setStageId(stageId);
			form.setProbability(this.pipeline.stage(stageId).map((stage) -> stage.getProbability()).orElse(null));
			model.addAttribute("moveNotice", this.errors.message("board.move.needs"));
			BindingResult result = new BeanPropertyBindingResult(form, "opportunityForm");
			List<FieldError> problems = this.opportunities.problems(id, form, user);
			if (!problems.isEmpty()) {
				this.errors.reject(result, this.module, new ValidationException(problems));
			}
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "opportunityForm", result);
		}
		model.addAttribute("opportunityId", id);
		return form(model, form, user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid OpportunityForm opportunityForm, BindingResult result, CurrentUser user,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("opportunityId", id);
		return this.pages.update(this.module, id, result,
				() -> this.opportunities.update(id, opportunityForm, user, SaveSource.FORM), model, redirect,
				() -> form(model, opportunityForm, user));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
		return this.pages.delete(this.module, id, () -> this.opportunities.delete(id, user, SaveSource.FORM), redirect);
	}

	private void filterOptions(Model model) {
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("teams", this.identity.allTeams());
		model.addAttribute("stages", this.pipeline.stages(PipelineService.POTENTIALS));
		model.addAttribute("businessAreas", this.pipeline.businessAreas());
	}

	private String form(Model model, OpportunityForm form, CurrentUser user) {
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("stages", this.pipeline.offeredStages(PipelineService.POTENTIALS));
		model.addAttribute("currentStage", this.pipeline.stage(form.getStageId()).orElse(null));
		model.addAttribute("businessAreas", this.pipeline.activeBusinessAreas());
		model.addAttribute("lostReasons", this.pipeline.activeLostReasons());
		model.addAttribute("mandatory", this.rules.mandatoryFields());
		model.addAttribute("accountName",
				this.queries.linkedDisplayName(this.module, "account_id", form.getAccountId(), user));
		model.addAttribute("contactName",
				this.queries.linkedDisplayName(this.module, "contact_id", form.getContactId(), user));
		return "opportunities/form";
	}

}
