package org.potentia.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Times the report generator's XLSX (and CSV) export of a plain list of up to a million
 * opportunities over HTTP, as the builder's export button asks for it, against a running
 * Potentia (started with the heap the target names, {@code -Xmx512m}). It streams the
 * answer to a file, then counts the sheet's rows by reading the file's XML as a stream
 * and checks that amounts are numbers and dates are dates (numeric cells with a date
 * style), so a short or broken file fails the run.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@bench-export \
 *   -Dexec.args="--base=http://localhost:8093 --rows=1000000 --format=xlsx"
 * </pre>
 */
public final class ExportBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final List<String> COLUMNS = List.of("name", "amount", "expected_close_date", "probability",
			"stage_id", "account_id", "owner_id", "created_at");

	private ExportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			options.put(arg.substring(2, (equals < 0) ? arg.length() : equals),
					(equals < 0) ? "" : arg.substring(equals + 1));
		}
		String base = options.getOrDefault("base", "http://localhost:8093");
		int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
		String format = options.getOrDefault("format", "xlsx");
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
		String username = options.getOrDefault("user", "bench-admin");
		BenchmarkRun run = new BenchmarkRun(base, 1, 0);
		BenchmarkRun.Session session = run.signIn(username, options.getOrDefault("password", BenchmarkData.PASSWORD));

		String page = session.browser()
			.send(HttpRequest.newBuilder(URI.create(base + "/reports/custom/new")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no _csrf field on the report builder");
		}
		StringJoiner form = new StringJoiner("&");
		form.add("_csrf=" + BenchmarkRun.encode(csrf.group(1)));
		form.add("module=potentials");
		for (int i = 0; i < COLUMNS.size(); i++) {
			form.add("columns[" + i + "].expression=" + BenchmarkRun.encode(COLUMNS.get(i)));
		}
		form.add("limit=" + rows);
		form.add("name=export-benchmark");
		form.add("action=" + format);

		System.out.printf(Locale.ROOT, "export of %,d rows as %s for %s, %d columns, %d rounds%n", rows, format,
				username, COLUMNS.size(), rounds);
		List<String> lines = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			Path file = Files.createTempFile("potentia-export", "." + format);
			try {
				long start = System.nanoTime();
				HttpResponse<Path> answer = session.browser()
					.send(HttpRequest.newBuilder(URI.create(base + "/reports/custom/run"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
						.build(), HttpResponse.BodyHandlers.ofFile(file));
				double seconds = (System.nanoTime() - start) / 1e9;
				if (answer.statusCode() != 200) {
					throw new IllegalStateException("export answered " + answer.statusCode() + ": "
							+ Files.readString(file, StandardCharsets.UTF_8).lines().limit(5).toList());
				}
				Count count = "xlsx".equals(format) ? countXlsx(file) : countCsv(file);
				String line = String.format(Locale.ROOT,
						"round %d: %,d data rows, %,d KB in %.1f s = %,.0f rows/s; numeric cells %,d, date-styled %,d",
						round, count.rows(), Files.size(file) / 1024, seconds, count.rows() / seconds, count.numbers(),
						count.dated());
				System.out.println(line);
				lines.add(line);
				if (count.rows() != rows) {
					throw new IllegalStateException("expected " + rows + " data rows, got " + count.rows());
				}
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
	}

	record Count(long rows, long numbers, long dated) {
	}

	/**
	 * Counts the first sheet's data rows (the header row aside) and, in the first 1,000
	 * rows, the cells written as numbers and those with a style (dates are numbers with a
	 * date style; text cells are inline or shared strings).
	 */
	static Count countXlsx(Path file) throws IOException {
		// By the central directory, as spreadsheet programs read it: the streamed entries
		// carry their sizes in data descriptors, which ZipInputStream misreads.
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
			if (entry == null) {
				byte[] start = new byte[300];
				int length;
				try (InputStream in = Files.newInputStream(file)) {
					length = Math.max(0, in.read(start));
				}
				throw new IllegalStateException("no first sheet in the file, which starts: "
						+ new String(start, 0, length, StandardCharsets.UTF_8));
			}
			try (InputStream sheet = zip.getInputStream(entry)) {
				return scan(sheet);
			}
		}
	}

	private static Count scan(InputStream sheet) throws IOException {
		long rows = 0;
		long numbers = 0;
		long dated = 0;
		byte[] buffer = new byte[1 << 16];
		StringBuilder carry = new StringBuilder();
		int read;
		while ((read = sheet.read(buffer)) > 0) {
			carry.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			int cut = carry.lastIndexOf(">");
			if (cut < 0) {
				continue;
			}
			String chunk = carry.substring(0, cut + 1);
			carry.delete(0, cut + 1);
			int at = 0;
			while ((at = chunk.indexOf("<row ", at)) >= 0) {
				rows++;
				at += 5;
			}
			if (rows <= 1000) {
				Matcher cell = Pattern.compile("<c [^>]*>").matcher(chunk);
				while (cell.find()) {
					String tag = cell.group();
					if (!tag.contains("t=\"s\"") && !tag.contains("t=\"inlineStr\"") && !tag.contains("t=\"str\"")) {
						numbers++;
						if (tag.contains(" s=\"")) {
							dated++;
						}
					}
				}
			}
		}
		return new Count(rows - 1, numbers, dated);
	}

	private static Count countCsv(Path file) throws IOException {
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return new Count(lines.count() - 1, 0, 0);
		}
	}

}
