package org.potentia.workflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

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

	/**
	 * A host name ({@code smtp.example.com}; with underscores too, as container names
	 * have them), an IPv4 address or an IPv6 address in brackets.
	 */
	private static final Pattern HOST = Pattern.compile(
			"(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*)"
					+ "|\\[[0-9A-Fa-f:.]+\\]");

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
		int portNumber = port(port);
		List<String> problems = new ArrayList<>();
		if (portNumber < 1 || portNumber > 65535) {
			problems.add(this.messages.get("error.mail.port"));
		}
		if (host.length() > 255 || username.length() > 255 || password.length() > 255 || from.length() > 255) {
			problems.add(this.messages.get("error.mail.long"));
		}
		else {
			if (!host.isBlank() && !HOST.matcher(host.trim()).matches()) {
				problems.add(this.messages.get("error.mail.host"));
			}
			if (!from.isBlank() && !isAddress(from.trim())) {
				problems.add(this.messages.get("error.mail.from"));
			}
		}
		if (!problems.isEmpty()) {
			RefusedForms.refuse(redirect, String.join(" ", problems));
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

	private static int port(String port) {
		try {
			return Integer.parseInt(port.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * A sender address as a mail server takes it: {@code crm@example.com}, or with a
	 * name, {@code Potentia <crm@example.com>}.
	 */
	private static boolean isAddress(String from) {
		try {
			InternetAddress address = new InternetAddress(from, true);
			address.validate();
			return address.getAddress().contains("@");
		}
		catch (AddressException ex) {
			return false;
		}
	}

}
