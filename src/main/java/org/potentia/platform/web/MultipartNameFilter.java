package org.potentia.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload whose file name Tomcat will not parse (it holds a NUL) with 400 and a
 * message, before any other filter reads a parameter: Tomcat throws while parsing the
 * parts, from whichever {@code getParameter} comes first (the CSRF check), which would
 * otherwise be a 500. Other odd names are parsed, and cleaned where they are kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MultipartNameFilter extends OncePerRequestFilter {

	/**
	 * The request attribute naming the message key the error page shows.
	 */
	static final String ERROR_MESSAGE_KEY = MultipartNameFilter.class.getName() + ".messageKey";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
			try {
				request.getParameterMap();
			}
			catch (InvalidFileNameException ex) {
				request.setAttribute(ERROR_MESSAGE_KEY, "error.file_name");
				response.sendError(HttpStatus.BAD_REQUEST.value());
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
