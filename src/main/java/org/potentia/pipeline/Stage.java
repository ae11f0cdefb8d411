package org.potentia.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A stage of the leads or opportunity pipeline.
 */
@Entity
@Table(name = "pipeline_stages")
public class Stage extends AuditedEntity {

	private String module;

	private String code;

	@Column(name = "name_en")
	private String nameEn;

	@Column(name = "name_de")
	private String nameDe;

	@Column(name = "sort_order")
	private int sortOrder;

	private int probability;

	private String kind;

	@Column(name = "pipeline_mode")
	private String pipelineMode = "both";

	private boolean active = true;

	protected Stage() {
	}

	Stage(String module, String code, int sortOrder) {
		this.module = module;
		this.code = code;
		this.sortOrder = sortOrder;
	}

	void define(String nameEn, String nameDe, int probability, StageKind kind, String pipelineMode) {
		this.nameEn = nameEn;
		this.nameDe = nameDe;
		this.probability = probability;
		this.kind = kind.code();
		this.pipelineMode = pipelineMode;
	}

	void moveTo(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	void activate(boolean active) {
		this.active = active;
	}

	public String getModule() {
		return this.module;
	}

	public String getCode() {
		return this.code;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String getNameDe() {
		return this.nameDe;
	}

	public String name(java.util.Locale locale) {
		return "de".equals(locale.getLanguage()) ? this.nameDe : this.nameEn;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public int getProbability() {
		return this.probability;
	}

	public StageKind getKind() {
		return StageKind.of(this.kind);
	}

	public String getPipelineMode() {
		return this.pipelineMode;
	}

	public boolean isActive() {
		return this.active;
	}

}
