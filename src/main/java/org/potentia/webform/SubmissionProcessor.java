package org.potentia.webform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.platform.Messages;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Saves kept submissions as records: a new lead (or opportunity) in the name of the
 * form's owner, or, when the same email came through the same form within the duplicate
 * window, an update of the record that submission made. One transaction per submission,
 * holding the form's row so that two submissions of one form are saved one after the
 * other (the duplicate window and the round robin depend on it). A failure leaves the
 * submission kept and marked failed, to be tried again after a back-off.
 */
@Component
class SubmissionProcessor {

	/**
	 * The lead source of a lead a web form made, unless the form fixes another.
	 */
	static final String LEAD_SOURCE = "web_form";

	private static final Logger logger = LoggerFactory.getLogger(SubmissionProcessor.class);

	private final Submissions submissions;

	private final WebFormRepository forms;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final IdentityService identity;

	private final RecordWriters writers;

	private final ObjectMapper json;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final WebFormProperties properties;

	private final Messages messages;

	private final Clock clock = Clock.systemUTC();

	SubmissionProcessor(Submissions submissions, WebFormRepository forms, Catalogue catalogue, RecordQueries queries,
			IdentityService identity, RecordWriters writers, ObjectMapper json, JdbcClient jdbc,
			PlatformTransactionManager transactions, WebFormProperties properties, Messages messages) {
		this.messages = messages;
		this.submissions = submissions;
		this.forms = forms;
		this.catalogue = catalogue;
		this.queries = queries;
		this.identity = identity;
		this.writers = writers;
		this.json = json;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/**
	 * Tries to save a kept submission.
	 * @return the outcome, or empty if the submission was already saved (by another
	 * attempt) or failed again
	 */
	Optional<Outcome> process(long submissionId) {
		try {
			return Optional.ofNullable(this.transactions.execute((status) -> save(submissionId)));
		}
		catch (RuntimeException ex) {
			int attempts = this.submissions.attempts(submissionId) + 1;
			Instant next = this.properties.nextAttempt(attempts, this.clock.instant());
			logger.warn("Web form submission {} could not be saved (attempt {}): {}", submissionId, attempts,
					ex.toString());
			this.transactions
				.executeWithoutResult((status) -> this.submissions.failed(submissionId, describe(ex), next));
			return Optional.empty();
		}
	}

	/**
	 * Tries every submission that is due.
	 */
	void retryDue() {
		Instant now = this.clock.instant();
		for (long id : this.submissions.due(now, now.minusSeconds(60))) {
			process(id);
		}
	}

	private Outcome save(long submissionId) {
		Submissions.Submission submission = this.submissions.lockPending(submissionId).orElse(null);
		if (submission == null) {
			return null;
		}
		// Holds the form's row: submissions of one form are saved one after the other.
		this.jdbc.sql("SELECT id FROM web_forms WHERE id = ? FOR UPDATE")
			.param(submission.formId())
			.query()
			.listOfRows();
		WebForm form = this.forms.findById(submission.formId())
			.orElseThrow(() -> new IllegalStateException("The web form is gone"));
		ModuleDefinition module = this.catalogue.get(form.getModule());
		Map<String, String> values = payload(submission.payload());
		Instant now = this.clock.instant();

		Optional<Long> duplicate = (submission.email() != null) ? this.submissions
			.recentRecord(form.getId(), submission.email(),
					submission.receivedAt().minus(this.properties.duplicateWindow()), submission.id())
			.filter((id) -> stillOpen(module, id)) : Optional.empty();
		if (duplicate.isPresent()) {
			update(module, duplicate.get(), form, values);
			this.submissions.saved(submission.id(), Submissions.UPDATED, duplicate.get(), now);
			return new Outcome(Submissions.UPDATED, duplicate.get());
		}
		CurrentUser owner = owner(form);
		long id = create(module, form, values, owner);
		this.submissions.saved(submission.id(), Submissions.SAVED, id, now);
		return new Outcome(Submissions.SAVED, id);
	}

	private long create(ModuleDefinition module, WebForm form, Map<String, String> values, CurrentUser owner) {
		return this.writers.create(module.name(), attributes(module, form, values, true), owner, SaveSource.WEB_FORM);
	}

	/**
	 * Updates the record the same visitor made a moment ago with what they sent now:
	 * filled fields only, so that a second, shorter submission does not wipe the first.
	 */
	private void update(ModuleDefinition module, long id, WebForm form, Map<String, String> values) {
		this.writers.update(module.name(), id, attributes(module, form, values, false), CurrentUser.SYSTEM,
				SaveSource.WEB_FORM);
	}

	/**
	 * The attributes to write: the form's fields the visitor filled, then its fixed
	 * values, then what a web-form record always carries (its lead source, and the
	 * consent's date and source when the visitor gave consent).
	 */
	Map<String, Object> attributes(ModuleDefinition module, WebForm form, Map<String, String> values,
			boolean creating) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (WebFormField shown : form.getFields()) {
			String value = values.get(shown.getField());
			Field field = module.field(shown.getField()).orElse(null);
			if (field == null || value == null || value.isBlank()) {
				continue;
			}
			attributes.put(field.name(), (field.type() == FieldType.BOOLEAN) ? String.valueOf(isYes(value)) : value);
		}
		for (WebFormFixedValue fixed : form.getFixedValues()) {
			if (module.field(fixed.getField()).isPresent()) {
				attributes.put(fixed.getField(), fixed.getValue());
			}
		}
		if (creating && module.field("lead_source").isPresent() && !attributes.containsKey("lead_source")) {
			attributes.put("lead_source", LEAD_SOURCE);
		}
		if ("true".equals(attributes.get("marketing_consent"))) {
			if (module.field("consent_date").isPresent() && !attributes.containsKey("consent_date")) {
				attributes.put("consent_date", java.time.LocalDate.now(this.clock).toString());
			}
			if (module.field("consent_source").isPresent() && !attributes.containsKey("consent_source")) {
				attributes.put("consent_source", abbreviate(form.getName(), 200));
			}
		}
		return attributes;
	}

	static boolean isYes(String value) {
		return List.of("true", "on", "yes", "1", "ja").contains(value.trim().toLowerCase());
	}

	/**
	 * Whom a new record belongs to: the next active member of the form's team in turn,
	 * else the form's user, else the first active admin.
	 */
	private CurrentUser owner(WebForm form) {
		if (form.getOwnerTeamId() != null) {
			List<User> members = new ArrayList<>(this.identity.allUsers()
				.stream()
				.filter((user) -> user.isActive() && form.getOwnerTeamId().equals(user.getTeamId()))
				.sorted(java.util.Comparator.comparing(User::getId))
				.toList());
			if (!members.isEmpty()) {
				Long last = this.jdbc.sql("SELECT last_owner_id FROM web_forms WHERE id = ?")
					.param(form.getId())
					.query(Long.class)
					.optional()
					.orElse(null);
				User next = members.stream()
					.filter((user) -> last == null || user.getId() > last)
					.findFirst()
					.orElse(members.get(0));
				this.jdbc.sql("UPDATE web_forms SET last_owner_id = ? WHERE id = ?")
					.params(next.getId(), form.getId())
					.update();
				return this.identity.actingAs(next.getId()).orElseThrow();
			}
		}
		if (form.getOwnerId() != null) {
			Optional<CurrentUser> owner = this.identity.actingAs(form.getOwnerId());
			if (owner.isPresent()) {
				return owner.get();
			}
		}
		return this.identity.allUsers()
			.stream()
			.filter((user) -> user.isActive() && user.getRole() == Role.ADMIN)
			.min(java.util.Comparator.comparing(User::getId))
			.flatMap((user) -> this.identity.actingAs(user.getId()))
			.orElseThrow(() -> new IllegalStateException("The form has no active owner"));
	}

	/**
	 * Whether a record made by an earlier submission may still be updated: it exists and
	 * was not converted meanwhile.
	 */
	private boolean stillOpen(ModuleDefinition module, long id) {
		return this.queries.get(module, id, CurrentUser.SYSTEM)
			.map((row) -> row.get("converted_at") == null)
			.orElse(false);
	}

	Map<String, String> payload(String payload) {
		Map<String, String> values = new LinkedHashMap<>();
		this.json.readTree(payload)
			.properties()
			.forEach((entry) -> values.put(entry.getKey(), entry.getValue().asString()));
		return values;
	}

	private String describe(RuntimeException ex) {
		if (ex instanceof ValidationException validation) {
			return validation.getErrors()
				.stream()
				.map((error) -> error.field() + ": " + this.messages.get(error))
				.collect(java.util.stream.Collectors.joining("; "));
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static String abbreviate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	/**
	 * What became of a submission: saved or updated, and the record.
	 */
	record Outcome(String status, long recordId) {
	}

}
