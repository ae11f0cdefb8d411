package org.potentia.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The pages' answer to a record that does not exist or that the user may not see: the
 * error page with 404, as the API answers, instead of a 500. Ordered last, so that the
 * API's own handler keeps answering its controllers with JSON.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final Messages messages;

	PageExceptionHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(HttpServletRequest request, Model model) {
		// An exception handler's model misses what LayoutAdvice adds for the layout.
		model.addAttribute("currentPath", request.getRequestURI());
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		model.addAttribute("message", this.messages.get("error.notfound"));
		return "error";
	}

}
