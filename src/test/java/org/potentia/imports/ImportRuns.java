package org.potentia.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.potentia.platform.security.CurrentUser;

/**
 * Uploads a CSV text and runs its import to the end, as the import pages do; into leads
 * unless another module is named.
 */
public final class ImportRuns {

	private final CsvImports imports;

	private final String module;

	public ImportRuns(CsvImports imports) {
		this(imports, "leads");
	}

	public ImportRuns(CsvImports imports, String module) {
		this.imports = imports;
		this.module = module;
	}

	public long upload(String csv, CurrentUser user) throws Exception {
		return this.imports.upload(this.module, this.module + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), user);
	}

	/**
	 * Runs the uploaded file with the mapping (one field name per column, "" to skip), or
	 * with the suggested mapping if none is given, and waits for the end.
	 */
	public ImportJob run(long id, boolean dryRun, CurrentUser user, String... mapping) throws Exception {
		ImportJob job = this.imports.job(this.module, id, user);
		List<String> columns = (mapping.length > 0) ? Arrays.asList(mapping) : !job.mapping().isEmpty() ? job.mapping()
				: this.imports.preview(job, user, java.util.Locale.ENGLISH).mapping();
		this.imports.start(this.module, id, columns, dryRun, user);
		return await(id, user);
	}

	public ImportJob await(long id, CurrentUser user) throws InterruptedException {
		Instant limit = Instant.now().plus(Duration.ofMinutes(30));
		while (Instant.now().isBefore(limit)) {
			ImportJob job = this.imports.job(this.module, id, user);
			if (job.isFinished()) {
				return job;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The import did not finish in time");
	}

}
