package org.potentia.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page.
 */
@ControllerAdvice
class LayoutAdvice {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/**
	 * Where the language switch returns to: the page shown, when a GET shows it. A page
	 * shown as the answer to a form post (a form with errors, a new API token) has no
	 * address to return to: the switch then goes to the home page.
	 */
	@ModelAttribute("returnPath")
	String returnPath(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return null;
		}
		return request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
	}

}
