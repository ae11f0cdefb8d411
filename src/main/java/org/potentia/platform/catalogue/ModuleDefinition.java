package org.potentia.platform.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's entry in the catalogue: its API name, table, fields and links. Each module
 * publishes one as a bean; the {@link Catalogue} collects them.
 *
 * @param name the API module name, a snake_case plural ({@code accounts})
 * @param table the table that holds the records
 * @param ownerColumn the column naming the owning user, which the visibility rule reads;
 * {@code null} for modules everyone may read
 * @param displayExpression SQL giving a record's display name, with {@code {a}} for the
 * table alias
 * @param searchExpressions SQL expressions (lower-cased text, alias {@code {a}}) the
 * search box matches with "contains"
 * @param defaultSort the list's default sort, in API syntax ({@code name} or
 * {@code -created_at})
 * @param fields the fields in display order
 * @param hasMany the has-many links to other modules
 * @param uiPath where the module's pages are ({@code /accounts}), or null if it has none
 * @param summaryFields the fields shown when the module's records are listed on another
 * record's card
 * @param archive whether the module records the past (history rows, snapshots): it has no
 * audit columns, and its links never keep a record from being deleted
 * @param countedPerOwner whether the database's kept totals count the module's records
 * per owner (its PostgreSQL migration installs the triggers), so that counts need no scan
 * @param ownerRelation for modules without an owner of their own (an account's budget
 * rows, an opportunity's forecast rows): the relation field whose linked record's
 * visibility applies, or {@code null}
 */
public record ModuleDefinition(String name, String table, String ownerColumn, String displayExpression,
		List<String> searchExpressions, String defaultSort, List<Field> fields, List<HasMany> hasMany, String uiPath,
		List<String> summaryFields, boolean archive, boolean countedPerOwner, String ownerRelation) {

	public ModuleDefinition {
		fields = List.copyOf(fields);
		hasMany = List.copyOf(hasMany);
		searchExpressions = List.copyOf(searchExpressions);
		summaryFields = List.copyOf(summaryFields);
	}

	/**
	 * Whether the visibility rule limits who sees the module's records: it has an owner,
	 * or belongs to a record that has one.
	 */
	public boolean restricted() {
		return this.ownerColumn != null || this.ownerRelation != null;
	}

	public Optional<Field> field(String fieldName) {
		return this.fields.stream().filter((field) -> field.name().equals(fieldName)).findFirst();
	}

	public Optional<Field> relation(String relationName) {
		return this.fields.stream()
			.filter((field) -> field.isRelation() && relationName.equals(field.relationName()))
			.findFirst();
	}

	public Optional<Field> fieldByProperty(String property) {
		return this.fields.stream().filter((field) -> field.property().equals(property)).findFirst();
	}

	public Map<String, Field> fieldsByName() {
		Map<String, Field> result = new LinkedHashMap<>();
		this.fields.forEach((field) -> result.put(field.name(), field));
		return result;
	}

	public String display(String alias) {
		return this.displayExpression.replace("{a}", alias);
	}

	public static Builder builder(String name, String table) {
		return new Builder(name, table);
	}

	/**
	 * A has-many link, such as an account's contacts.
	 *
	 * @param name the relation's name ({@code contacts})
	 * @param module the module holding the records
	 * @param foreignKey the field in that module that points back
	 * @param offerNew whether the card's list offers a "new" button (else a module tool
	 * makes the linked records)
	 */
	public record HasMany(String name, String module, String foreignKey, boolean offerNew) {
	}

	/**
	 * Fluent construction of a module definition. Adds the id and the audit fields every
	 * module has.
	 */
	public static final class Builder {

		private final String name;

		private final String table;

		private String ownerColumn;

		private String displayExpression = "{a}.name";

		private final List<String> searchExpressions = new ArrayList<>();

		private String defaultSort = "id";

		private final List<Field> fields = new ArrayList<>();

		private final List<HasMany> hasMany = new ArrayList<>();

		private String uiPath;

		private List<String> summaryFields = List.of();

		private boolean audited = true;

		private boolean countedPerOwner;

		private String ownerRelation;

		private Builder(String name, String table) {
			this.name = name;
			this.table = table;
			this.fields.add(Field.of("id", FieldType.ID).readOnly().build());
		}

		/**
		 * For tables that record the past (history rows, snapshots): no audit columns or
		 * version, and links that never block a delete.
		 */
		public Builder archive() {
			this.audited = false;
			return this;
		}

		/**
		 * The module's records are counted per owner by the database's kept totals (its
		 * PostgreSQL migration adds the table to {@code record_counts}'s triggers).
		 */
		public Builder countedPerOwner() {
			this.countedPerOwner = true;
			return this;
		}

		public Builder summary(String... fields) {
			this.summaryFields = List.of(fields);
			return this;
		}

		public Builder uiPath(String uiPath) {
			this.uiPath = uiPath;
			return this;
		}

		public Builder ownedBy(String ownerColumn) {
			this.ownerColumn = ownerColumn;
			return this;
		}

		/**
		 * The module's records have no owner of their own: whoever may see the record the
		 * relation field links to sees them (an account's budget rows are seen by whoever
		 * sees the account). The field must be a required relation.
		 */
		public Builder ownedThrough(String relationField) {
			this.ownerRelation = relationField;
			return this;
		}

		public Builder display(String expression) {
			this.displayExpression = expression;
			return this;
		}

		public Builder search(String expression) {
			this.searchExpressions.add(expression);
			return this;
		}

		public Builder defaultSort(String sort) {
			this.defaultSort = sort;
			return this;
		}

		public Builder field(Field.Builder field) {
			this.fields.add(field.build());
			return this;
		}

		public Builder hasMany(String relation, String module, String foreignKey) {
			this.hasMany.add(new HasMany(relation, module, foreignKey, true));
			return this;
		}

		/**
		 * A has-many link whose records are made by a module tool, not by a "new" button.
		 */
		public Builder hasManyByTool(String relation, String module, String foreignKey) {
			this.hasMany.add(new HasMany(relation, module, foreignKey, false));
			return this;
		}

		public ModuleDefinition build() {
			List<Field> all = new ArrayList<>(this.fields);
			if (!this.audited) {
				return new ModuleDefinition(this.name, this.table, this.ownerColumn, this.displayExpression,
						this.searchExpressions, this.defaultSort, all, this.hasMany, this.uiPath, this.summaryFields,
						true, this.countedPerOwner, this.ownerRelation);
			}
			all.add(Field.of("created_at", FieldType.DATETIME).readOnly().build());
			all.add(Field.of("created_by", FieldType.TEXT).readOnly().build());
			all.add(Field.of("updated_at", FieldType.DATETIME).readOnly().build());
			all.add(Field.of("updated_by", FieldType.TEXT).readOnly().build());
			all.add(Field.of("version", FieldType.INTEGER).notImportable().build());
			return new ModuleDefinition(this.name, this.table, this.ownerColumn, this.displayExpression,
					this.searchExpressions, this.defaultSort, all, this.hasMany, this.uiPath, this.summaryFields, false,
					this.countedPerOwner, this.ownerRelation);
		}

	}

}
