package org.potentia.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.PotentiaPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in user. It is kept in the browser session in the database,
 * so the password hash is erased after sign-in.
 */
final class PotentiaUser implements UserDetails, PotentiaPrincipal, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final CurrentUser currentUser;

	private final boolean enabled;

	private String password;

	PotentiaUser(CurrentUser currentUser, String password, boolean enabled) {
		this.currentUser = currentUser;
		this.password = password;
		this.enabled = enabled;
	}

	static PotentiaUser of(User user) {
		return new PotentiaUser(user.toCurrentUser(), user.getPasswordHash(), user.isActive());
	}

	@Override
	public CurrentUser currentUser() {
		return this.currentUser;
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

	@Override
	public void eraseCredentials() {
		this.password = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PotentiaUser user && this.currentUser.equals(user.currentUser)
				&& this.enabled == user.enabled;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.currentUser, this.enabled);
	}

	@Override
	public String toString() {
		return "PotentiaUser[" + this.currentUser + ", enabled=" + this.enabled + "]";
	}

}
