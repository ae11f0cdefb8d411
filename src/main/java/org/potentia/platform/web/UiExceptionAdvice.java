package org.potentia.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page for a record that does not exist or that the user may not see answers 404 with
 * the error page, not 500. (The API's controllers have their own handler, which comes
 * first.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiExceptionAdvice {

	private final Messages messages;

	UiExceptionAdvice(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		// Exception handlers get no @ModelAttribute values; the layout needs this one.
		model.addAttribute("currentPath", request.getRequestURI());
		model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("message", this.messages.get("error.notfound"));
		return "error";
	}

}
