package org.potentia.tool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * One target field of a tool: whether it is copied (active), whether the user may change
 * it in the dialog (editable), and where its value comes from (a field of the source
 * record, or a fixed value).
 */
@Entity
@Table(name = "module_tool_mappings")
public class ToolMapping extends AuditedEntity {

	@ManyToOne
	@JoinColumn(name = "tool_id")
	private ModuleTool tool;

	@Column(name = "target_module")
	private String targetModule;

	@Column(name = "target_field")
	private String targetField;

	private boolean active = true;

	private boolean editable;

	@Column(name = "source_field")
	private String sourceField;

	@Column(name = "fixed_value")
	private String fixedValue;

	@Column(name = "sort_order")
	private int sortOrder;

	protected ToolMapping() {
	}

	ToolMapping(ModuleTool tool, String targetModule, String targetField, int sortOrder) {
		this.tool = tool;
		this.targetModule = targetModule;
		this.targetField = targetField;
		this.sortOrder = sortOrder;
	}

	void define(boolean active, boolean editable, String sourceField, String fixedValue) {
		this.active = active;
		this.editable = editable;
		this.sourceField = sourceField;
		this.fixedValue = fixedValue;
	}

	public String getTargetModule() {
		return this.targetModule;
	}

	public String getTargetField() {
		return this.targetField;
	}

	public boolean isActive() {
		return this.active;
	}

	public boolean isEditable() {
		return this.editable;
	}

	public String getSourceField() {
		return this.sourceField;
	}

	public String getFixedValue() {
		return this.fixedValue;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	/**
	 * The value this mapping gives, read from the source record's row.
	 */
	public Object valueFrom(java.util.Map<String, Object> source) {
		if (this.sourceField != null && !this.sourceField.isBlank()) {
			return source.get(this.sourceField);
		}
		return (this.fixedValue != null && !this.fixedValue.isBlank()) ? this.fixedValue : null;
	}

}
