package org.potentia.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.PageResult;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The lists of linked records on a card (an account's contacts and opportunities), read
 * from the catalogue's has-many links and filtered by the visibility rule.
 */
@Component
public class RecordLinks {

	static final int SHOWN = 50;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	public RecordLinks(Catalogue catalogue, RecordQueries queries) {
		this.catalogue = catalogue;
		this.queries = queries;
	}

	public List<Related> related(ModuleDefinition module, long id, CurrentUser user) {
		List<Related> result = new ArrayList<>();
		for (ModuleDefinition.HasMany link : module.hasMany()) {
			ModuleDefinition target = this.catalogue.find(link.module()).orElse(null);
			if (target == null || target.uiPath() == null) {
				continue;
			}
			Field foreignKey = target.field(link.foreignKey()).orElseThrow();
			ListQuery query = new ListQuery(null, SqlCondition.of("t." + foreignKey.column() + " = ?", id), null, 1,
					SHOWN);
			PageResult page = this.queries.list(target, query, user);
			List<Field> columns = target.summaryFields()
				.stream()
				.map((name) -> target.field(name).orElseThrow())
				.filter((field) -> !field.name().equals(foreignKey.name()))
				.toList();
			ListView view = new ListView(target, columns, page, target.defaultSort(), Map.of(), target.uiPath(),
					columns.isEmpty() ? null : columns.get(0).name());
			String filter = foreignKey.name() + "=" + id;
			result.add(new Related(link, target, view, link.offerNew() ? target.uiPath() + "/new?" + filter : null,
					target.uiPath() + "?" + filter));
		}
		return result;
	}

	/**
	 * One has-many list on a card, with the link that makes a new linked record and the
	 * link to the whole list when the card shows only the first {@value #SHOWN}.
	 */
	public record Related(ModuleDefinition.HasMany link, ModuleDefinition module, ListView view, String newLink,
			String listLink) {
	}

}
