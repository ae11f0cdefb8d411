package org.potentia.webform;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A field a web form shows: a field of the target module, with its label in each language
 * and whether the visitor must fill it.
 */
@Entity
@Table(name = "web_form_fields")
public class WebFormField extends AuditedEntity {

	@ManyToOne(optional = false)
	@JoinColumn(name = "form_id")
	private WebForm form;

	private String field;

	@Column(name = "label_en")
	private String labelEn;

	@Column(name = "label_de")
	private String labelDe;

	private boolean required;

	@Column(name = "sort_order")
	private int sortOrder;

	protected WebFormField() {
	}

	WebFormField(WebForm form, String field, String labelEn, String labelDe, boolean required, int sortOrder) {
		this.form = form;
		this.field = field;
		this.labelEn = labelEn;
		this.labelDe = labelDe;
		this.required = required;
		this.sortOrder = sortOrder;
	}

	void placeAt(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public String label(Locale locale) {
		return "de".equals(locale.getLanguage()) ? this.labelDe : this.labelEn;
	}

	public String getField() {
		return this.field;
	}

	public String getLabelEn() {
		return this.labelEn;
	}

	public String getLabelDe() {
		return this.labelDe;
	}

	public boolean isRequired() {
		return this.required;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

}
