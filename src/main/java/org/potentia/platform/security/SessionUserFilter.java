package org.potentia.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.potentia.platform.StaticFiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the user of a browser session afresh on every page request (one query by primary
 * key): a deactivated or deleted user's session is ended there and then, and a changed
 * role, team or name takes effect at once, so a demoted manager's open session loses the
 * team's visibility. Sessions are also ended outright on such changes (by the identity
 * module); this covers the session in which the change was made and changes made in the
 * database directly.
 */
class SessionUserFilter extends OncePerRequestFilter {

	private final SignedInUsers users;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SessionUserFilter(SignedInUsers users) {
		this.users = users;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// The path first: asking for the session reads it from the database.
		return StaticFiles.isStatic(path) || request.getSession(false) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PotentiaPrincipal principal) {
			CurrentUser before = principal.currentUser();
			Optional<Authentication> now = this.users.current(before.id());
			if (now.isEmpty()) {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
			}
			else if (!CurrentUser.of(now.get()).equals(before)) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(now.get());
				SecurityContextHolder.setContext(context);
				this.repository.saveContext(context, request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
