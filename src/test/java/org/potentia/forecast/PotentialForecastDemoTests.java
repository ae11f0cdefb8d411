package org.potentia.forecast;

import org.junit.jupiter.api.Test;

import org.potentia.testing.DemoDataTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data gives every demo opportunity with an amount an invoicing forecast: some
 * one-off, some spread, a few edited by hand.
 */
@DemoDataTest
class PotentialForecastDemoTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoOpportunitiesHaveOneOffSpreadAndEditedForecasts() {
		assertThat(count("SELECT COUNT(*) FROM potentials p WHERE p.amount > 0"
				+ " AND NOT EXISTS (SELECT 1 FROM potential_forecasts f WHERE f.potential_id = p.id)"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM (SELECT potential_id FROM potential_forecasts GROUP BY potential_id"
				+ " HAVING COUNT(*) = 1) x"))
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM (SELECT potential_id FROM potential_forecasts GROUP BY potential_id"
				+ " HAVING COUNT(*) = 12) x"))
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM (SELECT potential_id FROM potential_forecasts GROUP BY potential_id"
				+ " HAVING COUNT(*) = 5) x"))
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM potential_forecasts WHERE edited")).isPositive();
		// Rows nobody edited add up to their opportunity's amount exactly.
		assertThat(count("SELECT COUNT(*) FROM potentials p WHERE p.amount > 0"
				+ " AND NOT EXISTS (SELECT 1 FROM potential_forecasts e WHERE e.potential_id = p.id AND e.edited)"
				+ " AND p.amount <> (SELECT SUM(f.amount) FROM potential_forecasts f WHERE f.potential_id = p.id)"))
			.isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
