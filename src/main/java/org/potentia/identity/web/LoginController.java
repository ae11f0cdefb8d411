package org.potentia.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security handles the post and sign-out. After too many failed
 * sign-ins the page says how many minutes to wait ({@code ?locked=minutes}).
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, Model model) {
		if (locked != null && locked.matches("[0-9]{1,4}")) {
			model.addAttribute("lockedMinutes", Integer.parseInt(locked));
		}
		return "identity/login";
	}

}
