package org.potentia.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The log of action executions, which is also their queue: a planned action is a
 * {@code pending} row, an instance that takes it on claims it ({@code running}, until a
 * lease runs out), and it ends {@code done}, or {@code pending} again with a later
 * attempt, or {@code failed} once the retries are used up. Claiming is one conditional
 * UPDATE, so with several instances each attempt runs once.
 */
@Component
public class WorkflowLog {

	static final String PENDING = "pending";

	static final String RUNNING = "running";

	static final String DONE = "done";

	static final String FAILED = "failed";

	private final JdbcClient jdbc;

	private final WorkflowProperties properties;

	WorkflowLog(JdbcClient jdbc, WorkflowProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * How long a newly planned entry is left to the listener that planned it before the
	 * retry job takes it on (the listener's process may have died).
	 */
	static final Duration GRACE = Duration.ofMinutes(1);

	/**
	 * Queues an action for a record: the listener that planned it runs it right away; if
	 * that does not happen, it is due after a short grace.
	 * @return the log entry's id
	 */
	long plan(Workflow workflow, WorkflowAction action, String module, long recordId, UUID eventId,
			boolean recordCreated, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO workflow_log (workflow_id, action_id, action_type, sort_order, module, record_id, event_id,
				  record_created, status, attempts, next_attempt_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
				""")
			.params(workflow.getId(), action.getId(), action.getType().code(), action.getSortOrder(), module, recordId,
					eventId.toString(), recordCreated, PENDING, at(now.plus(GRACE)), at(now), at(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Whether the actions of this save have been planned already (the registry handed the
	 * event over again after a crash).
	 */
	boolean planned(UUID eventId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM workflow_log WHERE event_id = ?")
			.param(eventId.toString())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The entries of a save that are still to run, in order.
	 */
	List<Long> open(UUID eventId) {
		return this.jdbc.sql(
				"SELECT id FROM workflow_log WHERE event_id = ? AND status IN (?, ?) ORDER BY workflow_id, sort_order, id")
			.params(eventId.toString(), PENDING, RUNNING)
			.query(Long.class)
			.list();
	}

	/**
	 * The entries whose (next) attempt is due, oldest first; a running entry whose lease
	 * ran out (its instance died) is due again.
	 */
	List<Long> due(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id FROM workflow_log WHERE status IN (?, ?) AND next_attempt_at <= ?"
					+ " ORDER BY next_attempt_at, id LIMIT ?")
			.params(PENDING, RUNNING, at(now), limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes an entry on, if it is due and nobody else has: counts the attempt and holds
	 * it for the lease.
	 */
	Optional<Entry> claim(long id, Instant now) {
		int claimed = this.jdbc
			.sql("UPDATE workflow_log SET status = ?, attempts = attempts + 1, next_attempt_at = ?, updated_at = ?"
					+ " WHERE id = ? AND status IN (?, ?) AND next_attempt_at <= ?")
			.params(RUNNING, at(now.plus(this.properties.lease())), at(now), id, PENDING, RUNNING, at(now))
			.update();
		return (claimed == 1) ? find(id) : Optional.empty();
	}

	/**
	 * Takes on a newly planned entry that no attempt has touched yet, due or not.
	 */
	Optional<Entry> claimNew(long id, Instant now) {
		int claimed = this.jdbc
			.sql("UPDATE workflow_log SET status = ?, attempts = 1, next_attempt_at = ?, updated_at = ?"
					+ " WHERE id = ? AND status = ? AND attempts = 0")
			.params(RUNNING, at(now.plus(this.properties.lease())), at(now), id, PENDING)
			.update();
		return (claimed == 1) ? find(id) : Optional.empty();
	}

	void succeeded(long id, Instant now) {
		this.jdbc
			.sql("UPDATE workflow_log SET status = ?, next_attempt_at = NULL, last_error = NULL, updated_at = ?,"
					+ " finished_at = ? WHERE id = ?")
			.params(DONE, at(now), at(now), id)
			.update();
	}

	/**
	 * Records a failed attempt: the next one after the back-off for this many attempts,
	 * or none when they are used up.
	 */
	void failed(long id, int attempts, String error, Instant now) {
		List<Duration> delays = this.properties.retryDelays();
		String message = (error.length() > 2000) ? error.substring(0, 2000) : error;
		if (attempts <= delays.size()) {
			this.jdbc.sql(
					"UPDATE workflow_log SET status = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?")
				.params(PENDING, at(now.plus(delays.get(attempts - 1))), message, at(now), id)
				.update();
		}
		else {
			this.jdbc
				.sql("UPDATE workflow_log SET status = ?, next_attempt_at = NULL, last_error = ?, updated_at = ?,"
						+ " finished_at = ? WHERE id = ?")
				.params(FAILED, message, at(now), at(now), id)
				.update();
		}
	}

	/**
	 * Ends an entry as failed without further attempts.
	 */
	void giveUp(long id, String error, Instant now) {
		this.jdbc
			.sql("UPDATE workflow_log SET status = ?, next_attempt_at = NULL, last_error = ?, updated_at = ?,"
					+ " finished_at = ? WHERE id = ?")
			.params(FAILED, error, at(now), at(now), id)
			.update();
	}

	/**
	 * Queues a failed entry again, with a fresh set of retries.
	 * @return whether it was failed
	 */
	boolean retry(long id, Instant now) {
		return this.jdbc
			.sql("UPDATE workflow_log SET status = ?, attempts = 0, next_attempt_at = ?, finished_at = NULL,"
					+ " updated_at = ? WHERE id = ? AND status = ?")
			.params(PENDING, at(now), at(now), id, FAILED)
			.update() == 1;
	}

	/**
	 * Deletes the entries of actions that succeeded before a moment.
	 */
	int purge(Instant before) {
		return this.jdbc.sql("DELETE FROM workflow_log WHERE status = ? AND finished_at < ?")
			.params(DONE, at(before))
			.update();
	}

	Optional<Entry> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE l.id = ?").param(id).query(WorkflowLog::entry).optional();
	}

	/**
	 * The latest entries, newest first, for the admin's log page.
	 * @param status only entries in this status, or null for all
	 * @param workflowId only this workflow's entries, or null for all
	 */
	public List<Entry> latest(String status, Long workflowId, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1=1");
		List<Object> parameters = new ArrayList<>();
		if (status != null) {
			sql.append(" AND l.status = ?");
			parameters.add(status);
		}
		if (workflowId != null) {
			sql.append(" AND l.workflow_id = ?");
			parameters.add(workflowId);
		}
		sql.append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ?");
		parameters.add(limit);
		return this.jdbc.sql(sql.toString()).params(parameters).query(WorkflowLog::entry).list();
	}

	/**
	 * The entries of one record, oldest first.
	 */
	public List<Entry> ofRecord(String module, long recordId) {
		return this.jdbc.sql(SELECT + " WHERE l.module = ? AND l.record_id = ? ORDER BY l.id")
			.params(module, recordId)
			.query(WorkflowLog::entry)
			.list();
	}

	private static final String SELECT = """
			SELECT l.id, l.workflow_id, w.name AS workflow_name, l.action_id, l.action_type, l.module, l.record_id,
			  l.event_id, l.record_created, l.status, l.attempts, l.next_attempt_at, l.last_error, l.created_at,
			  l.updated_at, l.finished_at
			FROM workflow_log l JOIN workflows w ON w.id = l.workflow_id""";

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getLong("workflow_id"), rs.getString("workflow_name"),
				rs.getLong("action_id"), ActionType.of(rs.getString("action_type")), rs.getString("module"),
				rs.getLong("record_id"), rs.getString("event_id"), rs.getBoolean("record_created"),
				rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One execution of an action for a record.
	 *
	 * @param id the entry's id
	 * @param workflowId the workflow
	 * @param workflowName its name now
	 * @param actionId the action
	 * @param actionType what the action does
	 * @param module the record's module
	 * @param recordId the record
	 * @param eventId the save that triggered it
	 * @param recordCreated whether that save created the record
	 * @param status pending, running, done or failed
	 * @param attempts how many attempts have started
	 * @param nextAttemptAt when the next attempt is due (pending), or the lease ends
	 * (running)
	 * @param error the last attempt's error
	 * @param createdAt when it was planned
	 * @param updatedAt when it last changed
	 * @param finishedAt when it ended (done or failed)
	 */
	public record Entry(long id, long workflowId, String workflowName, long actionId, ActionType actionType,
			String module, long recordId, String eventId, boolean recordCreated, String status, int attempts,
			Instant nextAttemptAt, String error, Instant createdAt, Instant updatedAt, Instant finishedAt) {

		public boolean isFailed() {
			return FAILED.equals(this.status);
		}

	}

}
