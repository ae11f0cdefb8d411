package org.potentia.lead;

import java.util.UUID;

import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Users for lead tests, each with a name no other test uses (on PostgreSQL the tests
 * share one database), signed in where a test needs a security context.
 */
public final class LeadFixtures {

	private final IdentityService identity;

	private final UserDetailsService users;

	public LeadFixtures(IdentityService identity, UserDetailsService users) {
		this.identity = identity;
		this.users = users;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public CurrentUser rep(String name) {
		return user(name, Role.REP);
	}

	public CurrentUser admin(String name) {
		return user(name, Role.ADMIN);
	}

	public CurrentUser user(String name, Role role) {
		String username = unique(name).toLowerCase();
		User user = this.identity.createUser(username, "test-password-1", name, "Tester", null, role, null);
		return new CurrentUser(user.getId(), username, user.getDisplayName(), role, null, null);
	}

	public String token(CurrentUser user) {
		return this.identity.createToken(user, "test");
	}

	public UserDetails details(CurrentUser user) {
		return this.users.loadUserByUsername(user.username());
	}

	/**
	 * Signs the user in on this thread, as a request would.
	 */
	public void signIn(CurrentUser user) {
		UserDetails details = details(user);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
	}

}
