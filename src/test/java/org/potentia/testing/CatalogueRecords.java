package org.potentia.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import tools.jackson.databind.JsonNode;

/**
 * Makes a record of any module with every field it can hold filled, read from the field
 * catalogue alone and saved through the web service as an admin: text with umlauts,
 * amounts with decimals, dates, the last option of each picklist, and links to records
 * made the same way (all owned by one person, and one of each module, so that an
 * opportunity's contact belongs to its account). A module added to the catalogue is
 * covered without code here.
 */
public class CatalogueRecords {

	private final Api api;

	private final Catalogue catalogue;

	CatalogueRecords(Api api, Catalogue catalogue) {
		this.api = api;
		this.catalogue = catalogue;
	}

	/**
	 * A set of linked records owned by one person.
	 */
	public Maker owner(Person admin, Person owner) {
		return new Maker(admin, owner);
	}

	/**
	 * Makes the records of one owner, remembering one of each module to link to.
	 */
	public final class Maker {

		private final Person admin;

		private final Person owner;

		private final Map<String, Long> made = new HashMap<>();

		private Maker(Person admin, Person owner) {
			this.admin = admin;
			this.owner = owner;
		}

		/**
		 * A new record of the module with every writable field filled; a value the rules
		 * refuse (a stage of another module, say) is replaced by the next candidate, and
		 * a field no candidate fits is left empty.
		 * @return the record's id
		 */
		public long make(ModuleDefinition module) {
			Map<String, List<Object>> candidates = new LinkedHashMap<>();
			for (Field field : module.fields()) {
				if (!field.readOnly() && !"id".equals(field.name())) {
					candidates.put(field.name(), candidates(module, field));
				}
			}
			for (int attempt = 0; attempt < 50; attempt++) {
				Map<String, Object> attributes = new LinkedHashMap<>();
				candidates.forEach((name, values) -> attributes.put(name, values.isEmpty() ? null : values.get(0)));
				Api.Response response = CatalogueRecords.this.api.as(this.admin)
					.post("/api/v1/" + module.name(), Api.document(module.name(), attributes));
				if (response.status() == 201) {
					long id = Long.parseLong(response.json().path("data").path("id").asString());
					this.made.put(module.name(), id);
					return id;
				}
				if (response.status() != 422) {
					throw new AssertionError(
							"making " + module.name() + " answered " + response.status() + ": " + response.body());
				}
				for (JsonNode error : response.json().path("errors")) {
					String pointer = error.path("source").path("pointer").asString();
					String name = pointer.substring(pointer.lastIndexOf('/') + 1);
					List<Object> values = candidates.get(name);
					if (values == null || values.isEmpty()) {
						throw new AssertionError("making " + module.name() + " was refused: " + response.body());
					}
					values.remove(0);
				}
			}
			throw new AssertionError("no values fit " + module.name());
		}

		private List<Object> candidates(ModuleDefinition module, Field field) {
			List<Object> values = new ArrayList<>();
			int index = module.fields().indexOf(field);
			switch (field.type()) {
				case TEXT -> {
					if (field.size() > 0 && field.size() <= 3) {
						values.add("CHF".substring(0, field.size()));
					}
					values.add(fit("Grüße aus Köln – " + field.name() + " " + Names.tag(), field));
					values.add(fit("Text " + index, field));
				}
				case LONG_TEXT ->
					values.add(fit("Erste Zeile: Äpfel & Öl\nZweite Zeile – Straße " + Names.tag(), field));
				case EMAIL -> values.add(Names.tag().toLowerCase() + "." + index + "@example.com");
				case URL -> values.add("https://example.com/" + Names.tag().toLowerCase());
				case PHONE -> values.add("+49 30 1234 56" + (10 + index));
				case INTEGER -> values.add(40 + index);
				case DECIMAL -> values.add(new BigDecimal("1234.5"));
				case MONEY -> values.add(new BigDecimal("12345.67"));
				case PERCENT -> values.add(35);
				case DATE -> {
					values.add(LocalDate.of(2027, 10, 1).plusDays(index).toString());
					// For the fields that take months, stored as their first day.
					values.add(LocalDate.of(2027, 11, 1).toString());
				}
				case DATETIME -> values.add("2027-10-01T09:30:00Z");
				case BOOLEAN -> values.add(Boolean.TRUE);
				case PICKLIST -> {
					List<String> options = new ArrayList<>(field.options());
					java.util.Collections.reverse(options);
					values.addAll(options);
				}
				case RELATION -> values.addAll(targets(field));
				default -> {
				}
			}
			return values;
		}

		private List<Object> targets(Field field) {
			ModuleDefinition target = CatalogueRecords.this.catalogue.get(field.relationModule());
			if ("users".equals(target.name())) {
				return new ArrayList<>(List.of(this.owner.id()));
			}
			if (target.ownerColumn() != null) {
				Long id = this.made.get(target.name());
				return new ArrayList<>(List.of((id != null) ? id : make(target)));
			}
			// Reference data (stages, business areas, lost reasons): any that fits.
			Api.Response list = CatalogueRecords.this.api.as(this.admin)
				.get("/api/v1/" + target.name() + "?page%5Bsize%5D=100");
			return new ArrayList<>(list.ids());
		}

		private static String fit(String text, Field field) {
			return (field.size() > 0 && text.length() > field.size()) ? text.substring(0, field.size()) : text;
		}

	}

}
