package org.potentia.platform.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

/**
 * Writes a list as CSV: every record the user may see that matches the list's search,
 * filters and sort, streamed from the database to the response. The columns are the
 * module's catalogue fields with their labels in the user's language; a relation gives
 * two columns, the linked record's name and its id. The file is UTF-8 with a byte order
 * mark (so that spreadsheets read it as UTF-8), comma-separated, or semicolon-separated
 * for German users, whose spreadsheets expect that.
 */
@Component
public class CsvExport {

	/**
	 * What the header of a relation's id column adds to the relation's label; the import
	 * maps such a column back to the relation.
	 */
	public static final String ID_SUFFIX = " (ID)";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final MessageSource messages;

	public CsvExport(Catalogue catalogue, RecordQueries queries, MessageSource messages) {
		this.catalogue = catalogue;
		this.queries = queries;
		this.messages = messages;
	}

	public void write(ModuleDefinition module, ListQuery query, CurrentUser user, HttpServletResponse response)
			throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(module.name() + "-" + LocalDate.now() + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				1 << 16);
		write(module, query, user, locale, writer);
	}

	/**
	 * Writes the CSV to a writer and flushes it.
	 */
	public void write(ModuleDefinition module, ListQuery query, CurrentUser user, Locale locale, Writer writer)
			throws IOException {
		char delimiter = "de".equals(locale.getLanguage()) ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get();
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, format);
		List<Field> fields = module.fields().stream().filter((field) -> !"version".equals(field.name())).toList();
		List<String> header = new ArrayList<>();
		for (Field field : fields) {
			String label = this.catalogue.label(module, field, locale);
			header.add(label);
			if (field.isRelation()) {
				header.add(label + ID_SUFFIX);
			}
		}
		printer.printRecord(header);
		List<String> values = new ArrayList<>(header.size());
		String hidden = this.messages.getMessage("record.hidden", null, locale);
		try {
			this.queries.stream(module, query, user, (row) -> {
				values.clear();
				for (Field field : fields) {
					if (field.isRelation()) {
						// A linked record the user may not see: no name, only its id, so
						// that a
						// file exported and imported again keeps the link.
						values.add(Boolean.TRUE.equals(row.get(field.name() + RecordQueries.HIDDEN_SUFFIX)) ? hidden
								: text((String) row.get(field.name() + RecordQueries.LABEL_SUFFIX)));
						values.add(text(row.get(field.name())));
					}
					else {
						values.add(value(field, row.get(field.name()), locale));
					}
				}
				try {
					printer.printRecord(values);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		printer.flush();
	}

	private String value(Field field, Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		return switch (field.type()) {
			case PICKLIST -> this.catalogue.optionLabel(field, value.toString(), locale);
			case BOOLEAN -> this.messages.getMessage(Boolean.TRUE.equals(value) ? "yes" : "no", null, locale);
			case DECIMAL, MONEY, PERCENT -> ((BigDecimal) value).toPlainString();
			case DATETIME -> ((OffsetDateTime) value).atZoneSameInstant(ZoneId.systemDefault()).format(DATE_TIME);
			default -> text(value);
		};
	}

	/**
	 * The text of a cell, with a leading apostrophe where a spreadsheet would otherwise
	 * run it as a formula ({@code =HYPERLINK(…)}, {@code @SUM(…)}, {@code -1+cmd…}).
	 * Telephone numbers such as {@code +49 30 1234-5} stay as they are. The import
	 * removes the apostrophe again.
	 */
	static String text(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		return isFormula(text) ? "'" + text : text;
	}

	static boolean isFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		if (first == '=' || first == '@' || first == '\t' || first == '\r') {
			return true;
		}
		return (first == '+' || first == '-') && !text.matches("[+-][0-9 ()./-]*");
	}

	/**
	 * The cell's text without the apostrophe {@link #text(Object)} put before a formula,
	 * for reading an exported file back in.
	 */
	public static String unguard(String text) {
		return (text.length() > 1 && text.charAt(0) == '\'' && isFormula(text.substring(1))) ? text.substring(1) : text;
	}

}
