package org.potentia.workflow.web;

import org.potentia.platform.ConflictException;
import org.potentia.platform.Messages;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.RefusedForms;
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

	private final Messages messages;

	MailAdminController(MailSettings settings, Messages messages) {
		this.settings = settings;
		this.messages = messages;
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
		int portNumber;
		try {
			portNumber = Integer.parseInt(port.trim());
		}
		catch (NumberFormatException ex) {
			portNumber = -1;
		}
		if (portNumber < 1 || portNumber > 65535) {
			RefusedForms.refuse(redirect, this.messages.get("error.mail.port"));
			return "redirect:/admin/workflows/mail";
		}
		if (host.length() > 255 || username.length() > 255 || password.length() > 255 || from.length() > 255) {
			RefusedForms.refuse(redirect, this.messages.get("error.mail.long"));
			return "redirect:/admin/workflows/mail";
		}
		try {
			this.settings.save(new MailSettings.Mail(host, portNumber, username, password, from, tls, language),
					version, user.username());
			redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex.getMessageKey(), ex.getArguments()));
		}
		return "redirect:/admin/workflows/mail";
	}

}
