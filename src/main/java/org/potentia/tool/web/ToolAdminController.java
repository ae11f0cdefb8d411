package org.potentia.tool.web;

import java.util.ArrayList;
import java.util.List;

import org.potentia.pipeline.PipelineService;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.web.AdminSection;
import org.potentia.platform.web.RedirectedSaves;
import org.potentia.platform.web.RefusedForms;
import org.potentia.tool.ModuleTool;
import org.potentia.tool.ToolService;
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
 * Admin pages of the module tools: names, condition, targets, options, and the field
 * mapping row by row (active, editable, source field or fixed value).
 */
@Controller
@RequestMapping("/admin/tools")
class ToolAdminController {

	private final ToolService tools;

	private final Catalogue catalogue;

	private final PipelineService pipeline;

	private final Messages messages;

	private final RedirectedSaves saves;

	ToolAdminController(ToolService tools, Catalogue catalogue, PipelineService pipeline, Messages messages,
			RedirectedSaves saves) {
		this.tools = tools;
		this.catalogue = catalogue;
		this.pipeline = pipeline;
		this.messages = messages;
		this.saves = saves;
	}

	@Bean
	static AdminSection toolsAdminSection() {
		return new AdminSection("admin.tools", "admin.tools.description", "/admin/tools", 50);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("tools", this.tools.all());
		return "tools/admin-list";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		ModuleTool tool = this.tools.get(id);
		model.addAttribute("tool", tool);
		model.addAttribute("sourceFields", this.catalogue.get(tool.getModule()).fields());
		List<TargetView> targets = new ArrayList<>();
		for (String target : tool.getTargets()) {
			List<Field> fields = this.catalogue.get(target)
				.fields()
				.stream()
				.filter((field) -> !field.readOnly() && !"version".equals(field.name()))
				.toList();
			targets.add(new TargetView(target, fields));
		}
		model.addAttribute("targets", targets);
		model.addAttribute("stages", this.pipeline.stages(PipelineService.POTENTIALS));
		return "tools/admin-edit";
	}

	@PostMapping("/{id}")
	String save(@PathVariable long id, @RequestParam(defaultValue = "") String nameEn,
			@RequestParam(defaultValue = "") String nameDe, @RequestParam(required = false) String condition,
			@RequestParam(name = "targets", required = false) List<String> targets,
			@RequestParam(defaultValue = "false") boolean createAccount,
			@RequestParam(defaultValue = "false") boolean createContact,
			@RequestParam(defaultValue = "false") boolean deleteLead,
			@RequestParam(required = false) Long opportunityStageId,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return this.saves.save(redirect, "/admin/tools/" + id,
				() -> this.tools.saveTool(id, version, nameEn, nameDe, condition,
						(targets != null) ? targets : List.of(), createAccount, createContact, deleteLead,
						opportunityStageId, active));
	}

	@PostMapping("/{id}/mappings")
	String mapping(@PathVariable long id, @RequestParam String targetModule, @RequestParam String targetField,
			@RequestParam(defaultValue = "false") boolean active,
			@RequestParam(defaultValue = "false") boolean editable, @RequestParam(required = false) String sourceField,
			@RequestParam(required = false) String fixedValue, RedirectAttributes redirect) {
		try {
			this.tools.saveMapping(id, targetModule, targetField, active, editable, sourceField, fixedValue);
			redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
		}
		catch (ValidationException ex) {
			RefusedForms.refuse(redirect, this.saves.messages(ex));
		}
		// The anchor only for a module name: the value is sent by the client and goes
		// into
		// the Location header.
		String anchor = targetModule.matches("[a-z0-9_]{1,60}") ? "#" + targetModule : "";
		return "redirect:/admin/tools/" + id + anchor;
	}

	/**
	 * The mapping section of one target module.
	 */
	record TargetView(String module, List<Field> fields) {
	}

}
