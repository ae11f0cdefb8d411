package org.potentia.workflow;

import java.util.Optional;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;

/**
 * A field a workflow reads or writes: one of the record's own ({@code stage_id}), or one
 * of a record it links to, named by the relation ({@code account.account_type}).
 *
 * @param path the path as written
 * @param relation the record's relation field for a linked field, else null
 * @param target the module that holds the field (the record's own, or the linked one)
 * @param field the field
 */
public record FieldPath(String path, Field relation, ModuleDefinition target, Field field) {

	public boolean isLinked() {
		return this.relation != null;
	}

	/**
	 * Resolves a path against a module and the catalogue; empty if any part is unknown.
	 */
	public static Optional<FieldPath> resolve(Catalogue catalogue, ModuleDefinition module, String path) {
		if (path == null || path.isBlank()) {
			return Optional.empty();
		}
		int dot = path.indexOf('.');
		if (dot < 0) {
			return module.field(path).map((field) -> new FieldPath(path, null, module, field));
		}
		Optional<Field> relation = module.relation(path.substring(0, dot));
		if (relation.isEmpty()) {
			return Optional.empty();
		}
		Optional<ModuleDefinition> target = catalogue.find(relation.get().relationModule());
		return target.flatMap((linked) -> linked.field(path.substring(dot + 1)))
			.map((field) -> new FieldPath(path, relation.get(), target.get(), field));
	}

}
