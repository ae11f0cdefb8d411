package org.potentia.webform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The kept submissions of the web forms, as received, with what became of them.
 */
@Component
class Submissions {

	static final String RECEIVED = "received";

	static final String SAVED = "saved";

	static final String UPDATED = "updated";

	static final String FAILED = "failed";

	private final JdbcClient jdbc;

	Submissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a submission as received. Runs in the caller's transaction; the caller
	 * commits it before trying to save the record.
	 */
	long keep(long formId, Instant receivedAt, String remoteAddress, String email, String payload) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO web_form_submissions (form_id, received_at, remote_address, email, payload, status)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(formId, Timestamp.from(receivedAt), remoteAddress, email, payload, RECEIVED)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Locks a submission that still waits to be saved, for the transaction that saves it.
	 */
	Optional<Submission> lockPending(long id) {
		return this.jdbc
			.sql("SELECT id, form_id, received_at, email, payload, status, record_id, attempts, error"
					+ " FROM web_form_submissions WHERE id = ? AND status IN (?, ?) FOR UPDATE")
			.params(id, RECEIVED, FAILED)
			.query(Submission.class)
			.optional();
	}

	void saved(long id, String status, long recordId, Instant now) {
		this.jdbc
			.sql("UPDATE web_form_submissions SET status = ?, record_id = ?, processed_at = ?, error = NULL,"
					+ " next_attempt_at = NULL WHERE id = ?")
			.params(status, recordId, Timestamp.from(now), id)
			.update();
	}

	/**
	 * Records a failed attempt.
	 * @param nextAttempt when to try again, or null when the attempts ran out
	 */
	void failed(long id, String error, Instant nextAttempt) {
		this.jdbc
			.sql("UPDATE web_form_submissions SET status = ?, attempts = attempts + 1, error = ?, next_attempt_at = ?"
					+ " WHERE id = ?")
			.params(FAILED, abbreviate(error), (nextAttempt != null) ? Timestamp.from(nextAttempt) : null, id)
			.update();
	}

	int attempts(long id) {
		return this.jdbc.sql("SELECT attempts FROM web_form_submissions WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Makes a failed submission due now (an admin's retry).
	 */
	boolean dueNow(long id, Instant now) {
		return this.jdbc.sql("UPDATE web_form_submissions SET next_attempt_at = ? WHERE id = ? AND status = ?")
			.params(Timestamp.from(now), id, FAILED)
			.update() == 1;
	}

	/**
	 * Submissions to try (again): failed ones whose next attempt is due, and ones kept
	 * but never tried (the process stopped in between) for longer than a grace period.
	 */
	List<Long> due(Instant now, Instant receivedBefore) {
		return this.jdbc
			.sql("SELECT id FROM web_form_submissions WHERE (status = ? AND next_attempt_at <= ?)"
					+ " OR (status = ? AND received_at < ?) ORDER BY id")
			.params(FAILED, Timestamp.from(now), RECEIVED, Timestamp.from(receivedBefore))
			.query(Long.class)
			.list();
	}

	/**
	 * The record an earlier submission of the form with this email made or updated since
	 * a moment, if any.
	 */
	Optional<Long> recentRecord(long formId, String email, Instant since, long exceptId) {
		return this.jdbc
			.sql("SELECT record_id FROM web_form_submissions WHERE form_id = ? AND email = ? AND received_at >= ?"
					+ " AND status IN (?, ?) AND record_id IS NOT NULL AND id <> ? ORDER BY received_at DESC, id DESC"
					+ " FETCH FIRST 1 ROWS ONLY")
			.params(formId, email, Timestamp.from(since), SAVED, UPDATED, exceptId)
			.query(Long.class)
			.optional();
	}

	/**
	 * A form's latest submissions, newest first.
	 */
	List<Submission> latest(long formId, int limit) {
		return this.jdbc
			.sql("SELECT id, form_id, received_at, email, payload, status, record_id, attempts, error"
					+ " FROM web_form_submissions WHERE form_id = ? ORDER BY received_at DESC, id DESC"
					+ " FETCH FIRST ? ROWS ONLY")
			.params(formId, limit)
			.query(Submission.class)
			.list();
	}

	/**
	 * Submissions per form and status.
	 */
	Map<Long, Map<String, Long>> counts() {
		Map<Long, Map<String, Long>> counts = new java.util.HashMap<>();
		this.jdbc.sql("SELECT form_id, status, COUNT(*) AS n FROM web_form_submissions GROUP BY form_id, status")
			.query((rs, row) -> {
				counts.computeIfAbsent(rs.getLong("form_id"), (key) -> new java.util.TreeMap<>())
					.put(rs.getString("status"), rs.getLong("n"));
				return null;
			})
			.list();
		return counts;
	}

	private static String abbreviate(String error) {
		if (error == null) {
			return null;
		}
		return (error.length() > 2000) ? error.substring(0, 1997) + "..." : error;
	}

	/**
	 * A kept submission.
	 */
	record Submission(long id, long formId, Instant receivedAt, String email, String payload, String status,
			Long recordId, int attempts, String error) {

		public boolean isFailed() {
			return FAILED.equals(this.status);
		}

	}

}
