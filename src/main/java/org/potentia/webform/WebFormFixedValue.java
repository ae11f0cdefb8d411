package org.potentia.webform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A value every submission of a web form adds without showing it (lead source, campaign).
 */
@Entity
@Table(name = "web_form_fixed_values")
public class WebFormFixedValue extends AuditedEntity {

	@ManyToOne(optional = false)
	@JoinColumn(name = "form_id")
	private WebForm form;

	private String field;

	@Column(name = "fixed_value")
	private String value;

	protected WebFormFixedValue() {
	}

	WebFormFixedValue(WebForm form, String field, String value) {
		this.form = form;
		this.field = field;
		this.value = value;
	}

	void change(String value) {
		this.value = value;
	}

	public String getField() {
		return this.field;
	}

	public String getValue() {
		return this.value;
	}

}
