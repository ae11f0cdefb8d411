package org.potentia.webform;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.potentia.identity.IdentityService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's side of the web forms: defining forms, their fields and fixed values, and
 * looking after their submissions.
 */
@Service
@Transactional(readOnly = true)
public class WebFormService {

	public static final List<String> MODULES = List.of("leads", "potentials");

	private static final String KEY_CHARACTERS = "abcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	/**
	 * The fields a new form starts with, per module, and which of them are required.
	 */
	private static final Map<String, List<String>> DEFAULT_FIELDS = Map.of("leads",
			List.of("first_name", "last_name*", "company", "email*", "phone", "description", "marketing_consent"),
			"potentials", List.of("name*", "amount", "description"));

	private final WebFormRepository forms;

	private final Submissions submissions;

	private final SubmissionProcessor processor;

	private final Catalogue catalogue;

	private final IdentityService identity;

	private final RecordWriters writers;

	WebFormService(WebFormRepository forms, Submissions submissions, SubmissionProcessor processor, Catalogue catalogue,
			IdentityService identity, RecordWriters writers) {
		this.forms = forms;
		this.submissions = submissions;
		this.processor = processor;
		this.catalogue = catalogue;
		this.identity = identity;
		this.writers = writers;
	}

	public List<WebForm> all() {
		return this.forms.findAllByOrderByNameAsc();
	}

	public WebForm get(long id) {
		return this.forms.findById(id).orElseThrow(() -> new NotFoundException("web_forms", id));
	}

	/**
	 * An active form by its public key.
	 */
	public Optional<WebForm> published(String key) {
		return this.forms.findByKey(key).filter(WebForm::isActive);
	}

	/**
	 * The fields a form of this module may show or fix: the module's writable fields that
	 * hold a value a visitor can type (no links to other records, so that a web form
	 * never reaches accounts or contacts).
	 */
	public List<Field> offeredFields(String module) {
		return this.catalogue.get(module)
			.fields()
			.stream()
			.filter((field) -> !field.readOnly() && !field.isRelation() && !"version".equals(field.name()))
			.toList();
	}

	@Transactional
	public WebForm create(String name, String module, Locale locale) {
		if (name == null || name.isBlank() || name.length() > 200) {
			throw ValidationException.of("name", "error.list.name");
		}
		if (!MODULES.contains(module)) {
			throw ValidationException.of("module", "error.picklist");
		}
		WebForm form = new WebForm(newKey(), name.trim(), module);
		ModuleDefinition definition = this.catalogue.get(module);
		for (String entry : DEFAULT_FIELDS.get(module)) {
			String field = entry.replace("*", "");
			form.addField(field, label(definition, field, Locale.ENGLISH), label(definition, field, Locale.GERMAN),
					entry.endsWith("*"));
		}
		return this.forms.save(form);
	}

	/**
	 * Changes a form's settings.
	 * @param version the version the admin's page showed, or null if it does not say
	 * @param allowedOrigins one origin per line ({@code https://www.example.com})
	 * @throws ConflictException if the form was saved since that version
	 */
	@Transactional
	public void define(long id, Long version, String name, boolean active, String titleEn, String titleDe, Long ownerId,
			Long ownerTeamId, String thankYouEn, String thankYouDe, String redirectUrl, String allowedOrigins,
			int minFillSeconds) {
		WebForm form = get(id);
		ConflictException.checkVersion(version, form.getVersion());
		List<FieldError> errors = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			errors.add(new FieldError("name", "error.list.name"));
		}
		if (ownerId != null && this.identity.findUser(ownerId).filter((user) -> user.isActive()).isEmpty()) {
			errors.add(new FieldError("ownerId", "error.owner.unknown"));
		}
		if (ownerTeamId != null && !this.identity.teamNames().containsKey(ownerTeamId)) {
			errors.add(new FieldError("ownerTeamId", "error.team.unknown"));
		}
		String redirect = blankToNull(redirectUrl);
		if (redirect != null && !isWebAddress(redirect)) {
			errors.add(new FieldError("redirectUrl", "error.url"));
		}
		List<String> origins = new ArrayList<>();
		for (String line : (allowedOrigins != null) ? allowedOrigins.split("[\\r\\n,\\s]+") : new String[0]) {
			if (line.isBlank()) {
				continue;
			}
			String origin = origin(line.trim());
			if (origin == null) {
				errors.add(new FieldError("allowedOrigins", "webform.error.origin", line.trim()));
			}
			else if (!origins.contains(origin)) {
				origins.add(origin);
			}
		}
		if (minFillSeconds < 0 || minFillSeconds > 600) {
			errors.add(new FieldError("minFillSeconds", "webform.error.min_fill"));
		}
		if (String.join("\n", origins).length() > 2000 || length(titleEn, titleDe) > 200
				|| length(thankYouEn, thankYouDe) > 2000 || (redirect != null && redirect.length() > 500)) {
			errors.add(new FieldError("name", "error.too_large"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		form.define(name.trim(), active, blankToNull(titleEn), blankToNull(titleDe), ownerId, ownerTeamId,
				blankToNull(thankYouEn), blankToNull(thankYouDe), redirect, origins, minFillSeconds);
	}

	@Transactional
	public void delete(long id) {
		this.forms.delete(get(id));
	}

	@Transactional
	public void addField(long id, String field, String labelEn, String labelDe, boolean required) {
		WebForm form = get(id);
		ModuleDefinition module = this.catalogue.get(form.getModule());
		if (offeredFields(form.getModule()).stream().noneMatch((offered) -> offered.name().equals(field))) {
			throw ValidationException.of("field", "error.picklist");
		}
		if (form.field(field).isPresent()) {
			throw ValidationException.of("field", "webform.error.field_taken");
		}
		String en = (labelEn == null || labelEn.isBlank()) ? label(module, field, Locale.ENGLISH) : labelEn.trim();
		String de = (labelDe == null || labelDe.isBlank()) ? label(module, field, Locale.GERMAN) : labelDe.trim();
		if (en.length() > 200 || de.length() > 200) {
			throw ValidationException.of("label", "error.list.name");
		}
		form.addField(field, en, de, required);
	}

	@Transactional
	public void removeField(long id, long fieldId) {
		get(id).removeField(fieldId);
	}

	@Transactional
	public void moveField(long id, long fieldId, boolean up) {
		get(id).moveField(fieldId, up);
	}

	/**
	 * Sets a value every submission adds. The value must be one the module accepts for
	 * the field (a listed lead source, a date, a number).
	 */
	@Transactional
	public void fix(long id, String field, String value) {
		WebForm form = get(id);
		ModuleDefinition module = this.catalogue.get(form.getModule());
		if (offeredFields(form.getModule()).stream().noneMatch((offered) -> offered.name().equals(field))) {
			throw ValidationException.of("field", "error.picklist");
		}
		if (value == null || value.isBlank() || value.length() > 1000) {
			throw ValidationException.of("value", "error.mandatory");
		}
		Field target = module.field(field).orElseThrow();
		if (target.type() == org.potentia.platform.catalogue.FieldType.PICKLIST
				&& !target.options().contains(value.trim())) {
			throw ValidationException.of("value", "error.picklist");
		}
		try {
			this.writers.check(module.name(), Map.of(field, value.trim()), CurrentUser.SYSTEM);
		}
		catch (ValidationException ex) {
			// Other fields of an empty form are missing; only this field's own error
			// counts.
			List<FieldError> own = ex.getErrors().stream().filter((error) -> error.field().equals(field)).toList();
			if (!own.isEmpty()) {
				throw new ValidationException(own);
			}
		}
		form.fix(field, value.trim());
	}

	@Transactional
	public void unfix(long id, long fixedValueId) {
		get(id).unfix(fixedValueId);
	}

	public List<Submissions.Submission> submissions(long formId, int limit) {
		return this.submissions.latest(formId, limit);
	}

	public Map<Long, Map<String, Long>> submissionCounts() {
		return this.submissions.counts();
	}

	/**
	 * Tries a failed submission again now.
	 * @return whether it was saved
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public boolean retry(long submissionId) {
		if (!this.submissions.dueNow(submissionId, Instant.now())) {
			return false;
		}
		return this.processor.process(submissionId).isPresent();
	}

	/**
	 * The fields a module requires that the form neither shows nor fixes (and the module
	 * does not fill itself): every submission of such a form would fail to save.
	 */
	public List<String> missingRequired(WebForm form) {
		return this.catalogue.get(form.getModule())
			.fields()
			.stream()
			.filter((field) -> field.required() && !field.readOnly() && !field.isRelation())
			.map(Field::name)
			.filter((name) -> form.field(name).isEmpty() && form.fixedValue(name).isEmpty())
			.filter((name) -> !"lead_source".equals(name))
			.toList();
	}

	private String label(ModuleDefinition module, String field, Locale locale) {
		return module.field(field).map((f) -> this.catalogue.label(module, f, locale)).orElse(field);
	}

	/**
	 * The origin of a web address ({@code https://www.example.com:8443}), or null if it
	 * is not an http(s) address without path, query or fragment.
	 */
	static String origin(String text) {
		try {
			URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
			if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())
					|| uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
					|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				return null;
			}
			return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
					+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static boolean isWebAddress(String text) {
		try {
			URI uri = URI.create(text);
			return uri.getScheme() != null && List.of("http", "https").contains(uri.getScheme().toLowerCase())
					&& uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String newKey() {
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			key.append(KEY_CHARACTERS.charAt(random.nextInt(KEY_CHARACTERS.length())));
		}
		return key.toString();
	}

	private static int length(String a, String b) {
		return Math.max((a != null) ? a.length() : 0, (b != null) ? b.length() : 0);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
