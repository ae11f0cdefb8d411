package org.potentia.workflow.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.web.AdminSection;
import org.potentia.platform.web.RedirectedSaves;
import org.potentia.platform.web.RefusedForms;
import org.potentia.workflow.ActionType;
import org.potentia.workflow.FieldPath;
import org.potentia.workflow.Operator;
import org.potentia.workflow.RunOption;
import org.potentia.workflow.ValueSource;
import org.potentia.workflow.Workflow;
import org.potentia.workflow.WorkflowService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages of the workflows: the list per module, one workflow with its conditions and
 * actions, and the log of their actions.
 */
@Controller
@RequestMapping("/admin/workflows")
class WorkflowAdminController {

	private final WorkflowService workflows;

	private final WorkflowPages pages;

	private final Catalogue catalogue;

	private final Messages messages;

	private final RedirectedSaves saves;

	WorkflowAdminController(WorkflowService workflows, WorkflowPages pages, Catalogue catalogue, Messages messages,
			RedirectedSaves saves) {
		this.workflows = workflows;
		this.pages = pages;
		this.catalogue = catalogue;
		this.messages = messages;
		this.saves = saves;
	}

	@Bean
	static AdminSection workflowsAdminSection() {
		return new AdminSection("admin.workflows", "admin.workflows.description", "/admin/workflows", 60);
	}

	@GetMapping
	String list(@RequestParam(required = false) String module, Model model) {
		List<String> modules = this.workflows.modules();
		String current = (module != null && modules.contains(module)) ? module : modules.get(0);
		model.addAttribute("modules", modules);
		model.addAttribute("module", current);
		model.addAttribute("workflows", this.workflows.workflows(current));
		model.addAttribute("runOptions", RunOption.values());
		return "workflows/admin-list";
	}

	@PostMapping
	String create(@RequestParam String module, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "every_save") String runOption, RedirectAttributes redirect) {
		try {
			Workflow workflow = this.workflows.create(module, name, runOption);
			redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
			return "redirect:/admin/workflows/" + workflow.getId();
		}
		catch (ValidationException ex) {
			RefusedForms.refuse(redirect, this.saves.messages(ex));
			return "redirect:/admin/workflows?module=" + module;
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model, Locale locale) {
		Workflow workflow = this.workflows.get(id);
		String module = workflow.getModule();
		model.addAttribute("workflow", workflow);
		model.addAttribute("runOptions", RunOption.values());
		model.addAttribute("operators", Operator.values());
		model.addAttribute("valueSources", ValueSource.values());
		model.addAttribute("actionTypes", ActionType.values());
		model.addAttribute("readable", this.pages.options(module, this.workflows.readableFields(module), locale));
		model.addAttribute("writable", this.pages.options(module, this.workflows.writableFields(module), locale));
		model.addAttribute("dates",
				this.pages.options(module,
						this.workflows.readableFields(module)
							.stream()
							.filter((path) -> path.field().type().isTemporal())
							.toList(),
						locale));
		model.addAttribute("tools", this.workflows.tools(module));
		model.addAttribute("users", this.pages.users());
		model.addAttribute("conditions",
				workflow.getConditions()
					.stream()
					.map((condition) -> this.pages.conditionRow(module, condition, locale))
					.toList());
		model.addAttribute("actions",
				workflow.getActions().stream().map((action) -> this.pages.actionRow(module, action, locale)).toList());
		model.addAttribute("placeholders", this.pages.placeholderExamples(module));
		model.addAttribute("hasWebhook",
				workflow.getActions().stream().anyMatch((action) -> action.getType() == ActionType.WEBHOOK));
		return "workflows/admin-edit";
	}

	@PostMapping("/{id}")
	String save(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "false") boolean active,
			@RequestParam(defaultValue = "every_save") String runOption, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.workflows.define(id, version, name, active, runOption));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		String module = this.workflows.get(id).getModule();
		this.workflows.delete(id);
		redirect.addFlashAttribute("success", this.messages.get("flash.deleted"));
		return "redirect:/admin/workflows?module=" + module;
	}

	@PostMapping("/{id}/secret")
	String renewSecret(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.workflows.renewSecret(id));
	}

	@PostMapping("/{id}/conditions")
	String addCondition(@PathVariable long id, @RequestParam(defaultValue = "") String field,
			@RequestParam(defaultValue = "") String operator, @RequestParam(required = false) String value,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.workflows.addCondition(id, field, operator, value));
	}

	@PostMapping("/{id}/conditions/{conditionId}/delete")
	String removeCondition(@PathVariable long id, @PathVariable long conditionId, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.workflows.removeCondition(id, conditionId));
	}

	@PostMapping("/{id}/actions")
	String addAction(@PathVariable long id, @RequestParam String type, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			switch (actionType(type)) {
				case SET_FIELD -> this.workflows.addSetField(id, form.get("field"), form.get("source"),
						setFieldValue(form), integer(form.get("days")));
				case RUN_TOOL -> this.workflows.addRunTool(id, form.get("tool"));
				case SEND_EMAIL ->
					this.workflows.addEmail(id, form.get("recipients"), form.get("subject"), form.get("body"));
				case NOTIFY -> this.workflows.addNotify(id, longValue(form.get("user")), form.get("message"));
				case WEBHOOK -> this.workflows.addWebhook(id, form.get("url"));
			}
		});
	}

	@PostMapping("/{id}/actions/{actionId}/delete")
	String removeAction(@PathVariable long id, @PathVariable long actionId, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.workflows.removeAction(id, actionId));
	}

	@PostMapping("/{id}/actions/{actionId}/move")
	String moveAction(@PathVariable long id, @PathVariable long actionId,
			@RequestParam(defaultValue = "up") String direction, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.workflows.moveAction(id, actionId, "up".equals(direction)));
	}

	/**
	 * The value input that suits a field (a list for picklists, yes/no, stages, users; a
	 * date input for dates), for htmx to swap in when the admin picks the field.
	 */
	@GetMapping("/value-input")
	String valueInput(@RequestParam String module, @RequestParam(defaultValue = "") String field,
			@RequestParam(defaultValue = "value") String name, @RequestParam(defaultValue = "") String id, Model model,
			Locale locale) {
		model.addAttribute("name", name);
		model.addAttribute("inputId", id.isBlank() ? name : id);
		WorkflowPages.ValueInput input = this.catalogue.find(module)
			.filter((definition) -> this.workflows.modules().contains(module))
			.flatMap((definition) -> FieldPath.resolve(this.catalogue, definition, field))
			.map((path) -> this.pages.valueInput(module, path, locale))
			.orElseGet(() -> new WorkflowPages.ValueInput("text", List.of()));
		model.addAttribute("kind", input.kind());
		model.addAttribute("choices", input.choices());
		return "workflows/value-input :: input";
	}

	@GetMapping("/log")
	String log(@RequestParam(required = false) String status, @RequestParam(required = false) Long workflow,
			Model model) {
		String filter = (status != null && List.of("pending", "running", "done", "failed").contains(status)) ? status
				: null;
		model.addAttribute("status", filter);
		model.addAttribute("workflowId", workflow);
		model.addAttribute("entries", this.workflows.log(filter, workflow));
		Map<String, String> paths = new java.util.HashMap<>();
		this.catalogue.modules()
			.stream()
			.filter((definition) -> definition.uiPath() != null)
			.forEach((definition) -> paths.put(definition.name(), definition.uiPath()));
		model.addAttribute("paths", paths);
		return "workflows/admin-log";
	}

	@PostMapping("/log/{entryId}/retry")
	String retry(@PathVariable long entryId, RedirectAttributes redirect) {
		if (this.workflows.retry(entryId)) {
			redirect.addFlashAttribute("success", this.messages.get("workflow.log.requeued"));
		}
		return "redirect:/admin/workflows/log";
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		return this.saves.save(redirect, "/admin/workflows/" + id, action);
	}

	private static ActionType actionType(String code) {
		try {
			return ActionType.of(code);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationException.of("type", "error.workflow.action");
		}
	}

	/**
	 * The form has one input per value source; the chosen source says which counts.
	 */
	private static String setFieldValue(Map<String, String> form) {
		return switch (String.valueOf(form.get("source"))) {
			case "field" -> form.get("sourceField");
			case "date_plus" -> form.get("dateField");
			default -> form.get("value");
		};
	}

	private static Integer integer(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw ValidationException.of("days", "error.workflow.days");
		}
	}

	private static Long longValue(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw ValidationException.of("user", "error.workflow.user");
		}
	}

}
