package org.potentia.platform.api;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.ConflictException;
import org.potentia.platform.DatabaseFailures;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.query.BadQueryException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns every failure of an API controller into a JSON:API error document with the right
 * status, in the client's language. Nothing a client sends should reach the 500 at the
 * end.
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Messages messages;

	private final DatabaseFailures databaseFailures;

	ApiExceptionHandler(Messages messages, DatabaseFailures databaseFailures) {
		this.messages = messages;
		this.databaseFailures = databaseFailures;
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(NotFoundException ex) {
		return ApiError.of(HttpStatus.NOT_FOUND, this.messages.get("error.notfound"));
	}

	@ExceptionHandler(BadQueryException.class)
	ResponseEntity<Map<String, Object>> badQuery(BadQueryException ex) {
		String detail = this.messages.get(ex.getMessageKey(), ex.getArguments());
		if (ex.getParameter() != null) {
			return ApiError.of(HttpStatus.BAD_REQUEST,
					List.of(ApiError.parameterError(HttpStatus.BAD_REQUEST, detail, ex.getParameter())));
		}
		return ApiError.of(HttpStatus.BAD_REQUEST, detail);
	}

	@ExceptionHandler(ValidationException.class)
	ResponseEntity<Map<String, Object>> invalid(ValidationException ex) {
		List<Map<String, Object>> errors = ex.getErrors()
			.stream()
			.map((FieldError error) -> ApiError.error(HttpStatus.UNPROCESSABLE_CONTENT, this.messages.get(error),
					"/data/attributes/" + error.field()))
			.toList();
		return ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT, errors);
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Map<String, Object>> conflict(ConflictException ex) {
		return ApiError.of(HttpStatus.CONFLICT, this.messages.get(ex.getMessageKey(), ex.getArguments()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Map<String, Object>> stale(OptimisticLockingFailureException ex) {
		return ApiError.of(HttpStatus.CONFLICT, this.messages.get("error.conflict.stale"));
	}

	/**
	 * A lock the change needed was held by another transaction (a lock wait that timed
	 * out, a deadlock, a serialization failure): nothing was saved, and the same request
	 * may well go through when tried again.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<Map<String, Object>> busy(PessimisticLockingFailureException ex) {
		logger.warn("Refused a change whose lock another transaction held: {}", ex.getMostSpecificCause().getMessage());
		return ApiError.of(HttpStatus.CONFLICT, this.messages.get("error.conflict.busy"));
	}

	@ExceptionHandler(JsonApiController.TypeConflictException.class)
	ResponseEntity<Map<String, Object>> typeConflict(RuntimeException ex) {
		return ApiError.of(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException ex) {
		if (DatabaseFailures.isUnavailable(ex)) {
			// A constraint check that failed because the database did is no refusal.
			return unavailable(ex);
		}
		if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			// SQL's "data exception" class: a value the database cannot store or compare,
			// such as a NUL character or a regular expression its dialect lacks. That is
			// bad input from the client, not a conflict with other records.
			logger.info("Refused by the database as bad data: {}", sql.getMessage());
			return ApiError.of(HttpStatus.BAD_REQUEST, this.messages.get("error.bad_value"));
		}
		logger.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return ApiError.of(HttpStatus.CONFLICT, this.messages.get("error.conflict.integrity"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException ex) {
		return ApiError.of(HttpStatus.FORBIDDEN, this.messages.get("error.forbidden"));
	}

	@ExceptionHandler({ JsonApiController.MethodNotAllowedException.class,
			HttpRequestMethodNotSupportedException.class })
	ResponseEntity<Map<String, Object>> methodNotAllowed(Exception ex) {
		return ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, this.messages.get("error.method"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, this.messages.get("error.media_type"));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return ApiError.of(HttpStatus.NOT_ACCEPTABLE, ex.getMessage());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return ApiError.of(HttpStatus.CONTENT_TOO_LARGE, this.messages.get("error.too_large"));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ResponseEntity<Map<String, Object>> unreadable(Exception ex) {
		return ApiError.of(HttpStatus.BAD_REQUEST, this.messages.get("error.bad_request"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		if (DatabaseFailures.isUnavailable(ex)) {
			return unavailable(ex);
		}
		logger.error("Unexpected failure of an API request", ex);
		return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, this.messages.get("error.unexpected"));
	}

	private ResponseEntity<Map<String, Object>> unavailable(Exception ex) {
		this.databaseFailures.report("API request", ex);
		return ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, this.messages.get("error.database_unavailable"));
	}

}
