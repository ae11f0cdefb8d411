package org.potentia.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.potentia.platform.SaveSource;
import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets a field of the record, or of the record it links to, to a fixed value, another
 * field's value, or a date plus some days; through the module's service, so its rules
 * (mandatory fields, stage rules, history rows) apply as to any other save.
 */
@Component
class SetFieldAction implements ActionHandler {

	private final RecordWriters writers;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SetFieldAction(RecordWriters writers, PlatformTransactionManager transactions) {
		this.writers = writers;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = Clock.systemDefaultZone();
	}

	@Override
	public ActionType type() {
		return ActionType.SET_FIELD;
	}

	@Override
	public void run(ActionContext context) {
		WorkflowAction action = context.action();
		FieldPath target = context.path(action.getField());
		Object value = value(context, action);
		long targetId = context.recordId();
		if (target.isLinked()) {
			Object linked = RecordState.typed(target.relation(),
					context.record().values().get(target.relation().name()));
			if (!(linked instanceof Long id)) {
				throw new IllegalStateException("The record links no " + target.relation().relationName());
			}
			targetId = id;
		}
		Map<String, Object> values = new HashMap<>();
		values.put(target.field().name(), value);
		long id = targetId;
		this.transactions.executeWithoutResult((status) -> this.writers.update(target.target().name(), id, values,
				CurrentUser.SYSTEM, SaveSource.WORKFLOW));
	}

	private Object value(ActionContext context, WorkflowAction action) {
		return switch (action.getValueSource()) {
			case FIXED -> blankToNull(action.getValue());
			case FIELD -> context.record().get(context.path(action.getValue()));
			case DATE_PLUS -> {
				LocalDate start = LocalDate.now(this.clock);
				if (action.getValue() != null && !action.getValue().isBlank()) {
					FieldPath source = context.path(action.getValue());
					Object date = context.record().get(source);
					if (date == null) {
						yield null;
					}
					start = (source.field().type() == FieldType.DATETIME) ? ((OffsetDateTime) date).toLocalDate()
							: (LocalDate) date;
				}
				yield start.plusDays((action.getDays() != null) ? action.getDays() : 0);
			}
		};
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
