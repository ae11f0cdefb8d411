package org.potentia.platform.csv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a module's CSV import differs from plain "one row, one new record": values for
 * fields no column supplies, and the field whose value must be unique (case-insensitive)
 * among the module's records and the rows of the file. A module publishes one as a bean,
 * which the imports module reads, so the module need not know the import; without it,
 * rows get only the defaults of the module's new form.
 *
 * @param module the API name of the module
 * @param defaults values (as CSV text) for fields that no column maps or whose cell is
 * empty, by field name
 * @param uniqueField the field whose value a row may not share with an existing record or
 * an earlier row, ignoring case, or null
 * @param uniqueKeyColumn a column holding the lower-cased value of the unique field, with
 * an index, for the duplicate check; null to compare {@code LOWER(column)}
 */
public record ImportProfile(String module, Map<String, String> defaults, String uniqueField, String uniqueKeyColumn) {

	public ImportProfile {
		defaults = Map.copyOf(defaults);
	}

	public static ImportProfile of(String module) {
		return new ImportProfile(module, Map.of(), null, null);
	}

	public ImportProfile withDefault(String field, String value) {
		Map<String, String> all = new LinkedHashMap<>(this.defaults);
		all.put(field, value);
		return new ImportProfile(this.module, all, this.uniqueField, this.uniqueKeyColumn);
	}

	public ImportProfile uniqueBy(String field) {
		return new ImportProfile(this.module, this.defaults, field, null);
	}

	/**
	 * Unique by the field, looked up in a column that holds its lower-cased value.
	 */
	public ImportProfile uniqueBy(String field, String keyColumn) {
		return new ImportProfile(this.module, this.defaults, field, keyColumn);
	}

}
