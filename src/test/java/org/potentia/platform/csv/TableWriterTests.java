package org.potentia.platform.csv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableWriterTests {

	@Test
	void xlsxKeepsNumbersAsNumbersAndDatesAsDates() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableWriter writer = TableWriter.open(TableWriter.Format.XLSX, Locale.GERMAN, out)) {
			writer.header(List.of("Name", "Amount", "Close"));
			writer.row(List.of("=cmd", new BigDecimal("1234.50"), LocalDate.of(2026, 3, 31)));
			writer.row(Arrays.asList("Empty", null, null));
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Amount");
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("=cmd");
			assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1234.5);
			assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
			assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 31));
			assertThat(sheet.getRow(2).getCell(1)).isNull();
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
		}
	}

	@Test
	void csvFollowsTheUsersSpreadsheetConvention() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableWriter writer = TableWriter.open(TableWriter.Format.CSV, Locale.GERMAN, out)) {
			writer.header(List.of("Name", "Betrag"));
			writer.row(List.of("=HYPERLINK(1)", new BigDecimal("10.00")));
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFName;Betrag\r\n'=HYPERLINK(1);10.00\r\n");
	}

}
