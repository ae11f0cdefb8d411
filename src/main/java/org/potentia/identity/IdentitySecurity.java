package org.potentia.identity;

import java.util.Optional;

import org.potentia.platform.security.ApiTokenAuthenticator;
import org.potentia.platform.security.SignedInUsers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in by password (form and HTTP Basic) and by API token, and the signed-in user as
 * they are now for each request of a browser session.
 */
@Component
class IdentitySecurity implements UserDetailsService, UserDetailsPasswordService, ApiTokenAuthenticator, SignedInUsers {

	private final UserRepository users;

	private final IdentityService identity;

	IdentitySecurity(UserRepository users, IdentityService identity) {
		this.users = users;
		this.identity = identity;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsernameIgnoreCase(username)
			.map(PotentiaUser::of)
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/**
	 * Re-hashes a password that was hashed with an older algorithm (bcrypt) with the
	 * current one (PBKDF2), on a successful sign-in.
	 */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		return this.users.findByUsernameIgnoreCase(user.getUsername()).map((found) -> {
			found.changePassword(newPassword);
			return (UserDetails) PotentiaUser.of(this.users.save(found));
		}).orElse(user);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Authentication> current(long userId) {
		return this.users.findById(userId).filter(User::isActive).map(PotentiaUser::of).map((principal) -> {
			principal.eraseCredentials();
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		});
	}

	@Override
	public Optional<Authentication> authenticate(String token) {
		return this.identity.userForToken(token).map((user) -> new PotentiaUser(user, null, true)).map((principal) -> {
			UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
				.authenticated(principal, null, principal.getAuthorities());
			return authentication;
		});
	}

}
