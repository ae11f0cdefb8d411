package org.potentia.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.StartupTask;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, with no users at all, creates the admin. The password comes from
 * {@code POTENTIA_ADMIN_PASSWORD}; without it a random one is printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private final IdentityService identity;

	private final String username;

	private final String password;

	AdminBootstrap(IdentityService identity, @Value("${potentia.admin.username:admin}") String username,
			@Value("${potentia.admin.password:}") String password) {
		this.identity = identity;
		this.username = username;
		this.password = password;
	}

	@Override
	public void runAtStartup() {
		if (this.identity.hasUsers()) {
			return;
		}
		boolean generated = this.password == null || this.password.isBlank();
		String effective = generated ? IdentityService.randomPassword() : this.password;
		try {
			this.identity.createUser(this.username, effective, null, "Administrator", null, Role.ADMIN, null);
		}
		catch (ValidationException ex) {
			throw new IllegalStateException("POTENTIA_ADMIN_PASSWORD does not meet the password policy (at least "
					+ PasswordPolicy.MIN_LENGTH + " and at most " + PasswordPolicy.MAX_LENGTH
					+ " characters, not one of the most common passwords, not a few characters repeated): "
					+ ex.getErrors().get(0).messageKey(), ex);
		}
		if (generated) {
			logger.warn(
					"""

							*** Potentia created the first admin. Sign in as '{}' with password '{}' and change it on your profile. \
							This password is not shown again. ***
							""",
					this.username, effective);
		}
		else {
			logger.info("Potentia created the first admin '{}' with the password from POTENTIA_ADMIN_PASSWORD",
					this.username);
		}
	}

}
