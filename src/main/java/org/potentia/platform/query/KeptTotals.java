package org.potentia.platform.query;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.potentia.platform.catalogue.ModuleDefinition;
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
	 * Whether {@code record_counts} holds the module's records per owner: the module says
	 * so in the catalogue, and the database keeps totals.
	 */
	public boolean counts(ModuleDefinition module) {
		return this.kept && module.countedPerOwner();
	}

}
