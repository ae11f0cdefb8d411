package org.potentia.platform.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import org.springframework.http.ContentDisposition;

/**
 * Writes a table (a header and rows of plain values) as CSV or XLSX, streamed: rows are
 * written as they come and never all held in memory. XLSX keeps numbers as numbers and
 * dates as dates (SXSSF keeps a window of 200 rows in memory and spills the rest to a
 * temporary file); CSV follows {@link CsvExport}'s conventions (UTF-8 with a byte order
 * mark, semicolons for German users, formula-looking text guarded).
 *
 * <p>
 * Values may be {@code null}, {@link Number}, {@link LocalDate}, {@link LocalDateTime},
 * {@link OffsetDateTime}, {@link Boolean} or anything else, which is written as text.
 */
public sealed interface TableWriter extends Closeable permits TableWriter.Csv, TableWriter.Xlsx {

	/**
	 * The largest number of rows an XLSX sheet holds (the format's limit less the
	 * header).
	 */
	int XLSX_MAX_ROWS = 1_048_575;

	void header(List<String> labels) throws IOException;

	void row(List<?> values) throws IOException;

	/**
	 * The format a user asked for, from a request parameter or path ({@code csv} or
	 * {@code xlsx}); anything else is CSV.
	 */
	enum Format {

		CSV("text/csv;charset=UTF-8", "csv"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String contentType;

		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		public static Format of(String name) {
			return "xlsx".equalsIgnoreCase(name) ? XLSX : CSV;
		}

		public String contentType() {
			return this.contentType;
		}

		public String extension() {
			return this.extension;
		}

	}

	/**
	 * Starts a download of the given base name (without extension) and returns the writer
	 * for its body; the caller closes it.
	 */
	static TableWriter download(Format format, String baseName, Locale locale, HttpServletResponse response)
			throws IOException {
		response.setContentType(format.contentType());
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(baseName + "-" + LocalDate.now() + "." + format.extension(), StandardCharsets.UTF_8)
					.build()
					.toString());
		return open(format, locale, response.getOutputStream());
	}

	static TableWriter open(Format format, Locale locale, OutputStream out) throws IOException {
		return (format == Format.XLSX) ? new Xlsx(out, locale) : new Csv(out, locale);
	}

	/**
	 * CSV in the user's spreadsheet convention.
	 */
	final class Csv implements TableWriter {

		private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private final Writer writer;

		private final CSVPrinter printer;

		private final List<String> cells = new ArrayList<>();

		Csv(OutputStream out, Locale locale) throws IOException {
			this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			char delimiter = "de".equals(locale.getLanguage()) ? ';' : ',';
			this.writer.write('\uFEFF');
			this.printer = new CSVPrinter(this.writer,
					CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get());
		}

		@Override
		public void header(List<String> labels) throws IOException {
			row(labels);
		}

		@Override
		public void row(List<?> values) throws IOException {
			this.cells.clear();
			for (Object value : values) {
				this.cells.add(switch (value) {
					case null -> "";
					case BigDecimal decimal -> decimal.toPlainString();
					case Number number -> number.toString();
					case OffsetDateTime time -> time.atZoneSameInstant(ZoneId.systemDefault()).format(DATE_TIME);
					case LocalDateTime time -> time.format(DATE_TIME);
					case LocalDate date -> date.toString();
					default -> CsvExport.text(value);
				});
			}
			this.printer.printRecord(this.cells);
		}

		@Override
		public void close() throws IOException {
			this.printer.flush();
			this.writer.flush();
		}

	}

	/**
	 * An Office Open XML workbook with one sheet, written through POI's streaming API.
	 */
	final class Xlsx implements TableWriter {

		private final OutputStream out;

		private final SXSSFWorkbook workbook;

		private final SXSSFSheet sheet;

		private final CellStyle dateStyle;

		private final CellStyle dateTimeStyle;

		private final CellStyle headerStyle;

		private int rows;

		private int columns;

		Xlsx(OutputStream out, Locale locale) {
			this.out = out;
			this.workbook = new FastWorkbook();
			this.workbook.setCompressTempFiles(true);
			this.sheet = this.workbook.createSheet();
			short date = this.workbook.createDataFormat().getFormat("yyyy-mm-dd");
			short dateTime = this.workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm");
			this.dateStyle = this.workbook.createCellStyle();
			this.dateStyle.setDataFormat(date);
			this.dateTimeStyle = this.workbook.createCellStyle();
			this.dateTimeStyle.setDataFormat(dateTime);
			Font bold = this.workbook.createFont();
			bold.setBold(true);
			this.headerStyle = this.workbook.createCellStyle();
			this.headerStyle.setFont(bold);
		}

		@Override
		public void header(List<String> labels) {
			Row row = this.sheet.createRow(this.rows++);
			for (int i = 0; i < labels.size(); i++) {
				Cell cell = row.createCell(i);
				cell.setCellValue(labels.get(i));
				cell.setCellStyle(this.headerStyle);
			}
			this.columns = labels.size();
			this.sheet.createFreezePane(0, 1);
		}

		@Override
		public void row(List<?> values) throws IOException {
			if (this.rows > XLSX_MAX_ROWS) {
				throw new IOException("An XLSX sheet holds at most " + XLSX_MAX_ROWS + " rows");
			}
			Row row = this.sheet.createRow(this.rows++);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				switch (value) {
					case Number number -> cell.setCellValue(number.doubleValue());
					case Boolean flag -> cell.setCellValue(flag);
					case LocalDate day -> {
						cell.setCellValue(day);
						cell.setCellStyle(this.dateStyle);
					}
					case LocalDateTime time -> {
						cell.setCellValue(time);
						cell.setCellStyle(this.dateTimeStyle);
					}
					case OffsetDateTime time -> {
						cell.setCellValue(time.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
						cell.setCellStyle(this.dateTimeStyle);
					}
					default -> cell.setCellValue(value.toString());
				}
			}
		}

		/**
		 * A streaming workbook that compresses for speed: its spilled rows (gzip, always,
		 * as {@code setCompressTempFiles(true)} asks) and the file itself (zip) at
		 * deflate's fastest level, where the default level deflates every byte twice over
		 * at its slower setting. The file grows by about a quarter (70 MB instead of 55
		 * MB for a million rows of eight columns); on the loaded benchmark machine the
		 * gain in speed could not be told from the noise (docs/benchmarks.md, "Report
		 * export").
		 */
		private static final class FastWorkbook extends SXSSFWorkbook {

			FastWorkbook() {
				super(200);
			}

			@Override
			protected SheetDataWriter createSheetDataWriter() throws IOException {
				return new GZIPSheetDataWriter(getSharedStringSource()) {
					@Override
					protected OutputStream decorateOutputStream(FileOutputStream out) throws IOException {
						return new GZIPOutputStream(out, 64 * 1024) {
							{
								this.def.setLevel(Deflater.BEST_SPEED);
							}
						};
					}
				};
			}

			@Override
			protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
				ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
				zip.setLevel(Deflater.BEST_SPEED);
				return zip;
			}

		}

		@Override
		public void close() throws IOException {
			try {
				for (int i = 0; i < Math.min(this.columns, 30); i++) {
					this.sheet.setColumnWidth(i, 18 * 256);
				}
				this.workbook.write(this.out);
				this.out.flush();
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			finally {
				this.workbook.close();
			}
		}

	}

}
