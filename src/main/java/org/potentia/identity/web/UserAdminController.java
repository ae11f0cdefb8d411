package org.potentia.identity.web;

import jakarta.validation.Valid;

import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.platform.web.AdminSection;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for users: list, create, edit (role, team, active), reset password.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final IdentityService identity;

	private final Messages messages;

	UserAdminController(IdentityService identity, Messages messages) {
		this.identity = identity;
		this.messages = messages;
	}

	@Bean
	static AdminSection usersAdminSection() {
		return new AdminSection("admin.users", "admin.users.description", "/admin/users", 10);
	}

	@ModelAttribute
	void reference(Model model) {
		model.addAttribute("teams", this.identity.allTeams());
		model.addAttribute("teamNames", this.identity.teamNames());
		model.addAttribute("roles", Role.values());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.identity.allUsers());
		return "identity/users";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("userForm", new UserForm());
		return "identity/user-form";
	}

	@PostMapping
	String create(@Valid UserForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.identity.createUser(form.getUsername(), form.getPassword(), form.getFirstName(),
						form.getLastName(), form.getEmail(), form.getRole(), form.getTeamId());
				redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
				return "redirect:/admin/users";
			}
			catch (ValidationException ex) {
				reject(result, ex);
			}
		}
		return "identity/user-form";
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		User user = this.identity.findUser(id).orElseThrow(() -> new NotFoundException("users", id));
		model.addAttribute("userForm", UserForm.of(user));
		model.addAttribute("userId", id);
		return "identity/user-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid UserForm form, BindingResult result, CurrentUser actor, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("userId", id);
		if (!result.hasErrors()) {
			try {
				this.identity.updateUser(id, form.getVersion(), form.getFirstName(), form.getLastName(),
						form.getEmail(), form.getRole(), form.getTeamId(), form.isActive(), actor);
				redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
				return "redirect:/admin/users";
			}
			catch (ValidationException ex) {
				reject(result, ex);
			}
			catch (ConflictException ex) {
				model.addAttribute("conflict", this.messages.get(ex.getMessageKey()));
			}
		}
		return "identity/user-form";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		try {
			this.identity.resetPassword(id, password);
			redirect.addFlashAttribute("success", this.messages.get("admin.users.password_reset"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex.getErrors().get(0)));
		}
		return "redirect:/admin/users/" + id;
	}

	private void reject(BindingResult result, ValidationException ex) {
		for (FieldError error : ex.getErrors()) {
			result.rejectValue(error.field(), error.messageKey(), this.messages.get(error));
		}
	}

}
