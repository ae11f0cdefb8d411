package org.potentia.workflow.web;

import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.RedirectedSaves;
import org.potentia.workflow.MailSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page of the SMTP server that workflows send email through.
 */
@Controller
@RequestMapping("/admin/workflows/mail")
class MailAdminController {

	private final MailSettings settings;

	private final RedirectedSaves saves;

	MailAdminController(MailSettings settings, RedirectedSaves saves) {
		this.settings = settings;
		this.saves = saves;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("mail", this.settings.current());
		model.addAttribute("version", this.settings.version());
		return "workflows/admin-mail";
	}

	@PostMapping
	String save(@RequestParam(defaultValue = "") String host, @RequestParam(defaultValue = "587") String port,
			@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "false") boolean tls,
			@RequestParam(defaultValue = "en") String language, @RequestParam(required = false) Long version,
			CurrentUser user, RedirectAttributes redirect) {
		return this.saves.save(redirect, "/admin/workflows/mail",
				() -> this.settings.save(
						new MailSettings.Mail(host, port(port), username, password, from, tls, language), version,
						user.username()));
	}

	/** The port typed, or -1 for what is no number, which the settings refuse. */
	private static int port(String port) {
		try {
			return Integer.parseInt(port.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
