package org.potentia.platform;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Base of every entity: identity, optimistic-locking version and audit fields.
 */
@MappedSuperclass
public abstract class AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", updatable = false)
	private String createdBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	public Long getId() {
		return this.id;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public boolean isNew() {
		return this.id == null;
	}

	/**
	 * Two entities are equal when they are of one class and have the same id: instances
	 * loaded in different transactions compare equal.
	 */
	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (other == null || !org.hibernate.Hibernate.getClass(this).equals(org.hibernate.Hibernate.getClass(other))) {
			return false;
		}
		return this.id != null && this.id.equals(((AuditedEntity) other).id);
	}

	@Override
	public int hashCode() {
		return org.hibernate.Hibernate.getClass(this).hashCode();
	}

	@PrePersist
	void onCreate() {
		Instant now = Instant.now();
		String who = currentUsername();
		this.createdAt = now;
		this.createdBy = who;
		this.updatedAt = now;
		this.updatedBy = who;
	}

	@PreUpdate
	void onUpdate() {
		this.updatedAt = Instant.now();
		this.updatedBy = currentUsername();
	}

	private static String currentUsername() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "system";
	}

}
