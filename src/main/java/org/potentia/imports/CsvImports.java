package org.potentia.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.imports.ImportJob.Status;
import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.CsvExport;
import org.potentia.platform.csv.ImportProfile;
import org.potentia.platform.security.CurrentUser;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * CSV import for every module that has a {@link RecordWriter}: upload, column mapping
 * (remembered per user and module), dry run and import in the background, progress and
 * report. Uploaded files wait in a local directory until their import has run, so the
 * steps of one import go to the instance that received the file (as the UI's sessions
 * do).
 */
@Service
public class CsvImports implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CsvImports.class);

	/**
	 * Rows shown on the mapping page besides the header.
	 */
	static final int PREVIEW_ROWS = 3;

	/**
	 * Uploaded files never imported are removed after this long.
	 */
	static final Duration KEEP_FILES = Duration.ofDays(2);

	private final Catalogue catalogue;

	private final RecordWriters writers;

	private final Map<String, ImportProfile> profiles = new LinkedHashMap<>();

	private final ImportJobs jobs;

	private final CsvImporter importer;

	private final Path directory;

	private final ThreadPoolTaskExecutor executor;

	private volatile boolean stopping;

	CsvImports(Catalogue catalogue, RecordWriters writers, List<ImportProfile> profiles, ImportJobs jobs,
			CsvImporter importer, @Value("${potentia.import.directory:}") String directory,
			@Value("${potentia.import.concurrent:2}") int concurrent) throws IOException {
		this.catalogue = catalogue;
		this.writers = writers;
		profiles.forEach((profile) -> this.profiles.put(profile.module(), profile));
		this.jobs = jobs;
		this.importer = importer;
		this.directory = directory.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "potentia-imports")
				: Path.of(directory);
		Files.createDirectories(this.directory);
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(concurrent);
		this.executor.setMaxPoolSize(concurrent);
		this.executor.setQueueCapacity(50);
		this.executor.setThreadNamePrefix("csv-import-");
		this.executor.initialize();
	}

	/**
	 * Whether the module takes imports; which rows the user may write, its service
	 * decides.
	 */
	public boolean canImport(String module, CurrentUser user) {
		return this.writers.canWrite(module);
	}

	/**
	 * The module, if the user may import into it.
	 * @throws NotFoundException otherwise
	 */
	public ModuleDefinition module(String module, CurrentUser user) {
		if (!canImport(module, user)) {
			throw new NotFoundException("module", module);
		}
		return this.catalogue.get(module);
	}

	/**
	 * Keeps an uploaded file for import into the module.
	 * @return the import id
	 * @throws ValidationException (field {@code file}) if the file is empty, has no
	 * header or is not UTF-8
	 */
	public long upload(String module, String fileName, InputStream content, CurrentUser user) throws IOException {
		module(module, user);
		removeOldFiles();
		Path upload = Files.createTempFile(this.directory, "upload-", ".csv");
		try {
			Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
			CsvFiles.Check check;
			try {
				check = CsvFiles.check(upload);
			}
			catch (CharacterCodingException ex) {
				throw ValidationException.of("file", "import.error.encoding");
			}
			if (check.header() == null || check.header().isBlank()) {
				throw ValidationException.of("file", "import.error.empty");
			}
			char delimiter = CsvFiles.detectDelimiter(check.header());
			String name = displayName(fileName);
			String key = "import-" + UUID.randomUUID() + ".csv";
			Files.move(upload, this.directory.resolve(key));
			return this.jobs.create(module, user.id(), user.username(), truncate(name, 255), key, delimiter,
					Math.max(0, check.lines() - 1));
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	/**
	 * The import, if it belongs to the user and the module.
	 * @throws NotFoundException otherwise
	 */
	public ImportJob job(String module, long id, CurrentUser user) {
		return this.jobs.find(id)
			.filter((job) -> job.userId() == user.id() && job.module().equals(module))
			.orElseThrow(() -> new NotFoundException("imports", id));
	}

	public List<ImportJob> recent(String module, CurrentUser user) {
		return this.jobs.recent(module, user.id(), 5);
	}

	/**
	 * The reported rows of the import's last run, by line, at most
	 * {@link ImportJobs#MAX_REPORTED}.
	 */
	public List<ImportError> errors(ImportJob job) {
		return this.jobs.errors(job.id(), ImportJobs.MAX_REPORTED);
	}

	/**
	 * Whether the uploaded file is still here to be imported.
	 */
	public boolean hasFile(ImportJob job) {
		return Files.isReadable(file(job));
	}

	/**
	 * What the mapping page shows: the columns, the first rows, the fields a column can
	 * go to, and for each column the field it went to last time (or whose name or label
	 * it has).
	 */
	public Preview preview(ImportJob job, CurrentUser user, Locale locale) throws IOException {
		ModuleDefinition module = module(job.module(), user);
		CsvFiles.Head read = CsvFiles.head(file(job), job.delimiter(), PREVIEW_ROWS);
		List<List<String>> head = read.rows();
		List<String> header = head.isEmpty() ? List.of() : head.get(0);
		List<FieldChoice> fields = new ArrayList<>();
		for (Field field : importable(module)) {
			fields.add(new FieldChoice(field.name(), this.catalogue.label(module, field, locale), field.required()));
		}
		List<String> mapping = job.mapping().size() == header.size() ? job.mapping()
				: suggest(module, header, this.jobs.rememberedMapping(user.id(), module.name()));
		return new Preview(header, head.subList(Math.min(1, head.size()), head.size()), fields, mapping,
				read.unreadableLine());
	}

	/**
	 * Starts a dry run or the import, in the background, with this mapping (which becomes
	 * the user's remembered one).
	 * @param mapping the field name for each column, or an empty string to skip it
	 * @throws ValidationException (field {@code mapping}) if a field is named twice, a
	 * required field has no column and no default, or the header cannot be read
	 * @throws ConflictException if the import runs already or has been imported
	 */
	public void start(String module, long id, List<String> mapping, boolean dryRun, CurrentUser user)
			throws IOException {
		ModuleDefinition definition = module(module, user);
		ImportJob job = job(module, id, user);
		if (!job.isImportable() || !hasFile(job)) {
			throw new ConflictException("import.error.done");
		}
		CsvFiles.Head head = CsvFiles.head(file(job), job.delimiter(), 0);
		if (head.rows().isEmpty()) {
			throw ValidationException.of("mapping", "import.unreadable", Math.max(1, head.unreadableLine()));
		}
		List<String> header = head.rows().get(0);
		List<String> columns = checkMapping(definition, header, mapping, user);
		Map<String, String> remembered = new LinkedHashMap<>(this.jobs.rememberedMapping(user.id(), module));
		for (int i = 0; i < header.size(); i++) {
			remembered.put(normalise(header.get(i)), columns.get(i));
		}
		this.jobs.remember(user.id(), module, remembered);
		if (!this.jobs.start(id, columns, dryRun)) {
			throw new ConflictException("import.error.running");
		}
		ImportJob started = this.jobs.find(id).orElseThrow();
		RecordWriter<Object> writer = this.writers.writer(module);
		ImportProfile profile = this.profiles.getOrDefault(module, ImportProfile.of(module));
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Locale locale = LocaleContextHolder.getLocale();
		try {
			this.executor.execute(() -> {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(authentication);
				SecurityContextHolder.setContext(context);
				LocaleContextHolder.setLocale(locale);
				try {
					this.importer.run(started, file(started), definition, writer, profile, user, () -> this.stopping);
					if (!dryRun) {
						Files.deleteIfExists(file(started));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				finally {
					SecurityContextHolder.clearContext();
					LocaleContextHolder.resetLocaleContext();
				}
			});
		}
		catch (TaskRejectedException ex) {
			this.jobs.finish(id, Status.FAILED, null);
			throw new ConflictException("import.error.busy");
		}
	}

	private List<String> checkMapping(ModuleDefinition module, List<String> header, List<String> mapping,
			CurrentUser user) {
		Set<String> allowed = new HashSet<>();
		importable(module).forEach((field) -> allowed.add(field.name()));
		List<String> columns = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (int i = 0; i < header.size(); i++) {
			String name = (mapping != null && i < mapping.size() && mapping.get(i) != null) ? mapping.get(i).trim()
					: "";
			if (!name.isEmpty() && !allowed.contains(name)) {
				name = "";
			}
			if (!name.isEmpty() && !used.add(name)) {
				throw ValidationException.of("mapping", "import.mapping.twice", this.catalogue.label(module,
						module.field(name).orElseThrow(), LocaleContextHolder.getLocale()));
			}
			columns.add(name);
		}
		ImportProfile profile = this.profiles.getOrDefault(module.name(), ImportProfile.of(module.name()));
		RecordWriter<Object> writer = this.writers.writer(module.name());
		BeanWrapperImpl defaults = new BeanWrapperImpl(writer.newForm(user));
		for (Field field : importable(module)) {
			if (field.required() && !used.contains(field.name()) && !profile.defaults().containsKey(field.name())
					&& defaults.getPropertyValue(field.property()) == null) {
				throw ValidationException.of("mapping", "import.mapping.required",
						this.catalogue.label(module, field, LocaleContextHolder.getLocale()));
			}
		}
		return columns;
	}

	/**
	 * For each column: the field it went to last time, else the field whose API name or
	 * label (in English or German, or with " (ID)" as the export writes it) it has.
	 */
	List<String> suggest(ModuleDefinition module, List<String> header, Map<String, String> remembered) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (Field field : importable(module)) {
			for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
				String label = normalise(this.catalogue.label(module, field, language));
				if (field.isRelation()) {
					byName.putIfAbsent(normalise(label + CsvExport.ID_SUFFIX), field.name());
				}
				byName.putIfAbsent(label, field.name());
			}
			byName.put(normalise(field.name()), field.name());
		}
		Set<String> allowed = new HashSet<>(byName.values());
		List<String> result = new ArrayList<>();
		Set<String> used = new HashSet<>();
		// Remembered choices and exact API names or "(ID)" columns first, then labels.
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < header.size(); i++) {
				if (result.size() <= i) {
					result.add("");
				}
				if (!result.get(i).isEmpty()) {
					continue;
				}
				String column = normalise(header.get(i));
				String name = null;
				if (pass == 0) {
					name = remembered.containsKey(column) ? remembered.get(column)
							: (allowed.contains(column) || column.endsWith(normalise(CsvExport.ID_SUFFIX)))
									? byName.get(column) : null;
				}
				else if (!remembered.containsKey(column)) {
					name = byName.get(column);
				}
				if (name != null && !name.isEmpty() && allowed.contains(name) && used.add(name)) {
					result.set(i, name);
				}
			}
		}
		return result;
	}

	private static List<Field> importable(ModuleDefinition module) {
		return module.fields().stream().filter(Field::importable).toList();
	}

	static String normalise(String header) {
		return (header == null) ? "" : header.trim().toLowerCase(Locale.ROOT);
	}

	private Path file(ImportJob job) {
		return this.directory.resolve(job.fileKey());
	}

	private void removeOldFiles() {
		Instant limit = Instant.now().minus(KEEP_FILES);
		try (Stream<Path> files = Files.list(this.directory)) {
			files.filter((path) -> modified(path).map((time) -> time.toInstant().isBefore(limit)).orElse(false))
				.forEach((path) -> {
					try {
						Files.deleteIfExists(path);
					}
					catch (IOException ex) {
						logger.debug("Could not remove {}", path, ex);
					}
				});
		}
		catch (IOException ex) {
			logger.debug("Could not clean {}", this.directory, ex);
		}
	}

	private static Optional<FileTime> modified(Path path) {
		try {
			return Optional.of(Files.getLastModifiedTime(path));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The uploaded file's name without any folders a browser sent along or control
	 * characters (PostgreSQL refuses NUL in text), for showing.
	 */
	static String displayName(String fileName) {
		String name = (fileName != null)
				? fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
					.replaceAll("\\p{Cntrl}", "")
					.strip()
				: "";
		return name.isEmpty() ? "upload.csv" : name;
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	/**
	 * Running imports stop before their next batch; what they saved stays saved and their
	 * report says so.
	 */
	@Override
	public void destroy() {
		this.stopping = true;
		this.executor.setAwaitTerminationSeconds(30);
		this.executor.setWaitForTasksToCompleteOnShutdown(true);
		this.executor.shutdown();
	}

	/**
	 * The mapping page's content.
	 *
	 * @param header the file's column names
	 * @param rows the first rows
	 * @param fields the fields a column can go to
	 * @param mapping the field chosen for each column, or an empty string
	 * @param unreadableLine the line from which on the file cannot be read (a quotation
	 * mark not closed, say), if the first rows reach it; else 0
	 */
	public record Preview(List<String> header, List<List<String>> rows, List<FieldChoice> fields, List<String> mapping,
			long unreadableLine) {

		/**
		 * The value of a preview row's column, or an empty string.
		 */
		public String cell(List<String> row, int column) {
			return (column < row.size()) ? row.get(column) : "";
		}

	}

	/**
	 * A field a column can go to.
	 *
	 * @param name the API name
	 * @param label the label in the user's language
	 * @param required whether every record needs a value
	 */
	public record FieldChoice(String name, String label, boolean required) {
	}

}
