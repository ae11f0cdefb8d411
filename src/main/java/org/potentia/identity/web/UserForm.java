package org.potentia.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.potentia.identity.User;
import org.potentia.platform.security.Role;

/**
 * The admin's user form.
 */
public class UserForm {

	@NotBlank
	@Size(max = 100)
	@Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{error.user.username_chars}")
	private String username;

	@Size(max = 100)
	private String firstName;

	@NotBlank
	@Size(max = 100)
	private String lastName;

	@Email
	@Size(max = 200)
	private String email;

	@NotNull
	private Role role = Role.REP;

	private Long teamId;

	private boolean active = true;

	private String password;

	private long version;

	static UserForm of(User user) {
		UserForm form = new UserForm();
		form.username = user.getUsername();
		form.firstName = user.getFirstName();
		form.lastName = user.getLastName();
		form.email = user.getEmail();
		form.role = user.getRole();
		form.teamId = user.getTeamId();
		form.active = user.isActive();
		form.version = user.getVersion();
		return form;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public Long getTeamId() {
		return this.teamId;
	}

	public void setTeamId(Long teamId) {
		this.teamId = teamId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
