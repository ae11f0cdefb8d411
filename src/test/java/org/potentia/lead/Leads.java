package org.potentia.lead;

/**
 * Builds lead forms for tests:
 * {@code aLead().named("Ada", "Lovelace").at("Acme").form()}.
 */
public final class Leads {

	private final LeadForm form = new LeadForm();

	private Leads() {
		this.form.setLastName(LeadFixtures.unique("Lead"));
	}

	public static Leads aLead() {
		return new Leads();
	}

	public Leads named(String firstName, String lastName) {
		this.form.setFirstName(firstName);
		this.form.setLastName(lastName);
		return this;
	}

	public Leads at(String company) {
		this.form.setCompany(company);
		return this;
	}

	public Leads withEmail(String email) {
		this.form.setEmail(email);
		return this;
	}

	public Leads from(LeadSource source) {
		this.form.setLeadSource(source.code());
		return this;
	}

	public Leads inStage(long stageId) {
		this.form.setStageId(stageId);
		return this;
	}

	public Leads ownedBy(long ownerId) {
		this.form.setOwnerId(ownerId);
		return this;
	}

	public LeadForm form() {
		return this.form;
	}

}
