package org.potentia.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other filter reads the request, a request that Spring or Tomcat
 * would fail on with a 500 (or an error logged as the server's) rather than a client
 * error:
 * <ul>
 * <li>a body whose {@code Content-Type} is no concrete media type ({@code *}/{@code *},
 * or not parseable): 415, as Spring refuses to read such a body with an exception of its
 * own;
 * <li>an upload whose file name holds a NUL: 400 with a message. Tomcat throws while
 * parsing the parts, from whichever {@code getParameter} comes first (the CSRF check).
 * Other odd names are parsed, and cleaned where they are kept;
 * <li>parameters, in the address or a form body, that Tomcat cannot decode (a
 * percent-escape that is no UTF-8, such as {@code ?filter=%ff}) or too many of them: 400
 * (413 where the form body is too large). Tomcat throws from the first
 * {@code getParameter}, which in the API became a 500 and on pages an error logged with
 * its stack trace. The OData feed reads its own query and is left to it.
 * </ul>
 * The error page (or, under {@code /api/}, the error document) says why. It runs after
 * the public forms' guard (-200), which refuses large bodies and counts posts before
 * anything reads them, and before Spring Security (-100), whose CSRF check reads the
 * parameters.
 */
@Component
@Order(UnreadableRequestFilter.ORDER)
class UnreadableRequestFilter extends OncePerRequestFilter {

	/**
	 * Between the public forms' guard and Spring Security.
	 */
	static final int ORDER = -150;

	/**
	 * The request attribute naming the message key the error page shows.
	 */
	static final String ERROR_MESSAGE_KEY = UnreadableRequestFilter.class.getName() + ".messageKey";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		if (body && contentType != null && !contentType.isBlank()) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (InvalidMediaTypeException ex) {
				type = null;
			}
			if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
				refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media_type");
				return;
			}
		}
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/odata/")) {
			try {
				request.getParameterMap();
			}
			catch (InvalidFileNameException ex) {
				refuse(request, response, HttpStatus.BAD_REQUEST, "error.file_name");
				return;
			}
			catch (InvalidParameterException ex) {
				boolean tooLarge = ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
				refuse(request, response, tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
						tooLarge ? "error.too_large" : "error.bad_parameters");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String messageKey) throws IOException {
		request.setAttribute(ERROR_MESSAGE_KEY, messageKey);
		response.sendError(status.value());
	}

}
