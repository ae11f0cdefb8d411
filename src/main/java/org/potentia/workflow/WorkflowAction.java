package org.potentia.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * One action of a workflow. Each type uses its own few columns:
 * <ul>
 * <li>set a field: {@code field} (of the record or a linked record), {@code valueSource},
 * {@code value} (the fixed value, or the source field; for a date, empty means today) and
 * {@code days};</li>
 * <li>run a module tool: {@code toolCode};</li>
 * <li>send an email: {@code recipients}, {@code subject}, {@code body}, with field
 * placeholders such as {@code {name}} or {@code {account.name}};</li>
 * <li>notify a user: {@code userId} (null for the record's owner) and the message in
 * {@code body};</li>
 * <li>call a webhook: {@code url}.</li>
 * </ul>
 */
@Entity
@Table(name = "workflow_actions")
public class WorkflowAction extends AuditedEntity {

	@ManyToOne
	@JoinColumn(name = "workflow_id")
	private Workflow workflow;

	@Column(name = "action_type")
	private String actionType;

	@Column(name = "sort_order")
	private int sortOrder;

	private String field;

	@Column(name = "value_source")
	private String valueSource;

	@Column(name = "value_text")
	private String value;

	private Integer days;

	@Column(name = "tool_code")
	private String toolCode;

	private String recipients;

	private String subject;

	private String body;

	@Column(name = "user_id")
	private Long userId;

	private String url;

	protected WorkflowAction() {
	}

	WorkflowAction(Workflow workflow, ActionType type, int sortOrder) {
		this.workflow = workflow;
		this.actionType = type.code();
		this.sortOrder = sortOrder;
	}

	void setsField(String field, ValueSource source, String value, Integer days) {
		this.field = field;
		this.valueSource = source.code();
		this.value = value;
		this.days = days;
	}

	void runsTool(String toolCode) {
		this.toolCode = toolCode;
	}

	void sendsEmail(String recipients, String subject, String body) {
		this.recipients = recipients;
		this.subject = subject;
		this.body = body;
	}

	void notifies(Long userId, String message) {
		this.userId = userId;
		this.body = message;
	}

	void callsWebhook(String url) {
		this.url = url;
	}

	void moveTo(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public Workflow getWorkflow() {
		return this.workflow;
	}

	public ActionType getType() {
		return ActionType.of(this.actionType);
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public String getField() {
		return this.field;
	}

	public ValueSource getValueSource() {
		return (this.valueSource != null) ? ValueSource.of(this.valueSource) : null;
	}

	public String getValue() {
		return this.value;
	}

	public Integer getDays() {
		return this.days;
	}

	public String getToolCode() {
		return this.toolCode;
	}

	public String getRecipients() {
		return this.recipients;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public Long getUserId() {
		return this.userId;
	}

	public String getUrl() {
		return this.url;
	}

}
