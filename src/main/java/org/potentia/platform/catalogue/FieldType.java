package org.potentia.platform.catalogue;

/**
 * The kinds of value a catalogue field holds. The type decides how a value is parsed from
 * text (forms, filters, CSV), how it is bound in SQL and how it is shown.
 */
public enum FieldType {

	ID("integer"), TEXT("string"), LONG_TEXT("text"), EMAIL("email"), URL("url"), PHONE("phone"), INTEGER("integer"),
	DECIMAL("decimal"), MONEY("money"), PERCENT("percent"), DATE("date"), DATETIME("datetime"), BOOLEAN("boolean"),
	PICKLIST("enum"), RELATION("relation");

	private final String schemaName;

	FieldType(String schemaName) {
		this.schemaName = schemaName;
	}

	/**
	 * The type name used in {@code GET /api/v1/schema/{module}}.
	 */
	public String schemaName() {
		return this.schemaName;
	}

	public boolean isText() {
		return this == TEXT || this == LONG_TEXT || this == EMAIL || this == URL || this == PHONE || this == PICKLIST;
	}

	public boolean isNumeric() {
		return this == ID || this == INTEGER || this == DECIMAL || this == MONEY || this == PERCENT || this == RELATION;
	}

	public boolean isTemporal() {
		return this == DATE || this == DATETIME;
	}

}
