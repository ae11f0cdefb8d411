package org.potentia.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the import keeps of an uploaded file's name.
 */
class CsvImportsTests {

	@Test
	void theFileNameLosesTheFoldersABrowserSentAlong() {
		assertThat(CsvImports.displayName("C:\\Users\\ana\\Leads März.csv")).isEqualTo("Leads März.csv");
		assertThat(CsvImports.displayName("/home/ana/leads.csv")).isEqualTo("leads.csv");
		assertThat(CsvImports.displayName("odd\u0000name.csv")).isEqualTo("oddname.csv");
		assertThat(CsvImports.displayName("folder/")).isEqualTo("upload.csv");
		assertThat(CsvImports.displayName(null)).isEqualTo("upload.csv");
	}

}
