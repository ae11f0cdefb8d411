package org.potentia.platform.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells of an export that a spreadsheet would run as formulas.
 */
class CsvExportTests {

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasAreGuardedAndUnguardedAgain() {
		assertThat(CsvExport.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(CsvExport.text("-1+cmd")).isEqualTo("'-1+cmd");
		assertThat(CsvExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvExport.text("+49 30 1234-5")).isEqualTo("+49 30 1234-5");
		assertThat(CsvExport.text("Plain")).isEqualTo("Plain");
		assertThat(CsvExport.unguard("'=HYPERLINK(\"x\")")).isEqualTo("=HYPERLINK(\"x\")");
		assertThat(CsvExport.unguard("'quoted")).isEqualTo("'quoted");
	}

}
