package org.potentia.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in by password while its user name is locked or its address has used up
 * its budget ({@link SignInThrottle}), before the password is checked: the form is sent
 * back to the sign-in page with the minutes to wait, HTTP Basic answers 429 with
 * Retry-After.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final boolean basic;

	private final SecurityConfiguration.ApiErrors errors;

	private SignInThrottleFilter(SignInThrottle throttle, boolean basic, SecurityConfiguration.ApiErrors errors) {
		this.throttle = throttle;
		this.basic = basic;
		this.errors = errors;
	}

	/**
	 * Guards the sign-in form ({@code POST /login}).
	 */
	static SignInThrottleFilter form(SignInThrottle throttle) {
		return new SignInThrottleFilter(throttle, false, null);
	}

	/**
	 * Guards HTTP Basic, answering a JSON:API error document.
	 */
	static SignInThrottleFilter basic(SignInThrottle throttle, SecurityConfiguration.ApiErrors errors) {
		return new SignInThrottleFilter(throttle, true, errors);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (this.basic) {
			return username(request) == null;
		}
		return !(HttpMethod.POST.matches(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = this.basic ? username(request) : request.getParameter("username");
		OptionalLong wait = this.throttle.check(username, request.getRemoteAddr());
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = wait.getAsLong();
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		if (this.basic) {
			this.errors.tooManySignIns(response, seconds);
		}
		else {
			long minutes = Math.max(1, (seconds + 59) / 60);
			response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
		}
	}

	/**
	 * The user name of an {@code Authorization: Basic} header, or null if there is none
	 * or it cannot be read (then HTTP Basic itself refuses it).
	 */
	static String username(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
