package org.potentia.history;

import java.util.List;
import java.util.Map;

import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * One opportunity's history rows, newest first, for its card. History owns its table, so
 * the opportunity module asks for nothing: the card loads this module's fragment.
 */
@Service
public class HistoryTimeline {

	/**
	 * The most rows a card shows; older changes stay in the history list and its export.
	 */
	static final int LIMIT = 200;

	private final RecordQueries queries;

	private final ModuleDefinition history;

	HistoryTimeline(RecordQueries queries, ModuleDefinition potentialHistoryModule) {
		this.queries = queries;
		this.history = potentialHistoryModule;
	}

	/**
	 * The rows of the opportunity. The caller has checked that the user may see the
	 * opportunity; then its whole history is shown, whoever owned it at the time.
	 */
	public List<Map<String, Object>> of(long opportunityId) {
		return this.queries.rows(this.history,
				new ListQuery(null, SqlCondition.of("t.potential_id = ?", opportunityId), "-changed_at", 1, LIMIT),
				CurrentUser.SYSTEM);
	}

	/** The history module's description, for formatting its fields. */
	public ModuleDefinition module() {
		return this.history;
	}

}
