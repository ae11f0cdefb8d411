package org.potentia.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A named API token of a user. Only its SHA-256 hash is stored; the token itself is shown
 * once, when it is made.
 */
@Entity
@Table(name = "api_tokens")
class ApiToken extends AuditedEntity {

	@Column(name = "user_id")
	private Long userId;

	private String name;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "token_prefix")
	private String tokenPrefix;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(Long userId, String name, String tokenHash, String tokenPrefix) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
	}

	void revoke() {
		if (this.revokedAt == null) {
			this.revokedAt = Instant.now();
		}
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	Long getUserId() {
		return this.userId;
	}

	String getName() {
		return this.name;
	}

	String getTokenPrefix() {
		return this.tokenPrefix;
	}

	Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

}
