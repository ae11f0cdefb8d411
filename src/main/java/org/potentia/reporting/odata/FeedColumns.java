package org.potentia.reporting.odata;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.core.edm.primitivetype.EdmPrimitiveTypeFactory;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The properties of one page of the feed, each with its EDM type and facets (length,
 * precision, scale) looked up once for the page, and a record's values as the feed writes
 * them: the text Olingo's {@link EdmPrimitiveType#valueToString} makes of each, which is
 * also the check that a value fits its property.
 */
final class FeedColumns {

	private static final Logger logger = LoggerFactory.getLogger(FeedColumns.class);

	/**
	 * How a value's text goes into JSON: as a number, true or false, or a string.
	 */
	enum Kind {

		NUMBER, BOOLEAN, STRING

	}

	private final ModuleDefinition module;

	private final String[] names;

	private final EdmProperty[] properties;

	private final EdmPrimitiveType[] types;

	private final int id;

	/**
	 * @param fields the page's fields, the key {@code id} among them
	 */
	FeedColumns(ModuleDefinition module, EdmEntityType type, List<Field> fields) {
		this.module = module;
		int size = fields.size();
		this.names = new String[size];
		this.properties = new EdmProperty[size];
		this.types = new EdmPrimitiveType[size];
		for (int i = 0; i < size; i++) {
			this.names[i] = fields.get(i).name();
			this.properties[i] = (EdmProperty) type.getProperty(this.names[i]);
			this.types[i] = (EdmPrimitiveType) this.properties[i].getType();
		}
		this.id = List.of(this.names).indexOf("id");
	}

	ModuleDefinition module() {
		return this.module;
	}

	int size() {
		return this.names.length;
	}

	String name(int column) {
		return this.names[column];
	}

	/**
	 * The key's column.
	 */
	int indexOfId() {
		return this.id;
	}

	/**
	 * How the column's values are written in JSON, as Olingo's serializer writes the
	 * feed's types: an {@code Edm.Int64} or {@code Edm.Decimal} as a number, unless the
	 * client asked for {@code IEEE754Compatible=true}, which makes them strings; an
	 * {@code Edm.Boolean} as true or false; the rest as strings.
	 */
	Kind kind(int column, boolean ieee754Compatible) {
		EdmPrimitiveType type = this.types[column];
		if (type == EdmPrimitiveTypeFactory.getInstance(EdmPrimitiveTypeKind.Boolean)) {
			return Kind.BOOLEAN;
		}
		if (type == EdmPrimitiveTypeFactory.getInstance(EdmPrimitiveTypeKind.Decimal)
				|| type == EdmPrimitiveTypeFactory.getInstance(EdmPrimitiveTypeKind.Int64)) {
			return ieee754Compatible ? Kind.STRING : Kind.NUMBER;
		}
		return Kind.STRING;
	}

	/**
	 * A record's value of a column in the Java type Olingo takes for its EDM type.
	 */
	Object value(Map<String, Object> row, int column) {
		Object value = row.get(this.names[column]);
		return (value instanceof OffsetDateTime dateTime) ? dateTime.toZonedDateTime() : value;
	}

	/**
	 * A record's values as the feed writes them, null for a null value.
	 * @throws FeedException (500) for a value that does not fit its property, naming the
	 * record and the property
	 */
	String[] texts(Map<String, Object> row) {
		String[] texts = new String[this.names.length];
		for (int i = 0; i < texts.length; i++) {
			EdmProperty declared = this.properties[i];
			try {
				texts[i] = this.types[i].valueToString(value(row, i), declared.isNullable(), declared.getMaxLength(),
						declared.getPrecision(), declared.getScale(), declared.isUnicode());
			}
			catch (EdmPrimitiveTypeException ex) {
				logger.error("The OData feed cannot write {} of {}({}): {}", this.names[i], this.module.name(),
						row.get("id"), ex.getMessage());
				throw FeedException.serverError("error.odata.unwritable", this.names[i], this.module.name(),
						String.valueOf(row.get("id")));
			}
		}
		return texts;
	}

}
