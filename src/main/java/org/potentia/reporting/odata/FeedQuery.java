package org.potentia.reporting.odata;

import java.util.List;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.SqlCondition;

/**
 * One page of the feed as the database is asked for it.
 *
 * @param module the module (entity set)
 * @param filter the translated {@code $filter}, or {@link SqlCondition#TRUE}
 * @param sort the {@code $orderby} in API syntax ({@code -amount,name}), or null for the
 * module's default
 * @param fields the fields to read: the key and what {@code $select} names
 * @param offset the rows to skip ({@code $skip} plus the rows of earlier pages)
 * @param limit the rows of this page
 */
record FeedQuery(ModuleDefinition module, SqlCondition filter, String sort, List<Field> fields, long offset,
		int limit) {
}
