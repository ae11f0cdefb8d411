package org.potentia.webform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes in what a visitor sent to a public form. The honeypot and the signed token are
 * checked first; then the values, field by field, with the target module's own rules, so
 * that a visitor sees what to correct. What passes is kept as received (committed) before
 * the record is saved, so that a save that fails is retried rather than lost.
 */
@Service
public class WebFormIntake {

	/**
	 * The hidden field people never see and bots fill in.
	 */
	public static final String HONEYPOT = "homepage";

	public static final String TOKEN = "_token";

	private static final Logger logger = LoggerFactory.getLogger(WebFormIntake.class);

	private final Submissions submissions;

	private final SubmissionProcessor processor;

	private final FormTokens tokens;

	private final Catalogue catalogue;

	private final RecordWriters writers;

	private final Messages messages;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	WebFormIntake(Submissions submissions, SubmissionProcessor processor, FormTokens tokens, Catalogue catalogue,
			RecordWriters writers, Messages messages, ObjectMapper json, PlatformTransactionManager transactions) {
		this.submissions = submissions;
		this.processor = processor;
		this.tokens = tokens;
		this.catalogue = catalogue;
		this.writers = writers;
		this.messages = messages;
		this.json = json;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * A fresh token for a form page.
	 */
	public String token(WebForm form) {
		return this.tokens.issue(form.getKey());
	}

	/**
	 * Takes in a submission.
	 * @param received the posted values by name, as text
	 * @param remoteAddress the visitor's address, kept with the submission
	 * @return what happened, with messages in the current language
	 */
	public Result submit(WebForm form, Map<String, String> received, String remoteAddress) {
		Map<String, String> values = clean(received);
		String honeypot = values.remove(HONEYPOT);
		String token = values.remove(TOKEN);
		if (honeypot != null && !honeypot.isBlank()) {
			logger.info("Web form {}: a submission from {} filled the honeypot and was dropped", form.getKey(),
					remoteAddress);
			return Result.dropped();
		}
		String tokenProblem = this.tokens.check(token, form.getKey(), form.getMinFillSeconds());
		if (tokenProblem != null) {
			return Result.invalid(Map.of(), this.messages.get(tokenProblem));
		}
		Map<String, String> errors = check(form, values);
		if (!errors.isEmpty()) {
			return Result.invalid(errors, this.messages.get("webform.error.check"));
		}
		Map<String, String> kept = new LinkedHashMap<>();
		form.getFields().forEach((field) -> {
			if (values.containsKey(field.getField())) {
				kept.put(field.getField(), values.get(field.getField()));
			}
		});
		values.forEach(kept::putIfAbsent);
		String email = Optional.ofNullable(kept.get("email"))
			.filter((value) -> form.field("email").isPresent() && !value.isBlank())
			.map((value) -> value.trim().toLowerCase(Locale.ROOT))
			.orElse(null);
		String payload = this.json.writeValueAsString(kept);
		Long id = this.transactions.execute((status) -> this.submissions.keep(form.getId(), Instant.now(),
				abbreviate(remoteAddress, 64), abbreviate(email, 200), payload));
		Optional<SubmissionProcessor.Outcome> outcome = this.processor.process(id);
		return Result.accepted(id, outcome.map(SubmissionProcessor.Outcome::recordId).orElse(null));
	}

	/**
	 * The visitor's mistakes by field: required fields left empty, and values the target
	 * module refuses. A rule about a field the form does not show is the form's problem,
	 * not the visitor's: that submission is kept, and fails where the admin sees it.
	 */
	private Map<String, String> check(WebForm form, Map<String, String> values) {
		Map<String, String> errors = new LinkedHashMap<>();
		ModuleDefinition module = this.catalogue.get(form.getModule());
		for (WebFormField shown : form.getFields()) {
			String value = values.get(shown.getField());
			if (shown.isRequired() && (value == null || value.isBlank())) {
				errors.put(shown.getField(), this.messages.get("error.mandatory"));
			}
			Optional<Field> field = module.field(shown.getField());
			if (value != null && field.isPresent() && field.get().size() > 0 && value.length() > field.get().size()) {
				errors.put(shown.getField(), this.messages.get("webform.error.size", field.get().size()));
			}
		}
		try {
			this.writers.check(module.name(), this.processor.attributes(module, form, values, true),
					CurrentUser.SYSTEM);
		}
		catch (ValidationException ex) {
			for (FieldError error : ex.getErrors()) {
				if (form.field(error.field()).isPresent()) {
					errors.putIfAbsent(error.field(), this.messages.get(error));
				}
			}
		}
		return errors;
	}

	/**
	 * The values without control characters (other than line breaks and tabs), which no
	 * form field holds and some databases refuse.
	 */
	private static Map<String, String> clean(Map<String, String> received) {
		Map<String, String> values = new LinkedHashMap<>();
		received.forEach((name, value) -> {
			if (name != null && value != null && name.length() <= 100) {
				values.put(name, value.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", ""));
			}
		});
		return values;
	}

	private static String abbreviate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

	/**
	 * What became of a submission.
	 *
	 * @param status accepted (kept, and saved unless {@code recordId} is null), dropped
	 * (a bot's, answered as if accepted) or invalid
	 * @param submissionId the kept submission, if accepted
	 * @param recordId the record made or updated, if saved at once
	 * @param errors messages by field name
	 * @param message a message for the whole form
	 */
	public record Result(String status, Long submissionId, Long recordId, Map<String, String> errors, String message) {

		static Result accepted(long submissionId, Long recordId) {
			return new Result("accepted", submissionId, recordId, Map.of(), null);
		}

		static Result dropped() {
			return new Result("dropped", null, null, Map.of(), null);
		}

		static Result invalid(Map<String, String> errors, String message) {
			return new Result("invalid", null, null, errors, message);
		}

		public boolean isInvalid() {
			return "invalid".equals(this.status);
		}

	}

}
