package org.potentia.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.potentia.testing.Names;
import org.potentia.testing.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opportunities and accounts for report tests, written straight into the tables so that a
 * test knows every value it sums. Each fixture's records share a name prefix, which the
 * reports filter on, since the test database is shared.
 */
final class ReportFixtures {

	final String prefix = Names.unique("rpt") + "-";

	private final JdbcClient jdbc;

	ReportFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of the opportunity pipeline's stages, in pipeline order.
	 */
	List<Long> stages() {
		return this.jdbc.sql("SELECT id FROM pipeline_stages WHERE module = 'potentials' ORDER BY sort_order")
			.query(Long.class)
			.list();
	}

	long account(Person owner, String city) {
		this.jdbc
			.sql("INSERT INTO accounts (name, account_type, city, owner_id, created_at, updated_at) "
					+ "VALUES (?, 'customer', ?, ?, ?, ?)")
			.params(this.prefix + city, city, owner.id(), OffsetDateTime.now(), OffsetDateTime.now())
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM accounts WHERE name = ?")
			.param(this.prefix + city)
			.query(Long.class)
			.single();
	}

	void potential(Person owner, long stage, String amount, LocalDate close, Long account) {
		this.jdbc
			.sql("INSERT INTO potentials (name, amount, stage_id, expected_close_date, owner_id, account_id, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.prefix + Names.unique("p"), (amount != null) ? new BigDecimal(amount) : null, stage, close,
					owner.id(), account, OffsetDateTime.now(), OffsetDateTime.now())
			.update();
	}

	/**
	 * The filter that keeps a report to this fixture's opportunities.
	 */
	String filter() {
		return "{\"$beg\":[\"name\",\"" + this.prefix + "\"]}";
	}

}
