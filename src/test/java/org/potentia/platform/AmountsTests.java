package org.potentia.platform;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "50.000|50000", "1.234.567|1234567", "12.345,67|12345.67", "12345,67|12345.67",
					"12345.67|12345.67", "1,5|1.5", "1.5|1.5", "1,500|1.500", "1 234,50|1234.50", "0|0", ",5|0.5",
					"-1.000|-1000", "4166,67|4166.67", "1.2.3|1.2.3", "12.34.567|12.34.567", "abc|abc",
					"1,234.56|1234.56", "1.2345,6|1.2345,6" })
	void readsAmountsTheGermanWay(String typed, String plain) {
		assertThat(Amounts.normalise(typed, Locale.GERMAN)).isEqualTo(plain);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "50,000|50000", "1,234,567|1234567", "12,345.67|12345.67", "12345.67|12345.67",
					"12345,67|12345.67", "50.000|50.000", "1.5|1.5", "1'234.50|1234.50", "12.345,67|12345.67",
					"NaN|NaN", "1e400|1e400" })
	void readsAmountsTheEnglishWay(String typed, String plain) {
		assertThat(Amounts.normalise(typed, Locale.ENGLISH)).isEqualTo(plain);
	}

}
