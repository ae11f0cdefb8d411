package org.potentia.workflow.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.platform.security.CurrentUser;
import org.potentia.workflow.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The signed-in user's notifications: the menu in the page header (loaded by htmx, with
 * the number unread), the full list, and marking them read.
 */
@Controller
@RequestMapping("/notifications")
class NotificationController {

	private static final int MENU_SIZE = 10;

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/menu")
	String menu(CurrentUser user, Model model) {
		model.addAttribute("unread", this.notifications.unread(user.id()));
		model.addAttribute("notifications", this.notifications.latest(user.id(), MENU_SIZE));
		return "notifications/menu :: menu";
	}

	@GetMapping
	String list(CurrentUser user, Model model) {
		model.addAttribute("unread", this.notifications.unread(user.id()));
		model.addAttribute("notifications", this.notifications.latest(user.id(), 200));
		return "notifications/list";
	}

	@PostMapping("/{id}/read")
	String read(@PathVariable long id, CurrentUser user, Model model, HtmxRequest htmx) {
		this.notifications.markRead(id, user.id());
		return htmx.isHtmxRequest() ? menu(user, model) : "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String readAll(CurrentUser user, Model model, HtmxRequest htmx) {
		this.notifications.markAllRead(user.id());
		return htmx.isHtmxRequest() ? menu(user, model) : "redirect:/notifications";
	}

}
