package org.potentia.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One uploaded CSV file and what became of it: its column mapping, whether the last run
 * was a dry run, its progress and its outcome.
 *
 * @param id the import id
 * @param module the API name of the module the rows go to
 * @param userId the user who uploaded it; only they see it
 * @param fileName the uploaded file's name
 * @param fileKey the name under which the server keeps the file until it is imported
 * @param delimiter the detected field separator
 * @param estimatedRows the number of data lines, counted at upload (rows spanning lines
 * make it an estimate)
 * @param mapping for each column of the file, the field it goes to, or an empty string
 * @param dryRun whether the last run only checked the rows
 * @param status where the import stands
 * @param rowsRead rows read so far
 * @param rowsImported rows saved (or, in a dry run, rows that would be saved)
 * @param rowsRejected rows reported as bad or duplicate
 * @param committedLine the last line of the last batch saved; every good row up to it is
 * saved, none after it
 * @param failure why the run stopped early, or null
 * @param startedAt when the last run started
 * @param finishedAt when it ended
 * @param updatedAt when the progress was last written
 */
public record ImportJob(long id, String module, long userId, String fileName, String fileKey, char delimiter,
		long estimatedRows, List<String> mapping, boolean dryRun, Status status, long rowsRead, long rowsImported,
		long rowsRejected, long committedLine, String failure, Instant startedAt, Instant finishedAt,
		Instant updatedAt) {

	/**
	 * A run whose progress has not moved for this long has died with its server.
	 */
	static final Duration STALE = Duration.ofMinutes(2);

	public ImportJob {
		mapping = (mapping != null) ? List.copyOf(mapping) : List.of();
	}

	public boolean isRunning() {
		return this.status == Status.RUNNING && !isInterrupted();
	}

	/**
	 * Whether the run died without finishing (its server stopped).
	 */
	public boolean isInterrupted() {
		return this.status == Status.RUNNING && this.updatedAt != null
				&& this.updatedAt.isBefore(Instant.now().minus(STALE));
	}

	public boolean isFinished() {
		return this.status == Status.DONE || this.status == Status.FAILED || isInterrupted();
	}

	/**
	 * Whether the rows may still be imported: nothing has been imported from this file
	 * yet (at most checked, or a check died with its server).
	 */
	public boolean isImportable() {
		return this.status == Status.UPLOADED || (this.dryRun && (this.status != Status.RUNNING || isInterrupted()));
	}

	/**
	 * How far the run is, in percent, from the rows read and the estimated row count.
	 */
	public int percent() {
		if (this.status == Status.DONE) {
			return 100;
		}
		if (this.estimatedRows <= 0) {
			return 0;
		}
		return (int) Math.min(99, this.rowsRead * 100 / this.estimatedRows);
	}

	/**
	 * Where an import stands.
	 */
	public enum Status {

		UPLOADED, RUNNING, DONE, FAILED;

		String code() {
			return name().toLowerCase();
		}

		static Status of(String code) {
			return valueOf(code.toUpperCase());
		}

	}

}
