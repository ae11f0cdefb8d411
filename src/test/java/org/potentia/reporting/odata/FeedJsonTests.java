package org.potentia.reporting.odata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.core.serializer.utils.ContextURLBuilder;
import org.apache.olingo.server.core.uri.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The feed's own JSON writer against Olingo's serializer, which it stands in for: for
 * every module of the catalogue, in every format it writes (minimal metadata, none, with
 * IEEE754Compatible), with and without {@code $select} (naming the key or not),
 * {@code $count} and a next link, the two documents are the same bytes. The records hold
 * every kind of value the catalogue's types give: nulls, the largest numbers, scales,
 * dates, times with offsets and fractions, and text with quotes, markup, control
 * characters and characters outside the basic plane.
 */
@PotentiaTest
@ExtendWith(OutputCaptureExtension.class)
class FeedJsonTests {

	private static final String BASE = "http://localhost:8080/odata";

	private static final List<String> FORMATS = List.of("application/json", "application/json;odata.metadata=minimal",
			"application/json;odata.metadata=none", "application/json;odata.metadata=minimal;IEEE754Compatible=true",
			"application/json;odata.metadata=none;IEEE754Compatible=true");

	private static final List<String> TEXTS = List.of("", "plain", "Müller & Söhne GmbH – ß €",
			"quote \" backslash \\ slash / <script>alert(1)</script>", "tab\tnew line\ncontrol\u0001\u001f",
			"emoji \uD83D\uDE00 and \u2028 separator", "'; DROP TABLE potentials; --");

	@Autowired
	Catalogue catalogue;

	final OData odata = OData.newInstance();

	ServiceMetadata metadata;

	@BeforeEach
	void setUp() {
		this.metadata = ODataServlet.metadata(this.odata, this.catalogue);
	}

	@Test
	void everyModuleIsWrittenAsOlingoWritesIt() throws Exception {
		int compared = 0;
		for (ModuleDefinition module : this.catalogue.modules()) {
			List<Map<String, Object>> rows = rows(module);
			String other = module.fields()
				.stream()
				.map(Field::name)
				.filter((name) -> !"id".equals(name))
				.findFirst()
				.orElseThrow();
			List<String> queries = new ArrayList<>();
			queries.add("");
			queries.add("$count=true");
			queries.add("$select=" + other);
			queries.add("$select=id," + other + "&$count=true");
			queries.add("$select=*");
			for (String query : queries) {
				for (String format : FORMATS) {
					for (URI next : new URI[] { null, URI.create(BASE + "/" + module.name() + "?$skiptoken=2") }) {
						assertThat(feedJson(module, query, format, rows, next))
							.as("%s?%s as %s", module.name(), query, format)
							.isEqualTo(olingo(module, query, format, rows, next));
						compared++;
					}
				}
			}
		}
		assertThat(compared).isEqualTo(this.catalogue.modules().size() * 5 * FORMATS.size() * 2);
	}

	@Test
	void anEmptyPageIsWrittenAsOlingoWritesIt() throws Exception {
		ModuleDefinition potentials = this.catalogue.get("potentials");
		for (String format : FORMATS) {
			assertThat(feedJson(potentials, "$count=true", format, List.of(), null))
				.isEqualTo(olingo(potentials, "$count=true", format, List.of(), null));
		}
	}

	@Test
	void aValueThatDoesNotFitItsPropertyIsRefusedBeforeAnythingIsWritten() {
		ModuleDefinition potentials = this.catalogue.get("potentials");
		Map<String, Object> row = rows(potentials).get(0);
		row.put("amount", new BigDecimal("10000000000000000.00"));
		EdmEntitySet set = this.metadata.getEdm().getEntityContainer().getEntitySet("potentials");
		FeedColumns columns = new FeedColumns(potentials, set.getEntityType(), potentials.fields());

		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> new FeedJson(columns, List.of(row), ContentType.APPLICATION_JSON))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("amount", "potentials",
					String.valueOf(row.get("id"))));
	}

	@Test
	void aClientThatStopsReadingIsNoError(CapturedOutput output) throws Exception {
		ModuleDefinition potentials = this.catalogue.get("potentials");
		Page page = page(potentials, "", rows(potentials));
		OutputStream gone = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				throw new IOException("Broken pipe");
			}

		};
		new FeedJson(page.columns(), page.rows(), ContentType.APPLICATION_JSON).write(gone);
		assertThat(output).doesNotContain("could not write a page");

		FeedJson.cutShort(new IllegalStateException("a value the writer cannot take"));
		assertThat(output).contains("could not write a page").contains("a value the writer cannot take");
	}

	@Test
	void onlyJsonWithMinimalOrNoMetadataIsWrittenHere() {
		assertThat(FeedJson.writes(ContentType.APPLICATION_JSON)).isTrue();
		assertThat(FeedJson.writes(ContentType.create("application/json;odata.metadata=none"))).isTrue();
		assertThat(FeedJson.writes(ContentType.create("application/json;odata.metadata=MINIMAL"))).isTrue();
		assertThat(FeedJson.writes(ContentType.create("application/json;odata.metadata=full"))).isFalse();
		assertThat(FeedJson.writes(ContentType.APPLICATION_XML)).isFalse();
		assertThat(FeedJson.writes(ContentType.APPLICATION_ATOM_XML)).isFalse();
	}

	/**
	 * One page to write both ways: the request's options, its entity set, its columns and
	 * its rows with only those columns.
	 */
	private record Page(UriInfo uri, EdmEntitySet set, FeedColumns columns, List<Map<String, Object>> rows,
			Integer count) {
	}

	private Page page(ModuleDefinition module, String query, List<Map<String, Object>> rows) throws Exception {
		UriInfo uri = new Parser(this.metadata.getEdm(), this.odata).parseUri(module.name(),
				query.isEmpty() ? null : query, null, BASE);
		EdmEntitySet set = this.metadata.getEdm().getEntityContainer().getEntitySet(module.name());
		FeedColumns columns = new FeedColumns(module, set.getEntityType(),
				FeedProcessor.fields(module, uri.getSelectOption()));
		Integer count = (uri.getCountOption() != null && uri.getCountOption().getValue()) ? rows.size() + 1000 : null;
		return new Page(uri, set, columns, select(columns, rows), count);
	}

	private String feedJson(ModuleDefinition module, String query, String format, List<Map<String, Object>> rows,
			URI next) throws Exception {
		Page page = page(module, query, rows);
		FeedJson json = new FeedJson(page.columns(), page.rows(), ContentType.create(format))
			.context(ContextURLBuilder.create(context(page)).toASCIIString())
			.count(page.count())
			.ids(!FeedProcessor.keySelected(page.uri().getSelectOption()))
			.next(next);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		json.write(out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private String olingo(ModuleDefinition module, String query, String format, List<Map<String, Object>> rows,
			URI next) throws Exception {
		Page page = page(module, query, rows);
		EntityCollection entities = new EntityCollection();
		entities.getEntities().addAll(FeedProcessor.entities(page.columns(), page.rows()));
		entities.setCount(page.count());
		entities.setNext(next);
		EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
			.contextURL(context(page))
			.select(page.uri().getSelectOption())
			.count(page.uri().getCountOption())
			.id(BASE + "/" + page.set().getName())
			.build();
		return new String(this.odata.createSerializer(ContentType.create(format))
			.entityCollection(this.metadata, page.set().getEntityType(), entities, options)
			.getContent()
			.readAllBytes(), StandardCharsets.UTF_8);
	}

	private ContextURL context(Page page) throws Exception {
		return ContextURL.with()
			.serviceRoot(URI.create(BASE + "/"))
			.entitySet(page.set())
			.selectList(this.odata.createUriHelper()
				.buildContextURLSelectList(page.set().getEntityType(), null, page.uri().getSelectOption()))
			.build();
	}

	/**
	 * The rows with only the selected columns, as the page's statement reads them.
	 */
	private static List<Map<String, Object>> select(FeedColumns columns, List<Map<String, Object>> rows) {
		List<Map<String, Object>> selected = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (int i = 0; i < columns.size(); i++) {
				values.put(columns.name(i), row.get(columns.name(i)));
			}
			selected.add(values);
		}
		return selected;
	}

	/**
	 * Records of the module whose values go through the kinds each type can hold, with
	 * the Java types the page's statement reads ({@code RecordQueries.window}); every
	 * fourth value but the key is null.
	 */
	private static List<Map<String, Object>> rows(ModuleDefinition module) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int r = 0; r < 8; r++) {
			Map<String, Object> row = new LinkedHashMap<>();
			int c = 0;
			for (Field field : module.fields()) {
				boolean key = "id".equals(field.name());
				row.put(field.name(), (!key && (r + c) % 4 == 3) ? null : value(field, key ? r : r + c));
				c++;
			}
			rows.add(row);
		}
		return rows;
	}

	private static Object value(Field field, int n) {
		return switch (field.type()) {
			case ID -> 1L + n * 7919L;
			case INTEGER, RELATION -> List.of(0L, 1L, -42L, Long.MAX_VALUE, Long.MIN_VALUE).get(n % 5);
			case DECIMAL, MONEY, PERCENT -> decimal(field, n);
			case DATE -> LocalDate.of(2026, 1, 1).plusDays(n * 37L);
			case DATETIME -> List
				.of(OffsetDateTime.of(2026, 12, 7, 19, 30, 5, 123_456_000, ZoneOffset.UTC),
						OffsetDateTime.of(1999, 1, 31, 0, 0, 0, 0, ZoneOffset.ofHours(2)),
						OffsetDateTime.of(2030, 6, 15, 23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(-5, -30)))
				.get(n % 3);
			case BOOLEAN -> n % 2 == 0;
			default -> text(field, n);
		};
	}

	/**
	 * A number of the field's precision and scale; without a size, a whole number (such a
	 * field is an integer column, a percentage).
	 */
	private static BigDecimal decimal(Field field, int n) {
		int scale = (field.size() > 0) ? field.scale() : 0;
		int digits = (field.size() > 0) ? field.size() - field.scale() : 12;
		BigDecimal largest = BigDecimal.TEN.pow(digits).subtract(BigDecimal.ONE);
		return List.of(BigDecimal.ZERO, new BigDecimal("0.5"), largest, largest.negate(), new BigDecimal("-3"))
			.get(n % 5)
			.setScale(scale, RoundingMode.HALF_UP);
	}

	private static String text(Field field, int n) {
		String text = TEXTS.get(n % TEXTS.size());
		return (field.size() > 0 && text.length() > field.size()) ? text.substring(0, field.size()) : text;
	}

}
