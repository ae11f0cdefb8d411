package org.potentia.webform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.DatabaseFailures;
import org.potentia.webform.RateLimiter;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormProperties;
import org.potentia.webform.WebFormService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Stands in front of the public forms: answers CORS pre-flight requests for the origins a
 * form allows (and adds the CORS headers to their other requests), refuses posts from
 * origins a form does not allow, counts every post against its address's rate limit (429
 * with Retry-After), and refuses bodies over the size limit (413) before anything reads
 * them.
 */
class WebFormGuard extends OncePerRequestFilter {

	private static final Pattern FORM_PATH = Pattern.compile("^/forms/([A-Za-z0-9]{1,40})(/token)?/?$");

	private final WebFormService forms;

	private final RateLimiter rateLimiter;

	private final int maxBodySize;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	private final DatabaseFailures databaseFailures;

	WebFormGuard(WebFormService forms, RateLimiter rateLimiter, WebFormProperties properties, MessageSource messages,
			LocaleResolver locales, ObjectMapper json, DatabaseFailures databaseFailures) {
		this.databaseFailures = databaseFailures;
		this.forms = forms;
		this.rateLimiter = rateLimiter;
		this.maxBodySize = properties.maxBodySize();
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !FORM_PATH.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = FORM_PATH.matcher(path(request));
		matcher.matches();
		Optional<WebForm> form;
		try {
			form = this.forms.published(matcher.group(1));
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isUnavailable(ex)) {
				throw ex;
			}
			// A database that failed: JSON for a JSON request, else the message.
			this.databaseFailures.report("web form " + matcher.group(1), ex);
			refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "error.database_unavailable",
					this.locales.resolveLocale(request), request);
			return;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		boolean foreign = origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
		boolean allowed = form.isPresent() && foreign && form.get().allows(origin);
		if (allowed) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		}
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			if (!allowed) {
				response.setStatus(HttpStatus.FORBIDDEN.value());
				return;
			}
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Accept, Accept-Language");
			response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		if (!HttpMethod.POST.matches(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = this.locales.resolveLocale(request);
		if (form.isPresent() && foreign && !allowed) {
			refuse(response, HttpStatus.FORBIDDEN, "webform.error.origin_refused", locale, request);
			return;
		}
		OptionalLong wait = this.rateLimiter.acquire(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()));
			refuse(response, HttpStatus.TOO_MANY_REQUESTS, "webform.error.rate", locale, request);
			return;
		}
		long length = request.getContentLengthLong();
		if (length < 0) {
			refuse(response, HttpStatus.LENGTH_REQUIRED, "webform.error.length", locale, request);
			return;
		}
		if (length > this.maxBodySize) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, "error.too_large", locale, request);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String key, Locale locale,
			HttpServletRequest request) throws IOException {
		refuse(response, status, "refused", key, locale, request);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String code, String key, Locale locale,
			HttpServletRequest request) throws IOException {
		String message = this.messages.getMessage(key, null, key, locale);
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String type = request.getContentType();
		if ((type != null && type.startsWith(MediaType.APPLICATION_JSON_VALUE))
				|| (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE))
				|| request.getRequestURI().endsWith("/token")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.json.writeValue(response.getWriter(), java.util.Map.of("status", code, "message", message));
		}
		else {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write(message);
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	static String ownOrigin(HttpServletRequest request) {
		int port = request.getServerPort();
		boolean standard = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + request.getServerName() + (standard ? "" : ":" + port);
	}

}
