package org.potentia.pipeline;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.potentia.platform.AuditedEntity;

/**
 * An entry of an admin-kept list (business areas, lost reasons): a name per language, an
 * order, and whether it is still offered.
 */
@MappedSuperclass
public abstract class ListEntry extends AuditedEntity {

	@Column(name = "name_en")
	private String nameEn;

	@Column(name = "name_de")
	private String nameDe;

	@Column(name = "sort_order")
	private int sortOrder;

	private boolean active = true;

	void define(String nameEn, String nameDe, int sortOrder) {
		this.nameEn = nameEn;
		this.nameDe = nameDe;
		this.sortOrder = sortOrder;
	}

	void activate(boolean active) {
		this.active = active;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String getNameDe() {
		return this.nameDe;
	}

	public String name(Locale locale) {
		return "de".equals(locale.getLanguage()) ? this.nameDe : this.nameEn;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

}
