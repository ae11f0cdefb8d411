package org.potentia.platform.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A JSON:API error document: {@code {"errors":[{"status":"422","title":…,"detail":…,
 * "source":{"pointer":…}}]}}.
 */
public final class ApiError {

	private ApiError() {
	}

	public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String detail) {
		return of(status, List.of(error(status, detail, null)));
	}

	public static ResponseEntity<Map<String, Object>> of(HttpStatus status, List<Map<String, Object>> errors) {
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType(JsonApi.MEDIA_TYPE))
			.body(Map.of("errors", new ArrayList<>(errors)));
	}

	public static Map<String, Object> error(HttpStatus status, String detail, String pointer) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status", String.valueOf(status.value()));
		error.put("title", status.getReasonPhrase());
		error.put("detail", detail);
		if (pointer != null) {
			error.put("source", Map.of("pointer", pointer));
		}
		return error;
	}

	/**
	 * An error caused by a query parameter: {@code "source":{"parameter":…}}.
	 */
	public static Map<String, Object> parameterError(HttpStatus status, String detail, String parameter) {
		Map<String, Object> error = error(status, detail, null);
		error.put("source", Map.of("parameter", parameter));
		return error;
	}

}
