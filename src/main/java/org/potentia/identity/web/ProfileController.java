package org.potentia.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.potentia.identity.IdentityService;
import org.potentia.identity.ProfileView;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.UserLocaleResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own profile: language, password and API tokens.
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private final IdentityService identity;

	private final ProfileView view;

	private final LocaleResolver localeResolver;

	private final Messages messages;

	ProfileController(IdentityService identity, ProfileView view, LocaleResolver localeResolver, Messages messages) {
		this.identity = identity;
		this.view = view;
		this.localeResolver = localeResolver;
		this.messages = messages;
	}

	@GetMapping
	String show(CurrentUser user, Model model) {
		model.addAttribute("profile", this.view.of(user));
		return "identity/profile";
	}

	@PostMapping("/language")
	String language(CurrentUser user, @RequestParam String language, @RequestParam(required = false) String page,
			HttpServletRequest request, HttpServletResponse response) {
		Locale locale = UserLocaleResolver.SUPPORTED.stream()
			.filter((candidate) -> candidate.getLanguage().equals(language))
			.findFirst()
			.orElse(Locale.ENGLISH);
		this.identity.chooseLocale(user, locale.getLanguage());
		this.localeResolver.setLocale(request, response, locale);
		return "redirect:" + safeLocalPath(page);
	}

	@PostMapping("/password")
	String password(CurrentUser user, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			Model model, RedirectAttributes redirect) {
		try {
			if (newPassword == null || !newPassword.equals(confirmPassword)) {
				throw ValidationException.of("confirmPassword", "error.password.mismatch");
			}
			this.identity.changeOwnPassword(user, currentPassword, newPassword);
		}
		catch (ValidationException ex) {
			model.addAttribute("profile", this.view.of(user));
			for (FieldError error : ex.getErrors()) {
				model.addAttribute("passwordError_" + error.field(), this.messages.get(error));
			}
			return "identity/profile";
		}
		redirect.addFlashAttribute("success", this.messages.get("profile.password.changed"));
		return "redirect:/profile";
	}

	@PostMapping("/tokens")
	String createToken(CurrentUser user, @RequestParam(required = false) String name, Model model) {
		try {
			String token = this.identity.createToken(user, name);
			model.addAttribute("newToken", token);
		}
		catch (ValidationException ex) {
			model.addAttribute("tokenError", this.messages.get(ex.getErrors().get(0)));
		}
		model.addAttribute("profile", this.view.of(user));
		return "identity/profile";
	}

	/**
	 * The address a new token was shown at, asked again (a reload, the back button): the
	 * profile, since a token is shown only once.
	 */
	@GetMapping("/tokens")
	String tokens() {
		return "redirect:/profile";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.identity.revokeToken(user, id);
		redirect.addFlashAttribute("success", this.messages.get("profile.token.revoked"));
		return "redirect:/profile";
	}

	@PostMapping("/tokens/revoke-all")
	String revokeAllTokens(CurrentUser user, RedirectAttributes redirect) {
		int revoked = this.identity.revokeAllTokens(user);
		redirect.addFlashAttribute("success", this.messages.get("profile.tokens.revoked_all", revoked));
		return "redirect:/profile";
	}

	/**
	 * The page to return to, if it is a path of this server; else the home page.
	 */
	private static String safeLocalPath(String page) {
		if (page == null) {
			return "/";
		}
		try {
			java.net.URI uri = java.net.URI.create(page);
			String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
			return path.startsWith("/") && !path.startsWith("//")
					? path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "") : "/";
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
