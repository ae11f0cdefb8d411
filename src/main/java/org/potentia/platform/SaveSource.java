package org.potentia.platform;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a save of a record came from. Every write method of a module service takes one,
 * so no path can change a record without saying which it is; the {@link RecordSaved}
 * event carries it (workflows never react to their own saves), and an opportunity's
 * history row keeps its code.
 */
public enum SaveSource {

	FORM, BOARD, API, IMPORT, WORKFLOW, CONVERSION, WEB_FORM;

	/**
	 * The code stored on history rows and in saved events ({@code web_form}); the JSON
	 * form too, so that events the publication registry stored stay readable.
	 */
	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	/**
	 * The source with this code ({@code workflow}).
	 * @throws IllegalArgumentException for an unknown code
	 */
	@JsonCreator
	public static SaveSource of(String code) {
		for (SaveSource source : values()) {
			if (source.code().equals(code)) {
				return source;
			}
		}
		throw new IllegalArgumentException("Unknown save source " + code);
	}

	/**
	 * Every code, in declaration order.
	 */
	public static List<String> codes() {
		return Arrays.stream(values()).map(SaveSource::code).toList();
	}

}
