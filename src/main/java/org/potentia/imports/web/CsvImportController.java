package org.potentia.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRefreshView;

import org.potentia.imports.CsvImports;
import org.potentia.imports.ImportJob;
import org.potentia.platform.ConflictException;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.RefusedForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CSV import pages of any module that can be written: upload, column mapping, dry
 * run, progress (polled by htmx every second) and report.
 */
@Controller
@RequestMapping("/import/{module}")
class CsvImportController {

	private final CsvImports imports;

	private final Messages messages;

	CsvImportController(CsvImports imports, Messages messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	String upload(@PathVariable String module, CurrentUser user, Model model) {
		model.addAttribute("module", this.imports.module(module, user));
		model.addAttribute("recent", this.imports.recent(module, user));
		return "import/upload";
	}

	@PostMapping
	String upload(@PathVariable String module, @RequestParam(required = false) MultipartFile file, CurrentUser user,
			Model model) throws IOException {
		ModuleDefinition definition = this.imports.module(module, user);
		if (file == null || file.isEmpty()) {
			return uploadFailed(module, user, model, "import.error.empty");
		}
		try (InputStream content = file.getInputStream()) {
			long id = this.imports.upload(module, file.getOriginalFilename(), content, user);
			return "redirect:/import/" + definition.name() + "/" + id;
		}
		catch (ValidationException ex) {
			return uploadFailed(module, user, model, ex.getErrors().get(0).messageKey());
		}
	}

	private String uploadFailed(String module, CurrentUser user, Model model, String key) {
		model.addAttribute("uploadError", this.messages.get(key));
		return upload(module, user, model);
	}

	@GetMapping("/{id}")
	String job(@PathVariable String module, @PathVariable long id, CurrentUser user, Model model, Locale locale)
			throws IOException {
		ImportJob job = this.imports.job(module, id, user);
		model.addAttribute("module", this.imports.module(module, user));
		model.addAttribute("job", job);
		model.addAttribute("hasFile", this.imports.hasFile(job));
		if (job.isImportable() && this.imports.hasFile(job)) {
			model.addAttribute("preview", this.imports.preview(job, user, locale));
		}
		if (job.isFinished()) {
			model.addAttribute("errors", this.imports.errors(job));
		}
		return "import/job";
	}

	/**
	 * The progress, for the page's poll; once the run has ended the whole page reloads to
	 * show the report.
	 */
	@GetMapping("/{id}/progress")
	ModelAndView progress(@PathVariable String module, @PathVariable long id, CurrentUser user) {
		ImportJob job = this.imports.job(module, id, user);
		if (!job.isRunning()) {
			// A view object, not the name "refresh:htmx": content negotiation would
			// prefer the HTML template resolver's view for that name.
			return new ModelAndView(new HtmxRefreshView());
		}
		return new ModelAndView("import/job :: progress", Map.of("job", job));
	}

	@PostMapping("/{id}")
	String run(@PathVariable String module, @PathVariable long id,
			@RequestParam(name = "mapping", required = false) List<String> mapping,
			@RequestParam(defaultValue = "dry_run") String mode, CurrentUser user, RedirectAttributes redirect)
			throws IOException {
		try {
			this.imports.start(module, id, mapping, !"import".equals(mode), user);
		}
		catch (ValidationException ex) {
			RefusedForms.refuse(redirect, this.messages.get(ex.getErrors().get(0)));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex.getMessageKey(), ex.getArguments()));
		}
		return "redirect:/import/" + module + "/" + id;
	}

}
