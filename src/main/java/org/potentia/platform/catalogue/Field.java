package org.potentia.platform.catalogue;

import java.util.List;

import org.springframework.beans.BeanWrapperImpl;

/**
 * One field of a module, declared once and read by everything that works "on any field":
 * API attributes and schema, filters, sorting, import and export, mappings and reports.
 *
 * @param name the API name, snake_case ({@code expected_close_date})
 * @param column the column in the module's table
 * @param property the property of the module's form object that holds the value
 * @param type the kind of value
 * @param size the maximum length of a text, or the precision of a number
 * @param scale the decimal places of a number
 * @param required whether a value is always needed
 * @param readOnly whether clients may never write it (ids, audit fields)
 * @param relationModule for relations, the API name of the target module
 * @param relationName for relations, the name used in {@code include} and
 * {@code relation.field} filters
 * @param options for picklists, the allowed values
 * @param searchable whether the list's search box looks at it
 * @param importable whether CSV import and module-tool mappings may write it
 */
public record Field(String name, String column, String property, FieldType type, int size, int scale, boolean required,
		boolean readOnly, String relationModule, String relationName, List<String> options, boolean searchable,
		boolean importable) {

	public boolean isRelation() {
		return this.type == FieldType.RELATION;
	}

	/**
	 * The field's value in the module's form (or any object with the field's property),
	 * read by name; blank text counts as no value, as a save would store it.
	 */
	public Object valueIn(Object form) {
		Object value = new BeanWrapperImpl(form).getPropertyValue(this.property);
		return (value instanceof String text && text.isBlank()) ? null : value;
	}

	public boolean isFilterable() {
		return this.type != FieldType.LONG_TEXT;
	}

	public boolean isSortable() {
		return this.type != FieldType.LONG_TEXT;
	}

	public static Builder of(String name, FieldType type) {
		return new Builder(name, type);
	}

	/**
	 * Fluent construction of a field; the column is the name and the property its
	 * camelCase form unless said otherwise.
	 */
	public static final class Builder {

		private final String name;

		private final FieldType type;

		private String column;

		private String property;

		private int size;

		private int scale;

		private boolean required;

		private boolean readOnly;

		private String relationModule;

		private String relationName;

		private List<String> options = List.of();

		private boolean searchable;

		private boolean importable = true;

		private Builder(String name, FieldType type) {
			this.name = name;
			this.type = type;
			this.column = name;
			this.property = camelCase(name);
		}

		public Builder column(String column) {
			this.column = column;
			return this;
		}

		public Builder property(String property) {
			this.property = property;
			return this;
		}

		public Builder size(int size) {
			this.size = size;
			return this;
		}

		public Builder scale(int size, int scale) {
			this.size = size;
			this.scale = scale;
			return this;
		}

		public Builder required() {
			this.required = true;
			return this;
		}

		public Builder readOnly() {
			this.readOnly = true;
			this.importable = false;
			return this;
		}

		public Builder searchable() {
			this.searchable = true;
			return this;
		}

		public Builder notImportable() {
			this.importable = false;
			return this;
		}

		public Builder relation(String module, String relationName) {
			this.relationModule = module;
			this.relationName = relationName;
			return this;
		}

		public Builder options(List<String> options) {
			this.options = List.copyOf(options);
			return this;
		}

		public Field build() {
			return new Field(this.name, this.column, this.property, this.type, this.size, this.scale, this.required,
					this.readOnly, this.relationModule, this.relationName, this.options, this.searchable,
					this.importable);
		}

		private static String camelCase(String snake) {
			StringBuilder result = new StringBuilder();
			boolean upper = false;
			for (char c : snake.toCharArray()) {
				if (c == '_') {
					upper = true;
				}
				else {
					result.append(upper ? Character.toUpperCase(c) : c);
					upper = false;
				}
			}
			return result.toString();
		}

	}

}
