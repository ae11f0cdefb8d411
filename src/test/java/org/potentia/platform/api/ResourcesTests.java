package org.potentia.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attribute values in the API's documents: dates and times as RFC 3339 text.
 */
class ResourcesTests {

	@Test
	void aDateTimeKeepsItsSecondsEvenWhenTheyAreZero() {
		assertThat(Resources.json(OffsetDateTime.of(2026, 12, 5, 12, 58, 0, 0, ZoneOffset.UTC)))
			.isEqualTo("2026-12-05T12:58:00Z");
		assertThat(Resources.json(OffsetDateTime.of(2026, 12, 5, 12, 58, 7, 250_000_000, ZoneOffset.ofHours(1))))
			.isEqualTo("2026-12-05T12:58:07.25+01:00");
		assertThat(Resources.json(Instant.parse("2026-12-05T12:58:00Z"))).isEqualTo("2026-12-05T12:58:00Z");
		assertThat(Resources.json(LocalDate.of(2026, 12, 5))).isEqualTo("2026-12-05");
		assertThat(Resources.json(42)).isEqualTo(42);
	}

}
