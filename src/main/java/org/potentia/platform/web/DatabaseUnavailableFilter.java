package org.potentia.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.DatabaseFailures;
import org.potentia.platform.api.ApiError;
import org.potentia.platform.api.JsonApi;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * The outermost answer to a database that cannot be used: browser sessions are kept in
 * the database, so reading or saving the session fails around the controllers, where no
 * handler sees it. Such a failure is reported (logged at ERROR, the health check DOWN)
 * and, unless the answer has gone out already, answered 503 with the message in the
 * user's language: a JSON:API error under {@code /api/}, a plain page elsewhere (the page
 * needs nothing from the database).
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final DatabaseFailures failures;

	private final MessageSource messages;

	private final ObjectMapper json;

	DatabaseUnavailableFilter(DatabaseFailures failures, MessageSource messages, ObjectMapper json) {
		this.failures = failures;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseFailures.isUnavailable(ex)) {
				throw ex;
			}
			this.failures.report("request " + request.getRequestURI(), ex);
			if (!response.isCommitted()) {
				answer(request, response);
			}
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = request.getLocale();
		String message = this.messages.getMessage("error.database_unavailable", null, locale);
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", "60");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(JsonApi.MEDIA_TYPE);
			Map<String, Object> document = Map.of("errors",
					List.of(ApiError.error(HttpStatus.SERVICE_UNAVAILABLE, message, null)));
			response.getWriter().write(this.json.writeValueAsString(document));
			return;
		}
		response.setContentType("text/html");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage())
					+ "\"><head><meta charset=\"utf-8\"><title>Potentia</title></head>" + "<body><main><h1>503</h1><p>"
					+ HtmlUtils.htmlEscape(message) + "</p></main></body></html>");
	}

}
