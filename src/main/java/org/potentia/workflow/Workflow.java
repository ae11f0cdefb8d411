package org.potentia.workflow;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import org.potentia.platform.AuditedEntity;

/**
 * A rule of one module: when it runs, the conditions that must all hold, and the actions
 * it takes in order.
 */
@Entity
@Table(name = "workflows")
public class Workflow extends AuditedEntity {

	private static final SecureRandom RANDOM = new SecureRandom();

	private String module;

	private String name;

	private boolean active;

	@Column(name = "run_option")
	private String runOption;

	@Column(name = "webhook_secret")
	private String webhookSecret;

	@OneToMany(mappedBy = "workflow", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@OrderBy("sortOrder ASC, id ASC")
	private List<WorkflowCondition> conditions = new ArrayList<>();

	@OneToMany(mappedBy = "workflow", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@OrderBy("sortOrder ASC, id ASC")
	private List<WorkflowAction> actions = new ArrayList<>();

	protected Workflow() {
	}

	Workflow(String module, String name, RunOption runOption) {
		this.module = module;
		this.name = name;
		this.runOption = runOption.code();
		this.webhookSecret = newSecret();
	}

	void define(String name, boolean active, RunOption runOption) {
		this.name = name;
		this.active = active;
		this.runOption = runOption.code();
	}

	void activate(boolean active) {
		this.active = active;
	}

	WorkflowCondition addCondition(String field, Operator operator, String value) {
		WorkflowCondition condition = new WorkflowCondition(this, field, operator, value, nextOrder(this.conditions));
		this.conditions.add(condition);
		return condition;
	}

	void removeCondition(long conditionId) {
		this.conditions.removeIf((condition) -> condition.getId() != null && condition.getId() == conditionId);
	}

	WorkflowAction addAction(ActionType type) {
		WorkflowAction action = new WorkflowAction(this, type,
				this.actions.stream().mapToInt(WorkflowAction::getSortOrder).max().orElse(0) + 10);
		this.actions.add(action);
		if (type == ActionType.WEBHOOK && this.webhookSecret == null) {
			this.webhookSecret = newSecret();
		}
		return action;
	}

	void removeAction(long actionId) {
		this.actions.removeIf((action) -> action.getId() != null && action.getId() == actionId);
	}

	/**
	 * Moves an action one place earlier or later; the others keep their order.
	 */
	void moveAction(long actionId, boolean up) {
		List<WorkflowAction> ordered = new ArrayList<>(this.actions);
		int index = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).getId() != null && ordered.get(i).getId() == actionId) {
				index = i;
			}
		}
		int other = up ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= ordered.size()) {
			return;
		}
		java.util.Collections.swap(ordered, index, other);
		for (int i = 0; i < ordered.size(); i++) {
			ordered.get(i).moveTo((i + 1) * 10);
		}
		this.actions.sort(java.util.Comparator.comparingInt(WorkflowAction::getSortOrder));
	}

	/**
	 * Replaces the webhook secret, so that receivers holding the old one reject the
	 * calls.
	 */
	void renewSecret() {
		this.webhookSecret = newSecret();
	}

	private static int nextOrder(List<WorkflowCondition> conditions) {
		return conditions.stream().mapToInt(WorkflowCondition::getSortOrder).max().orElse(0) + 10;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public String getModule() {
		return this.module;
	}

	public String getName() {
		return this.name;
	}

	public boolean isActive() {
		return this.active;
	}

	public RunOption getRunOption() {
		return RunOption.of(this.runOption);
	}

	public String getWebhookSecret() {
		return this.webhookSecret;
	}

	public List<WorkflowCondition> getConditions() {
		return List.copyOf(this.conditions);
	}

	public List<WorkflowAction> getActions() {
		return List.copyOf(this.actions);
	}

}
