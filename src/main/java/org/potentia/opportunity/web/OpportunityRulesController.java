package org.potentia.opportunity.web;

import java.util.HashSet;
import java.util.List;

import org.potentia.opportunity.OpportunityRules;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.AdminSection;
import org.potentia.platform.web.RedirectedSaves;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page: which opportunity fields are mandatory, and whether a lost opportunity
 * needs a lost reason.
 */
@Controller
@RequestMapping("/admin/opportunities")
class OpportunityRulesController {

	private final OpportunityRules rules;

	private final RedirectedSaves saves;

	OpportunityRulesController(OpportunityRules rules, RedirectedSaves saves) {
		this.rules = rules;
		this.saves = saves;
	}

	@Bean
	static AdminSection opportunityRulesAdminSection() {
		return new AdminSection("admin.opportunities", "admin.opportunities.description", "/admin/opportunities", 40);
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("candidates", OpportunityRules.MANDATORY_CANDIDATES);
		model.addAttribute("mandatory", this.rules.mandatoryFields());
		model.addAttribute("lostReasonRequired", this.rules.isLostReasonRequired());
		model.addAttribute("version", this.rules.version());
		return "opportunities/rules";
	}

	@PostMapping
	String save(@RequestParam(name = "mandatory", required = false) List<String> mandatory,
			@RequestParam(defaultValue = "false") boolean lostReasonRequired,
			@RequestParam(required = false) Long version, CurrentUser user, RedirectAttributes redirect) {
		return this.saves.save(redirect, "/admin/opportunities",
				() -> this.rules.change(new HashSet<>((mandatory != null) ? mandatory : List.of()), lostReasonRequired,
						version, user.username()));
	}

}
