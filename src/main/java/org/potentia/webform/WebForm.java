package org.potentia.webform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * A public form an admin defined: what it makes (a lead or an opportunity), which fields
 * it shows, which fixed values it adds, whom the new record belongs to, what the visitor
 * sees afterwards, and which web origins may post to it.
 */
@Entity
@Table(name = "web_forms")
public class WebForm extends AuditedEntity {

	@Column(name = "form_key")
	private String key;

	private String name;

	private String module;

	private boolean active = true;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "owner_team_id")
	private Long ownerTeamId;

	@Column(name = "title_en")
	private String titleEn;

	@Column(name = "title_de")
	private String titleDe;

	@Column(name = "thank_you_en")
	private String thankYouEn;

	@Column(name = "thank_you_de")
	private String thankYouDe;

	@Column(name = "redirect_url")
	private String redirectUrl;

	@Column(name = "allowed_origins")
	private String allowedOrigins;

	@Column(name = "min_fill_seconds")
	private int minFillSeconds = 3;

	@OneToMany(mappedBy = "form", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@OrderBy("sortOrder ASC, id ASC")
	private List<WebFormField> fields = new ArrayList<>();

	@OneToMany(mappedBy = "form", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@OrderBy("field ASC")
	private List<WebFormFixedValue> fixedValues = new ArrayList<>();

	protected WebForm() {
	}

	WebForm(String key, String name, String module) {
		this.key = key;
		this.name = name;
		this.module = module;
	}

	void define(String name, boolean active, String titleEn, String titleDe, Long ownerId, Long ownerTeamId,
			String thankYouEn, String thankYouDe, String redirectUrl, List<String> allowedOrigins, int minFillSeconds) {
		this.name = name;
		this.active = active;
		this.titleEn = titleEn;
		this.titleDe = titleDe;
		this.ownerId = ownerId;
		this.ownerTeamId = ownerTeamId;
		this.thankYouEn = thankYouEn;
		this.thankYouDe = thankYouDe;
		this.redirectUrl = redirectUrl;
		this.allowedOrigins = allowedOrigins.isEmpty() ? null : String.join("\n", allowedOrigins);
		this.minFillSeconds = minFillSeconds;
	}

	WebFormField addField(String field, String labelEn, String labelDe, boolean required) {
		int order = this.fields.stream().mapToInt(WebFormField::getSortOrder).max().orElse(0) + 10;
		WebFormField added = new WebFormField(this, field, labelEn, labelDe, required, order);
		this.fields.add(added);
		return added;
	}

	void removeField(long fieldId) {
		this.fields.removeIf((field) -> field.getId() == fieldId);
	}

	/**
	 * Swaps a field with its neighbour above or below.
	 */
	void moveField(long fieldId, boolean up) {
		for (int i = 0; i < this.fields.size(); i++) {
			if (this.fields.get(i).getId() == fieldId) {
				int other = up ? i - 1 : i + 1;
				if (other >= 0 && other < this.fields.size()) {
					WebFormField moved = this.fields.get(i);
					WebFormField neighbour = this.fields.get(other);
					int order = moved.getSortOrder();
					moved.placeAt(neighbour.getSortOrder());
					neighbour.placeAt(order);
					this.fields.set(i, neighbour);
					this.fields.set(other, moved);
				}
				return;
			}
		}
	}

	void fix(String field, String value) {
		Optional<WebFormFixedValue> existing = fixedValue(field);
		if (existing.isPresent()) {
			existing.get().change(value);
		}
		else {
			this.fixedValues.add(new WebFormFixedValue(this, field, value));
		}
	}

	void unfix(long fixedValueId) {
		this.fixedValues.removeIf((fixed) -> fixed.getId() == fixedValueId);
	}

	public Optional<WebFormField> field(String name) {
		return this.fields.stream().filter((field) -> field.getField().equals(name)).findFirst();
	}

	public Optional<WebFormFixedValue> fixedValue(String name) {
		return this.fixedValues.stream().filter((fixed) -> fixed.getField().equals(name)).findFirst();
	}

	/**
	 * Whether a web page served from this origin ({@code https://www.example.com}) may
	 * post to the form.
	 */
	public boolean allows(String origin) {
		return origin != null && origins().stream().anyMatch((allowed) -> allowed.equalsIgnoreCase(origin));
	}

	public List<String> origins() {
		if (this.allowedOrigins == null) {
			return List.of();
		}
		return Arrays.stream(this.allowedOrigins.split("\n")).map(String::trim).filter((o) -> !o.isEmpty()).toList();
	}

	public String title(Locale locale) {
		String title = "de".equals(locale.getLanguage()) ? this.titleDe : this.titleEn;
		return (title != null && !title.isBlank()) ? title : this.name;
	}

	/**
	 * The admin's thank-you message in this language, or null for the standard one.
	 */
	public String thankYou(Locale locale) {
		String message = "de".equals(locale.getLanguage()) ? this.thankYouDe : this.thankYouEn;
		return (message != null && !message.isBlank()) ? message : null;
	}

	public String getKey() {
		return this.key;
	}

	public String getName() {
		return this.name;
	}

	public String getModule() {
		return this.module;
	}

	public boolean isActive() {
		return this.active;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public Long getOwnerTeamId() {
		return this.ownerTeamId;
	}

	public String getTitleEn() {
		return this.titleEn;
	}

	public String getTitleDe() {
		return this.titleDe;
	}

	public String getThankYouEn() {
		return this.thankYouEn;
	}

	public String getThankYouDe() {
		return this.thankYouDe;
	}

	public String getRedirectUrl() {
		return this.redirectUrl;
	}

	public String getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public int getMinFillSeconds() {
		return this.minFillSeconds;
	}

	public List<WebFormField> getFields() {
		return this.fields;
	}

	public List<WebFormFixedValue> getFixedValues() {
		return this.fixedValues;
	}

}
