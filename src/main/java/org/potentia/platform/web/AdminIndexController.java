package org.potentia.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin index: the sections the modules publish.
 */
@Controller
class AdminIndexController {

	private final List<AdminSection> sections;

	AdminIndexController(List<AdminSection> sections) {
		this.sections = sections.stream().sorted(Comparator.comparingInt(AdminSection::order)).toList();
	}

	@GetMapping("/admin")
	String index(Model model) {
		model.addAttribute("sections", this.sections);
		return "admin/index";
	}

}
