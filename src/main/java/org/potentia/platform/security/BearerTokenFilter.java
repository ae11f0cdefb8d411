package org.potentia.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A wrong
 * token answers 401 at once; a request without one goes on unauthenticated.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokenAuthenticator authenticator;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(ApiTokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
		this.authenticator = authenticator;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			Optional<Authentication> authentication = this.authenticator.authenticate(header.substring(7).trim());
			if (authentication.isEmpty()) {
				SecurityContextHolder.clearContext();
				this.entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(authentication.get());
		}
		chain.doFilter(request, response);
	}

}
