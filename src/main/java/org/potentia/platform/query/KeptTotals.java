package org.potentia.platform.query;

import java.sql.DatabaseMetaData;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether the database keeps totals for the pages that sum up everything a user may see.
 * PostgreSQL does (its migration {@code V10_1}): triggers keep {@code record_counts}, the
 * records per table and owner, and {@code potential_totals}, the opportunities' count,
 * amount and weighted amount per stage, owner and business area, exact at every commit.
 * H2, for small installations, keeps none: there the callers count the rows.
 */
@Component
public class KeptTotals {

	/**
	 * The tables whose records {@code record_counts} counts per owner.
	 */
	static final Set<String> COUNTED_TABLES = Set.of("accounts", "contacts", "leads", "potentials");

	private final boolean kept;

	KeptTotals(DataSource dataSource) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.kept = product.toLowerCase().contains("postgres");
	}

	/**
	 * Whether the database keeps the totals at all.
	 */
	public boolean kept() {
		return this.kept;
	}

	/**
	 * Whether {@code record_counts} holds the records of this table per owner.
	 */
	public boolean counts(String table) {
		return this.kept && COUNTED_TABLES.contains(table);
	}

}
