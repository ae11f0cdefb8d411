package org.potentia.workflow;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Leaves a notification in the app for a user, or for the record's owner, with the
 * message's placeholders filled in and a link to the record.
 */
@Component
class NotifyAction implements ActionHandler {

	private final Notifications notifications;

	private final Placeholders placeholders;

	private final MailSettings settings;

	NotifyAction(Notifications notifications, Placeholders placeholders, MailSettings settings) {
		this.notifications = notifications;
		this.placeholders = placeholders;
		this.settings = settings;
	}

	@Override
	public ActionType type() {
		return ActionType.NOTIFY;
	}

	@Override
	public void run(ActionContext context) {
		WorkflowAction action = context.action();
		RecordState record = context.record();
		Long userId = action.getUserId();
		if (userId == null) {
			Object owner = record.values().get("owner_id");
			if (!(owner instanceof Number number)) {
				throw new IllegalStateException("The record has no owner to notify");
			}
			userId = number.longValue();
		}
		String message = this.placeholders.render(action.getBody(), context.module(), record,
				this.settings.current().locale());
		String uiPath = context.module().uiPath();
		String link = (uiPath != null) ? uiPath + "/" + context.recordId() : null;
		this.notifications.add(userId, context.workflow().getName(), message, link, Instant.now());
	}

}
