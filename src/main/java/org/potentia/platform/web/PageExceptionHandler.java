package org.potentia.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.ConflictException;
import org.potentia.platform.DatabaseFailures;
import org.potentia.platform.Messages;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The pages' answer to a record that does not exist or that the user may not see: the
 * error page with 404, as the API answers, instead of a 500; likewise 409 and 400 for a
 * refused change or invalid input that a page handler did not catch itself (such as a
 * delete racing a new linked record). A database that failed (see
 * {@link DatabaseFailures}) answers 503 with a page saying so, never the 409 of a refused
 * change. Ordered last, so that the API's own handler keeps answering its controllers
 * with JSON.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final Messages messages;

	private final DatabaseFailures databaseFailures;

	PageExceptionHandler(Messages messages, DatabaseFailures databaseFailures) {
		this.messages = messages;
		this.databaseFailures = databaseFailures;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(HttpServletRequest request, Model model) {
		return page(request, model, HttpStatus.NOT_FOUND, this.messages.get("error.notfound"));
	}

	@ExceptionHandler(ConflictException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ConflictException ex, HttpServletRequest request, Model model) {
		return page(request, model, HttpStatus.CONFLICT, this.messages.get(ex.getMessageKey(), ex.getArguments()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String stale(HttpServletRequest request, Model model) {
		return page(request, model, HttpStatus.CONFLICT, this.messages.get("error.conflict.stale"));
	}

	/**
	 * A lock the change needed was held by another transaction: nothing was saved, and
	 * trying again may well work.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String busy(PessimisticLockingFailureException ex, HttpServletRequest request, Model model) {
		logger.warn("Refused {} {}: another transaction held a lock it needed ({})", request.getMethod(),
				request.getRequestURI(), ex.getMostSpecificCause().getMessage());
		return page(request, model, HttpStatus.CONFLICT, this.messages.get("error.conflict.busy"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	String integrity(DataIntegrityViolationException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (DatabaseFailures.isUnavailable(ex)) {
			return unavailable(ex, request, response, model);
		}
		response.setStatus(HttpStatus.CONFLICT.value());
		return page(request, model, HttpStatus.CONFLICT, this.messages.get("error.conflict.integrity"));
	}

	/**
	 * Any other failure of a database call: 503 when the database failed, else the 500
	 * the error page would show.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	String database(RuntimeException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (DatabaseFailures.isUnavailable(ex)) {
			return unavailable(ex, request, response, model);
		}
		logger.error("Unexpected failure of a database call on {} {}", request.getMethod(), request.getRequestURI(),
				ex);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		return page(request, model, HttpStatus.INTERNAL_SERVER_ERROR, this.messages.get("error.unexpected"));
	}

	private String unavailable(RuntimeException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		this.databaseFailures.report("page " + request.getMethod() + " " + request.getRequestURI(), ex);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return page(request, model, HttpStatus.SERVICE_UNAVAILABLE, this.messages.get("error.database_unavailable"));
	}

	@ExceptionHandler(ValidationException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(ValidationException ex, HttpServletRequest request, Model model) {
		String message = ex.getErrors().isEmpty() ? this.messages.get("error.bad_request")
				: this.messages.get(ex.getErrors().get(0));
		return page(request, model, HttpStatus.BAD_REQUEST, message);
	}

	/**
	 * A form post naming a list entry no page shows ({@code rows[-1]}, or beyond the
	 * entries a form may grow to): a bad request, not a 500.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String unbindable(HttpServletRequest request, Model model) {
		return page(request, model, HttpStatus.BAD_REQUEST, this.messages.get("error.bad_request"));
	}

	/**
	 * An upload over the size a page takes: a page that says so, not an empty answer.
	 * (The status is set on the response, not declared: the API's description would
	 * otherwise list a 413 for every operation.)
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		return page(request, model, HttpStatus.CONTENT_TOO_LARGE, this.messages.get("error.upload_too_large"));
	}

	private static String page(HttpServletRequest request, Model model, HttpStatus status, String message) {
		// An exception handler's model misses what LayoutAdvice adds for the layout.
		model.addAttribute("currentPath", request.getRequestURI());
		model.addAttribute("status", status.value());
		model.addAttribute("message", message);
		return "error";
	}

}
