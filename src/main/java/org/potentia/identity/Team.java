package org.potentia.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A sales team. Managers see the records of their team's members.
 */
@Entity
@Table(name = "teams")
public class Team extends AuditedEntity {

	private String name;

	protected Team() {
	}

	public Team(String name) {
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

	void rename(String name) {
		this.name = name;
	}

}
