package org.potentia.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.imports.ImportJob.Status;
import org.potentia.platform.Amounts;
import org.potentia.platform.ConflictException;
import org.potentia.platform.DatabaseFailures;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.AttributeBinder;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.CsvExport;
import org.potentia.platform.csv.ImportProfile;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.Values;
import org.potentia.platform.security.CurrentUser;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import of a CSV file into a module. The file is read row by row; each row is
 * bound to the module's form by the column mapping, checked with the form's constraints
 * and, for modules with a unique field, against earlier rows and existing records. Good
 * rows are saved through the module's {@link RecordWriter} (its service, so the rules are
 * the form's) with source {@code import}, which the saved event and an opportunity's
 * history row carry, in batches, one transaction per batch: a batch is saved whole or not
 * at all. A row the service or the database refuses is reported and its batch saved
 * without it; any other failure stops the run, leaving the batches before it saved and
 * nothing after. A file that cannot be read from a line on (a quotation mark not closed)
 * is imported as if it ended before that line, and the report says so. A dry run does all
 * the same work and rolls every batch back. Only the current batch and the unique values
 * seen are held in memory.
 */
@Component
class CsvImporter {

	private static final Logger logger = LoggerFactory.getLogger(CsvImporter.class);

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

	/**
	 * Names of linked records looked up per run; beyond it, lookups repeat.
	 */
	static final int RELATION_CACHE = 10_000;

	/**
	 * Rows after which the batch's persistence context is flushed and emptied. Before
	 * each query a service runs, JPA checks every entity the context holds for changes;
	 * with all of a batch's records in it, saving a batch would take time growing with
	 * the square of its size.
	 */
	static final int CLEAR_EVERY = 20;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final AttributeBinder binder;

	private final TransactionTemplate transactions;

	private final ImportJobs jobs;

	private final Messages messages;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final int batchSize;

	private final DatabaseFailures databaseFailures;

	CsvImporter(Catalogue catalogue, RecordQueries queries, AttributeBinder binder,
			PlatformTransactionManager transactionManager, ImportJobs jobs, Messages messages, JdbcClient jdbc,
			EntityManagerFactory entityManagerFactory, @Value("${potentia.import.batch-size:500}") int batchSize,
			DatabaseFailures databaseFailures) {
		this.databaseFailures = databaseFailures;
		this.catalogue = catalogue;
		this.queries = queries;
		this.binder = binder;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jobs = jobs;
		this.messages = messages;
		this.jdbc = jdbc;
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.batchSize = batchSize;
	}

	int batchSize() {
		return this.batchSize;
	}

	/**
	 * Runs the job to its end and records the outcome; never throws.
	 */
	void run(ImportJob job, Path file, ModuleDefinition module, RecordWriter<Object> writer, ImportProfile profile,
			CurrentUser user, BooleanSupplier stopping) {
		Run run = null;
		try {
			run = new Run(job, module, writer, profile, user, stopping);
			run.execute(file);
			run.progress();
			this.jobs.finish(job.id(), Status.DONE, null);
		}
		catch (BatchFailed ex) {
			end(job.id(), run, ex.getMessage());
		}
		catch (Stopped ex) {
			end(job.id(), run, stopped(job, "import.failed.shutdown", (run != null) ? run.committedLine : 0));
		}
		catch (CsvFiles.Unreadable ex) {
			logger.info("Import {} could not read its file from line {} on: {}", job.id(), ex.line(),
					ex.getCause().getMessage());
			end(job.id(), run, unreadable(job, run, ex.line()));
		}
		catch (IOException ex) {
			logger.warn("Import {} could not open its file", job.id(), ex);
			end(job.id(), run, stopped(job, "import.failed.unexpected", (run != null) ? run.lastLine : 0,
					(run != null) ? run.committedLine : 0));
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.isUnavailable(ex)) {
				this.databaseFailures.report("import " + job.id(), ex);
			}
			else {
				logger.error("Import {} failed", job.id(), ex);
			}
			end(job.id(), run, stopped(job, "import.failed.unexpected", (run != null) ? run.lastLine : 0,
					(run != null) ? run.committedLine : 0));
		}
	}

	/**
	 * Why the run stopped at a line it could not read, and what became of the rows before
	 * it: checked in a dry run, saved if good in an import.
	 */
	private String unreadable(ImportJob job, Run run, long line) {
		if (run == null || run.read == 0) {
			return this.messages.get("import.failed.read_none", line);
		}
		return stopped(job, "import.failed.read", line, run.lastLine);
	}

	/**
	 * Why the run stopped, and what it saved: a dry run's message says instead that it
	 * saved nothing.
	 */
	private String stopped(ImportJob job, String key, Object... arguments) {
		return this.messages.get(job.dryRun() ? key + "_dry_run" : key, arguments);
	}

	private void end(long id, Run run, String failure) {
		try {
			if (run != null) {
				run.progress();
			}
		}
		finally {
			this.jobs.finish(id, Status.FAILED, failure);
		}
	}

	/**
	 * A row waiting in the current batch.
	 */
	private record Row(long line, Object form, String key) {
	}

	/**
	 * How saving a batch went: saved (or rolled back as asked), refused at one row for a
	 * reason of that row, or failed for another reason.
	 */
	private record Attempt(boolean ok, int index, String message, RuntimeException failure) {

		static final Attempt OK = new Attempt(true, -1, null, null);

		boolean rowLevel() {
			return !this.ok && this.failure == null;
		}

	}

	/**
	 * A row's value that does not fit its field, with the reason in the user's language.
	 */
	private static final class Problem extends Exception {

		Problem(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * A batch that failed for a reason other than one of its rows: the run stops.
	 */
	private static final class BatchFailed extends RuntimeException {

		BatchFailed(String message) {
			super(message);
		}

	}

	/**
	 * The server is shutting down: the run stops before its next batch.
	 */
	private static final class Stopped extends RuntimeException {

	}

	/**
	 * The state of one run: counts, the current batch, the unique values seen.
	 */
	private final class Run {

		private final ImportJob job;

		private final ModuleDefinition module;

		private final RecordWriter<Object> writer;

		private final ImportProfile profile;

		private final CurrentUser user;

		private final BooleanSupplier stopping;

		private final Locale locale;

		private final Object template;

		private final List<Field> columns = new ArrayList<>();

		private final Map<Field, String> defaults = new LinkedHashMap<>();

		private final Field uniqueField;

		private final Map<String, Long> seen = new HashMap<>();

		private final List<Row> batch = new ArrayList<>();

		private final List<ImportError> unreported = new ArrayList<>();

		private final Map<Field, Map<String, String>> picklists = new HashMap<>();

		private final Map<Field, Map<String, Object>> relations = new HashMap<>();

		private long read;

		private long imported;

		private long rejected;

		private long reported;

		private long committedLine;

		private long lastLine;

		private long lastProgress = System.nanoTime();

		Run(ImportJob job, ModuleDefinition module, RecordWriter<Object> writer, ImportProfile profile,
				CurrentUser user, BooleanSupplier stopping) {
			this.job = job;
			this.module = module;
			this.writer = writer;
			this.profile = profile;
			this.user = user;
			this.stopping = stopping;
			this.locale = CsvImporter.this.messages.locale();
			this.template = writer.newForm(user);
			for (String name : job.mapping()) {
				this.columns.add((name == null || name.isEmpty()) ? null : module.field(name).orElse(null));
			}
			profile.defaults().forEach((name, value) -> this.defaults.put(module.field(name).orElseThrow(), value));
			this.uniqueField = (profile.uniqueField() != null) ? module.field(profile.uniqueField()).orElseThrow()
					: null;
		}

		void execute(Path file) throws IOException {
			try (CsvFiles.Rows rows = new CsvFiles.Rows(file, this.job.delimiter())) {
				if (!rows.hasNext()) {
					return;
				}
				int width = rows.next().size();
				this.lastLine = rows.line();
				try {
					while (rows.hasNext()) {
						if (this.stopping.getAsBoolean()) {
							throw new Stopped();
						}
						CSVRecord record = rows.next();
						this.lastLine = rows.line();
						this.read++;
						handle(record, this.lastLine, width);
						if (this.batch.size() >= CsvImporter.this.batchSize) {
							flush();
						}
						if (System.nanoTime() - this.lastProgress > 1_000_000_000L) {
							progress();
						}
					}
				}
				catch (CsvFiles.Unreadable ex) {
					// The rows read before stay this run's: saved (or checked) as if the
					// file ended there, so a dry run counts what the import would save.
					flush();
					throw ex;
				}
				flush();
			}
		}

		private void handle(CSVRecord record, long line, int width) {
			if (record.size() != width && !onlyBlankBeyond(record, width)) {
				reject(line, msg("import.error.columns", record.size(), width));
				return;
			}
			Object form = BeanUtils.instantiateClass(this.template.getClass());
			BeanUtils.copyProperties(this.template, form);
			BeanWrapper target = new BeanWrapperImpl(form);
			List<String> problems = new ArrayList<>();
			this.defaults.forEach((field, value) -> apply(target, field, value, problems));
			for (int i = 0; i < this.columns.size() && i < record.size(); i++) {
				Field field = this.columns.get(i);
				String text = CsvExport.unguard(record.get(i).trim());
				if (field != null && !text.isEmpty()) {
					apply(target, field, text, problems);
				}
			}
			if (problems.isEmpty()) {
				try {
					CsvImporter.this.binder.validate(this.module, form);
				}
				catch (ValidationException ex) {
					ex.getErrors().forEach((error) -> problems.add(describe(error)));
				}
			}
			if (!problems.isEmpty()) {
				reject(line, String.join(" ", problems));
				return;
			}
			String key = null;
			if (this.uniqueField != null) {
				Object value = target.getPropertyValue(this.uniqueField.property());
				key = (value != null && !value.toString().isBlank()) ? value.toString().trim().toLowerCase(Locale.ROOT)
						: null;
			}
			if (key != null) {
				Long earlier = this.seen.putIfAbsent(key, line);
				if (earlier != null) {
					reject(line, msg("import.error.duplicate_row", label(this.uniqueField), value(target), earlier));
					return;
				}
			}
			this.batch.add(new Row(line, form, key));
		}

		private boolean onlyBlankBeyond(CSVRecord record, int width) {
			for (int i = width; i < record.size(); i++) {
				if (!record.get(i).isBlank()) {
					return false;
				}
			}
			return record.size() > width;
		}

		private String value(BeanWrapper target) {
			return String.valueOf(target.getPropertyValue(this.uniqueField.property())).trim();
		}

		private void apply(BeanWrapper target, Field field, String text, List<String> problems) {
			try {
				target.setPropertyValue(field.property(), convert(field, text));
			}
			catch (Problem ex) {
				problems.add(label(field) + ": " + ex.getMessage());
			}
			catch (BeansException ex) {
				problems.add(label(field) + ": " + msg("import.error.value", text));
			}
		}

		private Object convert(Field field, String text) throws Problem {
			try {
				return switch (field.type()) {
					case PICKLIST -> picklist(field, text);
					case BOOLEAN -> Values.convert(field, text);
					case DATE -> date(text);
					case DATETIME -> Values.convert(field, text);
					case ID, INTEGER -> Long.valueOf(text.replace(" ", ""));
					case DECIMAL, MONEY, PERCENT -> new BigDecimal(Amounts.normalise(text, this.locale));
					case RELATION -> relation(field, text);
					default -> text;
				};
			}
			catch (NumberFormatException ex) {
				throw new Problem(msg("import.error.number", text));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				throw new Problem(msg((field.type() == org.potentia.platform.catalogue.FieldType.BOOLEAN)
						? "import.error.boolean" : "import.error.date", text));
			}
		}

		/**
		 * A picklist value by its code or its label in the user's language, English or
		 * German, ignoring case.
		 */
		private String picklist(Field field, String text) throws Problem {
			Map<String, String> codes = this.picklists.computeIfAbsent(field, (key) -> {
				Map<String, String> result = new HashMap<>();
				for (String option : field.options()) {
					for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN, this.locale)) {
						result.put(CsvImporter.this.catalogue.optionLabel(field, option, language)
							.toLowerCase(Locale.ROOT), option);
					}
					result.put(option.toLowerCase(Locale.ROOT), option);
				}
				return result;
			});
			String code = codes.get(text.toLowerCase(Locale.ROOT));
			if (code == null) {
				List<String> labels = field.options()
					.stream()
					.map((option) -> CsvImporter.this.catalogue.optionLabel(field, option, this.locale))
					.toList();
				throw new Problem(msg("import.error.picklist", text, String.join(", ", labels)));
			}
			return code;
		}

		private LocalDate date(String text) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				return LocalDate.parse(text, GERMAN_DATE);
			}
		}

		/**
		 * A linked record by its id, or by its name among the records the user may see.
		 */
		private Long relation(Field field, String text) throws Problem {
			if (text.chars().allMatch(Character::isDigit)) {
				return Long.valueOf(text);
			}
			Map<String, Object> cache = this.relations.computeIfAbsent(field,
					(key) -> new LinkedHashMap<>(16, 0.75f, true) {
						@Override
						protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
							return size() > RELATION_CACHE;
						}
					});
			String name = text.toLowerCase(Locale.ROOT);
			Object found = cache.get(name);
			if (found == null) {
				ModuleDefinition target = CsvImporter.this.catalogue.get(field.relationModule());
				List<Long> ids = CsvImporter.this.queries.idsNamed(target, text, this.user, 2);
				found = (ids.size() == 1) ? ids.get(0) : msg(
						ids.isEmpty() ? "import.error.relation_unknown" : "import.error.relation_ambiguous", text);
				cache.put(name, found);
			}
			if (found instanceof Long id) {
				return id;
			}
			throw new Problem((String) found);
		}

		/**
		 * Saves (or, in a dry run, tries) the batch.
		 */
		private void flush() {
			if (this.batch.isEmpty()) {
				return;
			}
			List<Row> rows = new ArrayList<>(this.batch);
			this.batch.clear();
			if (this.uniqueField != null) {
				Set<String> existing = existingKeys(rows.stream().map(Row::key).filter((key) -> key != null).toList());
				rows.removeIf((row) -> {
					if (row.key() != null && existing.contains(row.key())) {
						reject(row.line(), msg("import.error.duplicate", label(this.uniqueField), row.key()));
						return true;
					}
					return false;
				});
			}
			if (this.job.dryRun()) {
				Set<Integer> bad = trial(rows, 0);
				this.imported += rows.size() - bad.size();
			}
			else {
				commit(rows);
			}
			if (!rows.isEmpty()) {
				this.committedLine = Math.max(this.committedLine, rows.get(rows.size() - 1).line());
			}
			progress();
		}

		/**
		 * Saves the rows in one transaction. A row refused for its own reasons is
		 * reported, the rest of the batch checked for more such rows, and the batch saved
		 * without them.
		 */
		private void commit(List<Row> rows) {
			List<Row> remaining = new ArrayList<>(rows);
			while (!remaining.isEmpty()) {
				Attempt attempt = attempt(remaining, true);
				if (attempt.ok()) {
					this.imported += remaining.size();
					return;
				}
				if (!attempt.rowLevel()) {
					throw failed(remaining, attempt);
				}
				Row bad = remaining.get(attempt.index());
				reject(bad.line(), attempt.message());
				forget(bad);
				List<Row> rest = new ArrayList<>(remaining.subList(attempt.index() + 1, remaining.size()));
				Set<Integer> alsoBad = trial(rest, 0);
				List<Row> next = new ArrayList<>(remaining.subList(0, attempt.index()));
				for (int i = 0; i < rest.size(); i++) {
					if (!alsoBad.contains(i)) {
						next.add(rest.get(i));
					}
				}
				remaining = next;
			}
		}

		/**
		 * Tries to save the rows from {@code start} on in transactions that are rolled
		 * back, and reports each row refused for its own reasons.
		 * @return the indexes of the refused rows
		 */
		private Set<Integer> trial(List<Row> rows, int start) {
			Set<Integer> bad = new HashSet<>();
			int from = start;
			while (from < rows.size()) {
				List<Row> part = rows.subList(from, rows.size());
				Attempt attempt = attempt(part, false);
				if (attempt.ok()) {
					break;
				}
				if (!attempt.rowLevel()) {
					throw failed(part, attempt);
				}
				int index = from + attempt.index();
				Row row = rows.get(index);
				reject(row.line(), attempt.message());
				forget(row);
				bad.add(index);
				from = index + 1;
			}
			return bad;
		}

		private Attempt attempt(List<Row> rows, boolean commit) {
			int[] current = { 0 };
			boolean[] saved = { false };
			try {
				CsvImporter.this.transactions.executeWithoutResult((status) -> {
					for (int i = 0; i < rows.size(); i++) {
						current[0] = i;
						this.writer.create(rows.get(i).form(), this.user, SaveSource.IMPORT);
						if ((i + 1) % CLEAR_EVERY == 0) {
							CsvImporter.this.entityManager.flush();
							CsvImporter.this.entityManager.clear();
						}
					}
					saved[0] = true;
					if (!commit) {
						status.setRollbackOnly();
					}
				});
				return Attempt.OK;
			}
			catch (ValidationException ex) {
				return rowLevel(saved[0], current[0], ex.getErrors().stream().map(this::describe).toList(), ex);
			}
			catch (ConflictException ex) {
				return rowLevel(saved[0], current[0], List.of(msg(ex.getMessageKey(), ex.getArguments())), ex);
			}
			catch (NotFoundException ex) {
				return rowLevel(saved[0], current[0], List.of(msg("error.relation.unknown")), ex);
			}
			catch (DataIntegrityViolationException ex) {
				if (DatabaseFailures.isUnavailable(ex)) {
					return unavailable(current[0], ex);
				}
				logger.debug("Import {}: row refused by a database constraint: {}", this.job.id(),
						ex.getMostSpecificCause().getMessage());
				return rowLevel(saved[0], current[0], List.of(msg("error.conflict.integrity")), ex);
			}
			catch (RuntimeException ex) {
				if (DatabaseFailures.isUnavailable(ex)) {
					return unavailable(current[0], ex);
				}
				logger.warn("Import {}: saving a batch failed", this.job.id(), ex);
				return new Attempt(false, current[0], msg("error.unexpected"), ex);
			}
		}

		/**
		 * A database that failed stops the import at this batch, as any failure that is
		 * not the row's.
		 */
		private Attempt unavailable(int index, RuntimeException ex) {
			CsvImporter.this.databaseFailures.report("import " + this.job.id(), ex);
			return new Attempt(false, index, msg("error.database_unavailable"), ex);
		}

		/**
		 * A refusal during a row's save is that row's; one at commit, after all rows were
		 * saved, is the batch's.
		 */
		private Attempt rowLevel(boolean afterRows, int index, List<String> messages, RuntimeException ex) {
			if (afterRows) {
				return new Attempt(false, index, String.join(" ", messages), ex);
			}
			return new Attempt(false, index, String.join(" ", messages), null);
		}

		private BatchFailed failed(List<Row> rows, Attempt attempt) {
			long line = rows.get(Math.max(0, Math.min(attempt.index(), rows.size() - 1))).line();
			return new BatchFailed(stopped(this.job, "import.failed.batch", rows.get(0).line(),
					rows.get(rows.size() - 1).line(), line, attempt.message(), this.committedLine));
		}

		private void forget(Row row) {
			if (row.key() != null) {
				this.seen.remove(row.key(), row.line());
			}
		}

		private Set<String> existingKeys(List<String> keys) {
			if (keys.isEmpty()) {
				return Set.of();
			}
			Set<String> result = new HashSet<>();
			String column = (this.profile.uniqueKeyColumn() != null) ? "t." + this.profile.uniqueKeyColumn()
					: "LOWER(t." + this.uniqueField.column() + ")";
			for (int from = 0; from < keys.size(); from += 500) {
				List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
				result.addAll(CsvImporter.this.jdbc
					.sql("SELECT DISTINCT " + column + " FROM " + this.module.table() + " t WHERE " + column + " IN ("
							+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
					.params(new ArrayList<Object>(chunk))
					.query(String.class)
					.list());
			}
			return result;
		}

		private void reject(long line, String message) {
			this.rejected++;
			if (this.reported < ImportJobs.MAX_REPORTED) {
				this.unreported.add(new ImportError(line, message));
				this.reported++;
			}
		}

		void progress() {
			CsvImporter.this.jobs.report(this.job.id(), this.unreported);
			this.unreported.clear();
			CsvImporter.this.jobs.progress(this.job.id(), this.read, this.imported, this.rejected, this.committedLine);
			this.lastProgress = System.nanoTime();
		}

		private String describe(FieldError error) {
			String text = CsvImporter.this.messages.get(error);
			return this.module.field(error.field()).map((field) -> label(field) + ": " + text).orElse(text);
		}

		private String label(Field field) {
			return CsvImporter.this.catalogue.label(this.module, field, this.locale);
		}

		private String msg(String key, Object... arguments) {
			return CsvImporter.this.messages.get(key, arguments);
		}

	}

}
