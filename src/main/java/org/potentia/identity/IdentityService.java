package org.potentia.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, teams and API tokens. Other modules read users through {@link #userOptions()}
 * and {@link #findUser(long)}.
 */
@Service
@Transactional(readOnly = true)
public class IdentityService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final TeamRepository teams;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final UserSessions sessions;

	private final JdbcClient jdbc;

	IdentityService(UserRepository users, TeamRepository teams, ApiTokenRepository tokens,
			PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, UserSessions sessions, JdbcClient jdbc) {
		this.users = users;
		this.teams = teams;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.sessions = sessions;
		this.jdbc = jdbc;
	}

	/**
	 * Active users, for owner pickers.
	 */
	public List<UserOption> userOptions() {
		return this.users.findByActiveTrueOrderByLastNameAscFirstNameAsc()
			.stream()
			.map((user) -> new UserOption(user.getId(), user.getDisplayName(), user.getTeamId()))
			.toList();
	}

	/**
	 * Checks that an owner chosen in a form or sent to the API is an active user.
	 * @param field the catalogue name of the owner field, for the error
	 * @throws ValidationException if not
	 */
	public void requireActiveUser(Long id, String field) {
		if (id == null || this.users.findById(id).filter(User::isActive).isEmpty()) {
			throw ValidationException.of(field, "error.owner.unknown");
		}
	}

	/**
	 * The owner a record gets when it is saved: the one the form or API asked for, else
	 * the one it has, else (a new record) the user who saves it. A new or changed owner
	 * must be an active user; a record may keep an owner who has left.
	 * @param requested the owner asked for, or null
	 * @param current the record's owner, or null for a new record
	 * @throws ValidationException on the field {@code owner_id} if the owner is not an
	 * active user
	 */
	public Long requireOwner(Long requested, Long current, CurrentUser user) {
		Long owner = (requested != null) ? requested : (current != null) ? current : user.id();
		if (!owner.equals(current)) {
			requireActiveUser(owner, "owner_id");
		}
		return owner;
	}

	/**
	 * Whether the user exists and may sign in (for another module's checks).
	 */
	public boolean isActive(long id) {
		return this.users.findById(id).filter(User::isActive).isPresent();
	}

	public Optional<User> findUser(long id) {
		return this.users.findById(id);
	}

	/**
	 * The display name of a record's owner, or an empty text if it has none or the user
	 * is gone; for the cards.
	 */
	public String ownerName(Long id) {
		return (id != null) ? findUser(id).map(User::getDisplayName).orElse("") : "";
	}

	/**
	 * An active user as the current user, for work done in their name without a request
	 * (a workflow converting their lead).
	 */
	public Optional<CurrentUser> actingAs(long id) {
		return this.users.findById(id).filter(User::isActive).map(User::toCurrentUser);
	}

	public List<User> allUsers() {
		return this.users.findAllByOrderByLastNameAscFirstNameAsc();
	}

	public List<Team> allTeams() {
		return this.teams.findAllByOrderByName();
	}

	public Map<Long, String> teamNames() {
		return this.teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName));
	}

	public boolean hasUsers() {
		return this.users.count() > 0;
	}

	@Transactional
	public User createUser(String username, String password, String firstName, String lastName, String email, Role role,
			Long teamId) {
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw ValidationException.of("username", "error.user.username_taken");
		}
		checkPassword("password", password);
		checkTeam(teamId);
		User user = new User(username.trim(), this.passwordEncoder.encode(password), role);
		user.describe(firstName, lastName, email);
		user.assign(role, teamId);
		return this.users.save(user);
	}

	@Transactional
	public void updateUser(long id, long version, String firstName, String lastName, String email, Role role,
			Long teamId, boolean active, CurrentUser actor) {
		User user = this.users.findById(id).orElseThrow(() -> new NotFoundException("users", id));
		if (user.getVersion() != version) {
			throw ConflictException.staleVersion();
		}
		checkTeam(teamId);
		if (user.getId() == actor.id() && (!active || role != Role.ADMIN)) {
			throw ValidationException.of("role", "error.user.self_demote");
		}
		boolean rightsChange = user.isActive() != active || user.getRole() != role
				|| !java.util.Objects.equals(user.getTeamId(), teamId);
		user.describe(firstName, lastName, email);
		user.assign(role, teamId);
		user.activate(active);
		if (rightsChange) {
			this.sessions.endOtherSessions(user.getUsername());
		}
	}

	@Transactional
	public void resetPassword(long id, String password) {
		checkPassword("password", password);
		User user = this.users.findById(id).orElseThrow(() -> new NotFoundException("users", id));
		user.changePassword(this.passwordEncoder.encode(password));
		this.sessions.endOtherSessions(user.getUsername());
	}

	@Transactional
	public void changeOwnPassword(CurrentUser current, String currentPassword, String newPassword) {
		User user = this.users.findById(current.id()).orElseThrow(() -> new NotFoundException("users", current.id()));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw ValidationException.of("currentPassword", "error.password.wrong");
		}
		checkPassword("newPassword", newPassword);
		user.changePassword(this.passwordEncoder.encode(newPassword));
		this.sessions.endOtherSessions(user.getUsername());
	}

	@Transactional
	public void chooseLocale(CurrentUser current, String locale) {
		this.users.findById(current.id()).ifPresent((user) -> user.chooseLocale(locale));
	}

	@Transactional
	public Team createTeam(String name) {
		if (this.teams.existsByNameIgnoreCase(name.trim())) {
			throw ValidationException.of("name", "error.team.name_taken");
		}
		return this.teams.save(new Team(name.trim()));
	}

	/**
	 * Renames a team.
	 * @param version the version the admin's page showed, or null if it does not say
	 * @throws ConflictException if the team was saved since that version
	 */
	@Transactional
	public void renameTeam(long id, Long version, String name) {
		Team team = this.teams.findById(id).orElseThrow(() -> new NotFoundException("teams", id));
		ConflictException.checkVersion(version, team.getVersion());
		if (!team.getName().equalsIgnoreCase(name.trim()) && this.teams.existsByNameIgnoreCase(name.trim())) {
			throw ValidationException.of("name", "error.team.name_taken");
		}
		team.rename(name.trim());
	}

	/**
	 * Makes a token for the user. The returned text is the only time the token is seen.
	 */
	@Transactional
	public String createToken(CurrentUser user, String name) {
		return issueToken(user, name).token();
	}

	/**
	 * Makes a token for the user, with the id that names it in the API.
	 */
	@Transactional
	public IssuedToken issueToken(CurrentUser user, String name) {
		String trimmed = (name == null) ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw ValidationException.of("name", "error.token.name");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "pt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken saved = this.tokens.save(new ApiToken(user.id(), trimmed, hash(token), token.substring(0, 10)));
		return new IssuedToken(saved.getId(), trimmed, token);
	}

	/**
	 * A token just made: the only time its text is seen.
	 *
	 * @param id the token's id
	 * @param name its name
	 * @param token the token to send as {@code Authorization: Bearer}
	 */
	public record IssuedToken(long id, String name, String token) {
	}

	List<ApiToken> tokensOf(CurrentUser user) {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(user.id());
	}

	@Transactional
	public void revokeToken(CurrentUser user, long tokenId) {
		ApiToken token = this.tokens.findById(tokenId)
			.filter((candidate) -> candidate.getUserId().equals(user.id()))
			.orElseThrow(() -> new NotFoundException("tokens", tokenId));
		token.revoke();
	}

	/**
	 * Revokes all of the user's API tokens that are not revoked yet.
	 * @return how many were revoked
	 */
	@Transactional
	public int revokeAllTokens(CurrentUser user) {
		int revoked = 0;
		for (ApiToken token : this.tokens.findByUserIdOrderByCreatedAtDesc(user.id())) {
			if (!token.isRevoked()) {
				token.revoke();
				revoked++;
			}
		}
		return revoked;
	}

	/**
	 * The active user a token belongs to, if the token is known and not revoked. One
	 * plain read of the token joined to its user (this runs on every API request, so not
	 * through JPA: no entity is needed, only who it is); when the token was last used
	 * more than a minute ago, its time of use is written afterwards in a transaction of
	 * its own.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<CurrentUser> userForToken(String token) {
		Optional<TokenOwner> owner = this.jdbc.sql("""
				SELECT t.id, t.last_used_at, u.id AS user_id, u.username, u.first_name, u.last_name, u.role,
				       u.team_id, u.locale
				FROM api_tokens t JOIN users u ON u.id = t.user_id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = TRUE""")
			.param(hash(token))
			.query((row, number) -> new TokenOwner(row.getLong("id"),
					Optional.ofNullable(row.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null),
					new CurrentUser(row.getLong("user_id"), row.getString("username"),
							User.displayName(row.getString("first_name"), row.getString("last_name")),
							Role.valueOf(row.getString("role")), row.getObject("team_id", Long.class),
							row.getString("locale"))))
			.optional();
		owner
			.filter((found) -> found.lastUsedAt() == null
					|| found.lastUsedAt().isBefore(Instant.now().minus(Duration.ofMinutes(1))))
			.ifPresent((found) -> this.tokens.touch(found.tokenId(), Instant.now()));
		return owner.map(TokenOwner::user);
	}

	private record TokenOwner(long tokenId, Instant lastUsedAt, CurrentUser user) {
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private void checkPassword(String field, String password) {
		this.passwordPolicy.check(field, password);
	}

	private void checkTeam(Long teamId) {
		if (teamId != null && !this.teams.existsById(teamId)) {
			throw ValidationException.of("teamId", "error.team.unknown");
		}
	}

}
