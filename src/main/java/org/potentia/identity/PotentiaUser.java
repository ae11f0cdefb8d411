package org.potentia.identity;

import java.util.Collection;
import java.util.List;

import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.PotentiaPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in user.
 */
record PotentiaUser(CurrentUser currentUser, String password,
		boolean enabled) implements UserDetails, PotentiaPrincipal {

	static PotentiaUser of(User user) {
		return new PotentiaUser(user.toCurrentUser(), user.getPasswordHash(), user.isActive());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.currentUser.role().name()));
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.currentUser.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
