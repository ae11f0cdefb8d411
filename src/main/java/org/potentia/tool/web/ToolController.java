package org.potentia.tool.web;

import java.util.List;

import org.potentia.platform.security.CurrentUser;
import org.potentia.tool.ModuleTool;
import org.potentia.tool.ToolService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tools on a record's card (loaded by htmx, so that modules need not know about
 * tools) and running a "create linked record" tool.
 */
@Controller
class ToolController {

	private final ToolService tools;

	ToolController(ToolService tools) {
		this.tools = tools;
	}

	@GetMapping("/tools/for/{module}/{id}")
	String toolsFor(@PathVariable String module, @PathVariable long id, CurrentUser user, Model model) {
		List<ModuleTool> offered = this.tools.toolsFor(module, id, user);
		model.addAttribute("tools", offered);
		model.addAttribute("recordId", id);
		return "tools/card :: tools";
	}

	@GetMapping("/tools/{id}/run")
	String run(@PathVariable long id, @RequestParam long record, CurrentUser user) {
		return "redirect:" + this.tools.linkedRecordLink(id, record, user);
	}

}
