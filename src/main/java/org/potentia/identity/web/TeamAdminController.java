package org.potentia.identity.web;

import java.util.List;

import org.potentia.identity.IdentityService;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.potentia.platform.settings.Settings;
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
 * Admin pages for teams and the visibility setting.
 */
@Controller
@RequestMapping("/admin")
class TeamAdminController {

	private final IdentityService identity;

	private final Settings settings;

	private final RedirectedSaves saves;

	TeamAdminController(IdentityService identity, Settings settings, RedirectedSaves saves) {
		this.identity = identity;
		this.settings = settings;
		this.saves = saves;
	}

	@Bean
	static AdminSection teamsAdminSection() {
		return new AdminSection("admin.teams", "admin.teams.description", "/admin/teams", 20);
	}

	@GetMapping("/teams")
	String list(Model model) {
		model.addAttribute("teams", this.identity.allTeams());
		model.addAttribute("repsSeeTeam", this.settings.getBoolean(Visibility.REPS_SEE_TEAM, false));
		model.addAttribute("visibilityVersion", this.settings.version(List.of(Visibility.REPS_SEE_TEAM)));
		return "identity/teams";
	}

	@PostMapping("/teams")
	String create(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		return save(redirect, () -> this.identity.createTeam(requireName(name)));
	}

	@PostMapping("/teams/{id}")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return save(redirect, () -> this.identity.renameTeam(id, version, requireName(name)));
	}

	@PostMapping("/visibility")
	String visibility(@RequestParam(defaultValue = "false") boolean repsSeeTeam,
			@RequestParam(required = false) Long version, CurrentUser user, RedirectAttributes redirect) {
		return save(redirect, () -> this.settings.set(Visibility.REPS_SEE_TEAM, String.valueOf(repsSeeTeam), version,
				user.username()));
	}

	private String save(RedirectAttributes redirect, Runnable action) {
		return this.saves.save(redirect, "/admin/teams", action);
	}

	private static String requireName(String name) {
		if (name.isBlank() || name.length() > 100) {
			throw ValidationException.of("name", "error.team.name");
		}
		return name;
	}

}
