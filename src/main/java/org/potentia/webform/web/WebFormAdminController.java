package org.potentia.webform.web;

import java.util.Locale;

import org.potentia.identity.IdentityService;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.web.AdminSection;
import org.potentia.platform.web.RedirectedSaves;
import org.potentia.platform.web.RefusedForms;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Admin pages of the web forms: the list, and per form its settings, fields, fixed
 * values, the snippets to paste into a website, and its latest submissions.
 */
@Controller
@RequestMapping("/admin/forms")
class WebFormAdminController {

	private final WebFormService forms;

	private final IdentityService identity;

	private final Catalogue catalogue;

	private final Messages messages;

	private final RedirectedSaves saves;

	WebFormAdminController(WebFormService forms, IdentityService identity, Catalogue catalogue, Messages messages,
			RedirectedSaves saves) {
		this.forms = forms;
		this.identity = identity;
		this.catalogue = catalogue;
		this.messages = messages;
		this.saves = saves;
	}

	@Bean
	static AdminSection webFormsAdminSection() {
		return new AdminSection("admin.forms", "admin.forms.description", "/admin/forms", 55);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("forms", this.forms.all());
		model.addAttribute("counts", this.forms.submissionCounts());
		model.addAttribute("modules", WebFormService.MODULES);
		return "webforms/admin-list";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "leads") String module,
			RedirectAttributes redirect) {
		try {
			WebForm form = this.forms.create(name, module, this.messages.locale());
			redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
			return "redirect:/admin/forms/" + form.getId();
		}
		catch (ValidationException ex) {
			RefusedForms.refuse(redirect, this.saves.messages(ex));
			return "redirect:/admin/forms";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		WebForm form = this.forms.get(id);
		Locale locale = this.messages.locale();
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		model.addAttribute("form", form);
		ModuleDefinition module = this.catalogue.get(form.getModule());
		model.addAttribute("module", module);
		model.addAttribute("offered", this.forms.offeredFields(form.getModule()));
		model.addAttribute("users", this.identity.userOptions());
		model.addAttribute("teams", this.identity.allTeams());
		model.addAttribute("missing",
				this.forms.missingRequired(form)
					.stream()
					.map((field) -> this.catalogue.label(module, module.field(field).orElseThrow(), locale))
					.toList());
		model.addAttribute("publicUrl", base + "/forms/" + form.getKey());
		model.addAttribute("iframeSnippet", Snippets.iframe(base, form, locale));
		model.addAttribute("htmlSnippet", Snippets.html(base, form, locale, module));
		model.addAttribute("submissions", this.forms.submissions(id, 50));
		return "webforms/admin-edit";
	}

	@PostMapping("/{id}")
	String save(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) String titleEn,
			@RequestParam(required = false) String titleDe, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long ownerTeamId, @RequestParam(required = false) String thankYouEn,
			@RequestParam(required = false) String thankYouDe, @RequestParam(required = false) String redirectUrl,
			@RequestParam(required = false) String allowedOrigins, @RequestParam(defaultValue = "3") int minFillSeconds,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.forms.define(id, version, name, active, titleEn, titleDe, ownerId,
				ownerTeamId, thankYouEn, thankYouDe, redirectUrl, allowedOrigins, minFillSeconds));
	}

	@PostMapping("/{id}/fields")
	String addField(@PathVariable long id, @RequestParam(defaultValue = "") String field,
			@RequestParam(required = false) String labelEn, @RequestParam(required = false) String labelDe,
			@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.forms.addField(id, field, labelEn, labelDe, required));
	}

	@PostMapping("/{id}/fields/{fieldId}/delete")
	String removeField(@PathVariable long id, @PathVariable long fieldId, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.forms.removeField(id, fieldId));
	}

	@PostMapping("/{id}/fields/{fieldId}/move")
	String moveField(@PathVariable long id, @PathVariable long fieldId, @RequestParam(defaultValue = "true") boolean up,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.forms.moveField(id, fieldId, up));
	}

	@PostMapping("/{id}/fixed")
	String fix(@PathVariable long id, @RequestParam(defaultValue = "") String field,
			@RequestParam(defaultValue = "") String value, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.forms.fix(id, field, value));
	}

	@PostMapping("/{id}/fixed/{fixedId}/delete")
	String unfix(@PathVariable long id, @PathVariable long fixedId, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.forms.unfix(id, fixedId));
	}

	@PostMapping("/{id}/submissions/{submissionId}/retry")
	String retry(@PathVariable long id, @PathVariable long submissionId, RedirectAttributes redirect) {
		boolean saved = this.forms.retry(submissionId);
		redirect.addFlashAttribute(saved ? "success" : "error",
				this.messages.get(saved ? "webform.retry.saved" : "webform.retry.failed"));
		return "redirect:/admin/forms/" + id + "#submissions";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.forms.delete(id);
		redirect.addFlashAttribute("success", this.messages.get("flash.deleted"));
		return "redirect:/admin/forms";
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		return this.saves.save(redirect, "/admin/forms/" + id, action);
	}

}
