package org.potentia.identity;

import java.time.Instant;
import java.util.List;

import org.potentia.platform.NotFoundException;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the profile page shows.
 */
@Component
public class ProfileView {

	private final IdentityService identity;

	ProfileView(IdentityService identity) {
		this.identity = identity;
	}

	@Transactional(readOnly = true)
	public Profile of(CurrentUser current) {
		User user = this.identity.findUser(current.id())
			.orElseThrow(() -> new NotFoundException("users", current.id()));
		List<Token> tokens = this.identity.tokensOf(current)
			.stream()
			.map((token) -> new Token(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
					token.getLastUsedAt(), token.getRevokedAt()))
			.toList();
		String team = (user.getTeamId() != null) ? this.identity.teamNames().get(user.getTeamId()) : null;
		return new Profile(user.getUsername(), user.getDisplayName(), user.getEmail(),
				user.getRole().name().toLowerCase(), team, user.getLocale(), tokens);
	}

	/**
	 * The profile of the signed-in user.
	 */
	public record Profile(String username, String name, String email, String role, String team, String locale,
			List<Token> tokens) {
	}

	/**
	 * An API token as listed: never the token itself, only its first characters.
	 */
	public record Token(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

		public boolean isRevoked() {
			return this.revokedAt != null;
		}

	}

}
