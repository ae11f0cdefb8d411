package org.potentia.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.potentia.imports.ImportJob.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The import jobs, their reported rows and the users' remembered mappings, in the
 * database, so that progress survives the request that started a run and any instance can
 * answer the page that polls it. Each write commits on its own.
 */
@Component
class ImportJobs {

	/**
	 * Reported rows kept per run; the counts stay exact beyond it.
	 */
	static final int MAX_REPORTED = 1000;

	private static final String COLUMNS = "id, module, user_id, file_name, file_key, delimiter, estimated_rows, mapping, dry_run,"
			+ " status, rows_read, rows_imported, rows_rejected, committed_line, failure, started_at, finished_at,"
			+ " updated_at";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ImportJobs(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long create(String module, long userId, String username, String fileName, String fileKey, char delimiter,
			long estimatedRows) {
		Timestamp now = Timestamp.from(Instant.now());
		org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO import_jobs (module, user_id, file_name, file_key, delimiter, estimated_rows, status,"
					+ " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(module, userId, fileName, fileKey, String.valueOf(delimiter), estimatedRows, Status.UPLOADED.code(),
					now, username, now, username)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<ImportJob> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM import_jobs WHERE id = ?")
			.param(id)
			.query(this::job)
			.optional();
	}

	List<ImportJob> recent(String module, long userId, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM import_jobs WHERE user_id = ? AND module = ? ORDER BY id DESC LIMIT "
					+ limit)
			.params(userId, module)
			.query(this::job)
			.list();
	}

	/**
	 * Marks the job as running with this mapping, unless it runs already or has been
	 * imported; a dry run that died with its server may start again.
	 * @return whether it was started
	 */
	boolean start(long id, List<String> mapping, boolean dryRun) {
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbc
			.sql("UPDATE import_jobs SET mapping = ?, dry_run = ?, status = ?, rows_read = 0, rows_imported = 0,"
					+ " rows_rejected = 0, committed_line = 0, failure = NULL, started_at = ?, finished_at = NULL,"
					+ " updated_at = ?, version = version + 1 WHERE id = ?"
					+ " AND (status = ? OR (dry_run AND (status <> ? OR updated_at < ?)))")
			.params(this.json.writeValueAsString(mapping), dryRun, Status.RUNNING.code(), now, now, id,
					Status.UPLOADED.code(), Status.RUNNING.code(), Timestamp.from(Instant.now().minus(ImportJob.STALE)))
			.update();
		if (updated == 1) {
			this.jdbc.sql("DELETE FROM import_job_errors WHERE job_id = ?").param(id).update();
		}
		return updated == 1;
	}

	void progress(long id, long rowsRead, long rowsImported, long rowsRejected, long committedLine) {
		this.jdbc
			.sql("UPDATE import_jobs SET rows_read = ?, rows_imported = ?, rows_rejected = ?, committed_line = ?,"
					+ " updated_at = ? WHERE id = ?")
			.params(rowsRead, rowsImported, rowsRejected, committedLine, Timestamp.from(Instant.now()), id)
			.update();
	}

	void finish(long id, Status status, String failure) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("UPDATE import_jobs SET status = ?, failure = ?, finished_at = ?, updated_at = ?,"
					+ " version = version + 1 WHERE id = ?")
			.params(status.code(), (failure != null) ? truncate(failure, 2000) : null, now, now, id)
			.update();
	}

	void report(long id, List<ImportError> errors) {
		for (ImportError error : errors) {
			this.jdbc.sql("INSERT INTO import_job_errors (job_id, line, message) VALUES (?, ?, ?)")
				.params(id, error.line(), truncate(error.message(), 2000))
				.update();
		}
	}

	List<ImportError> errors(long id, int limit) {
		return this.jdbc
			.sql("SELECT line, message FROM import_job_errors WHERE job_id = ? ORDER BY line, id LIMIT " + limit)
			.param(id)
			.query((rs, rowNum) -> new ImportError(rs.getLong("line"), rs.getString("message")))
			.list();
	}

	/**
	 * The user's last mapping for the module: field name by normalised column header.
	 */
	Map<String, String> rememberedMapping(long userId, String module) {
		return this.jdbc.sql("SELECT mapping FROM import_mappings WHERE user_id = ? AND module = ?")
			.params(userId, module)
			.query(String.class)
			.optional()
			.map((text) -> this.json.readValue(text, new TypeReference<Map<String, String>>() {
			}))
			.orElseGet(LinkedHashMap::new);
	}

	void remember(long userId, String module, Map<String, String> mapping) {
		String text = this.json.writeValueAsString(mapping);
		if (text.length() > 20000) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbc
			.sql("UPDATE import_mappings SET mapping = ?, updated_at = ? WHERE user_id = ? AND module = ?")
			.params(text, now, userId, module)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO import_mappings (user_id, module, mapping, updated_at) VALUES (?, ?, ?, ?)")
				.params(userId, module, text, now)
				.update();
		}
	}

	private ImportJob job(ResultSet rs, int rowNum) throws SQLException {
		String mapping = rs.getString("mapping");
		List<String> columns = (mapping != null) ? this.json.readValue(mapping, new TypeReference<List<String>>() {
		}) : new ArrayList<>();
		return new ImportJob(rs.getLong("id"), rs.getString("module"), rs.getLong("user_id"), rs.getString("file_name"),
				rs.getString("file_key"), rs.getString("delimiter").charAt(0), rs.getLong("estimated_rows"), columns,
				rs.getBoolean("dry_run"), Status.of(rs.getString("status")), rs.getLong("rows_read"),
				rs.getLong("rows_imported"), rs.getLong("rows_rejected"), rs.getLong("committed_line"),
				rs.getString("failure"), instant(rs, "started_at"), instant(rs, "finished_at"),
				instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "\u2026";
	}

}
