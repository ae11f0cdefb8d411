package org.potentia.pipeline.web;

import java.util.function.Supplier;

import org.potentia.pipeline.PipelineMode;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.StageKind;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.AdminSection;
import org.potentia.platform.web.RedirectedSaves;
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
 * Admin page of the pipeline: mode, stages per module, business areas, lost reasons.
 */
@Controller
@RequestMapping("/admin/pipeline")
class PipelineAdminController {

	private final PipelineService pipeline;

	private final RedirectedSaves saves;

	PipelineAdminController(PipelineService pipeline, RedirectedSaves saves) {
		this.pipeline = pipeline;
		this.saves = saves;
	}

	@Bean
	static AdminSection pipelineAdminSection() {
		return new AdminSection("admin.pipeline", "admin.pipeline.description", "/admin/pipeline", 30);
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("mode", this.pipeline.mode().code());
		model.addAttribute("leadStages", this.pipeline.stages(PipelineService.LEADS));
		model.addAttribute("potentialStages", this.pipeline.stages(PipelineService.POTENTIALS));
		model.addAttribute("businessAreas", this.pipeline.businessAreas());
		model.addAttribute("lostReasons", this.pipeline.lostReasons());
		model.addAttribute("kinds", StageKind.values());
		return "pipeline/admin";
	}

	@PostMapping("/mode")
	String mode(@RequestParam String mode, CurrentUser user, RedirectAttributes redirect) {
		return act(redirect, () -> {
			this.pipeline.changeMode("single".equals(mode) ? PipelineMode.SINGLE : PipelineMode.SPLIT, user);
			return null;
		});
	}

	@PostMapping("/stages")
	String addStage(@RequestParam String module, @RequestParam(defaultValue = "") String nameEn,
			@RequestParam(defaultValue = "") String nameDe, @RequestParam(defaultValue = "0") int probability,
			@RequestParam(defaultValue = "open") String kind, @RequestParam(defaultValue = "both") String pipelineMode,
			RedirectAttributes redirect) {
		return act(redirect,
				() -> this.pipeline.addStage(module, nameEn, nameDe, probability, kind(kind), pipelineMode));
	}

	@PostMapping("/stages/{id}")
	String updateStage(@PathVariable long id, @RequestParam(defaultValue = "") String nameEn,
			@RequestParam(defaultValue = "") String nameDe, @RequestParam(defaultValue = "0") int probability,
			@RequestParam(defaultValue = "open") String kind, @RequestParam(defaultValue = "both") String pipelineMode,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(redirect, () -> {
			this.pipeline.updateStage(id, version, nameEn, nameDe, probability, kind(kind), pipelineMode);
			return null;
		});
	}

	@PostMapping("/stages/{id}/move")
	String move(@PathVariable long id, @RequestParam(defaultValue = "up") String direction,
			RedirectAttributes redirect) {
		return act(redirect, () -> {
			this.pipeline.moveStage(id, "up".equals(direction));
			return null;
		});
	}

	@PostMapping("/stages/{id}/active")
	String activate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes redirect) {
		return act(redirect, () -> {
			this.pipeline.activateStage(id, active);
			return null;
		});
	}

	@PostMapping("/stages/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, () -> {
			this.pipeline.deleteStage(id);
			return null;
		});
	}

	@PostMapping("/business-areas")
	String businessArea(@RequestParam(required = false) Long id, @RequestParam(defaultValue = "") String nameEn,
			@RequestParam(defaultValue = "") String nameDe, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(redirect, () -> {
			this.pipeline.saveBusinessArea(id, version, nameEn, nameDe, id == null || active);
			return null;
		});
	}

	@PostMapping("/lost-reasons")
	String lostReason(@RequestParam(required = false) Long id, @RequestParam(defaultValue = "") String nameEn,
			@RequestParam(defaultValue = "") String nameDe, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(redirect, () -> {
			this.pipeline.saveLostReason(id, version, nameEn, nameDe, id == null || active);
			return null;
		});
	}

	private String act(RedirectAttributes redirect, Supplier<Object> action) {
		return this.saves.save(redirect, "/admin/pipeline", action::get);
	}

	private static StageKind kind(String code) {
		try {
			return StageKind.of(code);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationException.of("kind", "error.picklist");
		}
	}

}
