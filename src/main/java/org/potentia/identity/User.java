package org.potentia.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;

/**
 * A person who signs in to Potentia.
 */
@Entity
@Table(name = "users")
public class User extends AuditedEntity {

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name")
	private String lastName;

	private String email;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "team_id")
	private Long teamId;

	private boolean active = true;

	private String locale;

	protected User() {
	}

	User(String username, String passwordHash, Role role) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
	}

	void describe(String firstName, String lastName, String email) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.email = email;
	}

	void assign(Role role, Long teamId) {
		this.role = role;
		this.teamId = teamId;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void activate(boolean active) {
		this.active = active;
	}

	void chooseLocale(String locale) {
		this.locale = locale;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getEmail() {
		return this.email;
	}

	public Role getRole() {
		return this.role;
	}

	public Long getTeamId() {
		return this.teamId;
	}

	public boolean isActive() {
		return this.active;
	}

	public String getLocale() {
		return this.locale;
	}

	public String getDisplayName() {
		return displayName(this.firstName, this.lastName);
	}

	static String displayName(String firstName, String lastName) {
		return ((firstName != null) ? firstName + " " : "") + lastName;
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(getId(), this.username, getDisplayName(), this.role, this.teamId, this.locale);
	}

}
