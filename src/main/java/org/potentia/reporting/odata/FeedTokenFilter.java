package org.potentia.reporting.odata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.security.ApiTokenAuthenticator;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the feed's requests by API token, the same tokens as the web service's:
 * as {@code Authorization: Bearer <token>}, or as the password of HTTP Basic (the user
 * name is not checked), which is what Excel's and Power BI's OData connector can send. A
 * sign-in password is never accepted here. A wrong token answers 401 at once; a request
 * without one goes on unauthenticated (and is refused by the chain).
 */
final class FeedTokenFilter extends OncePerRequestFilter {

	private final ApiTokenAuthenticator authenticator;

	private final AuthenticationEntryPoint entryPoint;

	FeedTokenFilter(ApiTokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
		this.authenticator = authenticator;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = token(request.getHeader("Authorization"));
		if (token != null) {
			Optional<Authentication> authentication = token.isEmpty() ? Optional.empty()
					: this.authenticator.authenticate(token);
			if (authentication.isEmpty()) {
				SecurityContextHolder.clearContext();
				this.entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(authentication.get());
		}
		chain.doFilter(request, response);
	}

	/**
	 * The token of a Bearer or Basic authorization header; empty for a malformed one,
	 * null for none.
	 */
	static String token(String header) {
		if (header == null) {
			return null;
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).trim();
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = credentials.indexOf(':');
				return (colon < 0) ? "" : credentials.substring(colon + 1).trim();
			}
			catch (IllegalArgumentException ex) {
				return "";
			}
		}
		return null;
	}

}
