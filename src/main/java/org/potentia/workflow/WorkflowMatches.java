package org.potentia.workflow;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which records have met a workflow's conditions, for the run option "the first time the
 * conditions are met".
 */
@Component
class WorkflowMatches {

	private final JdbcClient jdbc;

	private final boolean postgres;

	WorkflowMatches(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.postgres = product.toLowerCase().contains("postgres");
	}

	/**
	 * Records that the record meets the workflow's conditions now.
	 * @return true if this is the first time, false if it had before (or another instance
	 * recorded it at the same moment)
	 */
	boolean firstMatch(long workflowId, long recordId, Instant now) {
		if (this.postgres) {
			// A failed INSERT would abort PostgreSQL's transaction; this one cannot fail.
			return this.jdbc
				.sql("INSERT INTO workflow_matches (workflow_id, record_id, matched_at) VALUES (?, ?, ?)"
						+ " ON CONFLICT DO NOTHING")
				.params(workflowId, recordId, now.atOffset(ZoneOffset.UTC))
				.update() == 1;
		}
		try {
			return this.jdbc
				.sql("INSERT INTO workflow_matches (workflow_id, record_id, matched_at) SELECT ?, ?, ?"
						+ " WHERE NOT EXISTS (SELECT 1 FROM workflow_matches WHERE workflow_id = ? AND record_id = ?)")
				.params(workflowId, recordId, now.atOffset(ZoneOffset.UTC), workflowId, recordId)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Whether the record has met the workflow's conditions before.
	 */
	boolean matched(long workflowId, long recordId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM workflow_matches WHERE workflow_id = ? AND record_id = ?")
			.params(workflowId, recordId)
			.query(Long.class)
			.single() > 0;
	}

}
