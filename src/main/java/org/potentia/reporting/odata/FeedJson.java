package org.potentia.reporting.odata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.ODataContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page of the feed in OData's JSON with minimal or no metadata, the formats Excel and
 * Power BI ask for, written without Olingo's entity model: the properties' types are
 * looked up once for the page ({@link FeedColumns}), each value is turned into its text
 * once, and the page goes with Jackson straight into the response. The document is the
 * one Olingo's serializer writes for the same page, byte for byte ({@code FeedJsonTests}
 * compares the two for every module and option); full metadata and XML stay Olingo's.
 * <p>
 * Every value is turned into text and checked before the first byte is written: a value
 * that does not fit its property is then an OData error with a status of its own, not a
 * document cut short after a 200.
 */
final class FeedJson implements ODataContent {

	private static final Logger logger = LoggerFactory.getLogger(FeedJson.class);

	/**
	 * Thread-safe once configured, and costly to make per request (its symbol tables and
	 * buffer recycling).
	 */
	private static final JsonFactory JSON = new JsonFactory();

	private static final SerializedString CONTEXT = new SerializedString("@odata.context");

	private static final SerializedString COUNT = new SerializedString("@odata.count");

	private static final SerializedString VALUE = new SerializedString("value");

	private static final SerializedString ID = new SerializedString("@odata.id");

	private static final SerializedString NEXT = new SerializedString("@odata.nextLink");

	private final FeedColumns columns;

	private final SerializedString[] names;

	private final FeedColumns.Kind[] kinds;

	private final boolean noMetadata;

	private final boolean ieee754Compatible;

	private final List<String[]> rows;

	private String context;

	private Integer count;

	private boolean ids;

	private URI next;

	/**
	 * The page's rows, turned into text and checked.
	 * @throws FeedException (500) for a value that does not fit its property
	 */
	FeedJson(FeedColumns columns, List<Map<String, Object>> rows, ContentType format) {
		this.columns = columns;
		this.noMetadata = "none".equalsIgnoreCase(format.getParameter(ContentType.PARAMETER_ODATA_METADATA));
		this.ieee754Compatible = "true".equalsIgnoreCase(format.getParameter(ContentType.PARAMETER_IEEE754_COMPATIBLE));
		this.names = new SerializedString[columns.size()];
		this.kinds = new FeedColumns.Kind[columns.size()];
		for (int i = 0; i < columns.size(); i++) {
			this.names[i] = new SerializedString(columns.name(i));
			this.kinds[i] = columns.kind(i, this.ieee754Compatible);
		}
		this.rows = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			this.rows.add(columns.texts(row));
		}
	}

	/**
	 * Whether a page in this format is written here: JSON with minimal metadata (the
	 * default) or none.
	 */
	static boolean writes(ContentType format) {
		if (!format.isCompatible(ContentType.APPLICATION_JSON)) {
			return false;
		}
		String metadata = format.getParameter(ContentType.PARAMETER_ODATA_METADATA);
		return metadata == null || "minimal".equalsIgnoreCase(metadata) || "none".equalsIgnoreCase(metadata);
	}

	/**
	 * The page's {@code @odata.context}, left out with no metadata.
	 */
	FeedJson context(String context) {
		this.context = context;
		return this;
	}

	/**
	 * The {@code @odata.count} of the whole answer, for {@code $count=true}.
	 */
	FeedJson count(Integer count) {
		this.count = count;
		return this;
	}

	/**
	 * Whether each record carries its {@code @odata.id}: with minimal metadata, when the
	 * {@code $select} leaves out the key.
	 */
	FeedJson ids(boolean ids) {
		this.ids = ids;
		return this;
	}

	/**
	 * The {@code @odata.nextLink} to the next page, or null on the last.
	 */
	FeedJson next(URI next) {
		this.next = next;
		return this;
	}

	@Override
	public void write(WritableByteChannel channel) {
		write(Channels.newOutputStream(channel));
	}

	/**
	 * Writes the page. The status and headers are sent by then, so a failure here (the
	 * client gone) can only cut the document short ({@link #cutShort}).
	 */
	@Override
	public void write(OutputStream stream) {
		try (JsonGenerator json = JSON.createGenerator(stream)) {
			json.writeStartObject();
			if (!this.noMetadata) {
				json.writeFieldName(CONTEXT);
				json.writeString(this.context);
			}
			if (this.count != null) {
				json.writeFieldName(COUNT);
				if (this.ieee754Compatible) {
					json.writeString(String.valueOf(this.count));
				}
				else {
					json.writeNumber(this.count);
				}
			}
			json.writeFieldName(VALUE);
			json.writeStartArray();
			int id = this.columns.indexOfId();
			for (String[] row : this.rows) {
				json.writeStartObject();
				if (this.ids && !this.noMetadata) {
					json.writeFieldName(ID);
					json.writeString(this.columns.module().name() + "(" + row[id] + ")");
				}
				for (int i = 0; i < row.length; i++) {
					json.writeFieldName(this.names[i]);
					writeValue(json, this.kinds[i], row[i]);
				}
				json.writeEndObject();
			}
			json.writeEndArray();
			if (this.next != null) {
				json.writeFieldName(NEXT);
				json.writeString(this.next.toASCIIString());
			}
			json.writeEndObject();
		}
		catch (IOException | UncheckedIOException ex) {
			cutShort(ex);
		}
	}

	/**
	 * Logs a page that could not be written to its end. The status and headers are sent
	 * by then, so nothing can be answered. A client that stops reading (Excel's preview
	 * closed, a lost connection) makes writing fail with an I/O error, which is no fault
	 * of the feed's; anything else is.
	 */
	static void cutShort(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				logger.debug("The OData feed's client stopped reading a page: {}", cause.toString());
				return;
			}
		}
		logger.error("The OData feed could not write a page to its end", failure);
	}

	private static void writeValue(JsonGenerator json, FeedColumns.Kind kind, String text) throws IOException {
		if (text == null) {
			json.writeNull();
			return;
		}
		switch (kind) {
			case NUMBER -> json.writeNumber(text);
			case BOOLEAN -> json.writeBoolean(Boolean.parseBoolean(text));
			case STRING -> json.writeString(text);
		}
	}

}
