package org.potentia.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * One condition of a workflow: a field of the record ({@code stage_id}) or of a linked
 * record ({@code account.account_type}), an operator and, for most operators, a value
 * (text, converted by the field's type when compared).
 */
@Entity
@Table(name = "workflow_conditions")
public class WorkflowCondition extends AuditedEntity {

	@ManyToOne
	@JoinColumn(name = "workflow_id")
	private Workflow workflow;

	private String field;

	private String operator;

	@Column(name = "compare_value")
	private String value;

	@Column(name = "sort_order")
	private int sortOrder;

	protected WorkflowCondition() {
	}

	WorkflowCondition(Workflow workflow, String field, Operator operator, String value, int sortOrder) {
		this.workflow = workflow;
		this.field = field;
		this.operator = operator.code();
		this.value = value;
		this.sortOrder = sortOrder;
	}

	public String getField() {
		return this.field;
	}

	public Operator getOperator() {
		return Operator.of(this.operator);
	}

	public String getValue() {
		return this.value;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

}
