package org.potentia.lead;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.potentia.account.Account;
import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.potentia.identity.User;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.pipeline.StageKind;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo leads, so that a newcomer has something to qualify and to convert: some in every
 * offered lead stage, owned by the demo reps in turn. The qualified ones are complete and
 * ready to convert, and one of them is from a company that is already a demo account, so
 * that its conversion links that account instead of making a second one.
 */
@Component
@Order(30)
class LeadDemo implements DemoContributor {

	static final String WEBSITE = "Website " + Year.now();

	/**
	 * The demo leads: first and last name, title, company, city, source, rating and
	 * campaign. Each stage takes the next few in turn.
	 */
	static final List<DemoLead> LEADS = List.of(
			new DemoLead("Sabine", "Krüger", "Leiterin Einkauf", "Krüger Metallbau GmbH", "Bremen", "web_form", "warm",
					WEBSITE),
			new DemoLead("Florian", "Weiß", "Geschäftsführer", "Weiß & Söhne KG", "Lübeck", "campaign", "hot",
					"Messe Hannover"),
			new DemoLead("Anna", "Schäfer", "IT-Leiterin", "Schäfer Logistik AG", "Kassel", "referral", "warm", null),
			new DemoLead("Markus", "Böhm", "Kaufmännischer Leiter", "Böhm Präzisionstechnik GmbH", "Augsburg", "import",
					"cold", "Mailing Frühjahr"),
			new DemoLead("Julia", "Neumann", "Büroleiterin", "Neumann Architekten", "Rostock", "manual", null, null),
			new DemoLead("Thomas", "Wagner", "Vertriebsleiter", "Wagner Haustechnik GmbH", "Würzburg", "web_form",
					"hot", WEBSITE),
			new DemoLead("Claudia", "Becker", "Einkauf", "Becker Bürobedarf e.K.", "Oldenburg", "campaign", "cold",
					"Mailing Frühjahr"),
			new DemoLead("Daniel", "Koch", "Betriebsleiter", "Koch Lebensmittel GmbH", "Regensburg", "referral", "warm",
					null),
			new DemoLead("Petra", "Richter", "Geschäftsführerin", "Richter Immobilien", "Kiel", "manual", "cold", null),
			new DemoLead("Uwe", "Hoffmann", "Technischer Leiter", "Hoffmann Energietechnik AG", "Ingolstadt",
					"web_form", "hot", WEBSITE),
			new DemoLead("Karin", "Schulz", "Assistenz der Geschäftsführung", "Schulz Verpackungen GmbH", "Flensburg",
					"import", null, "Messe Hannover"),
			new DemoLead("Ralf", "Zimmermann", "Leiter IT", "Zimmermann Fahrzeugbau GmbH", "Passau", "campaign", "warm",
					"Messe Hannover"),
			new DemoLead("Heike", "Lange", "Qualitätsmanagerin", "Lange Kunststofftechnik GmbH", "Bielefeld", "manual",
					"cold", null));

	/**
	 * How many leads each stage gets, by the stage's kind: most are open, a few qualified
	 * (ready to convert) and one disqualified.
	 */
	static final int OPEN_PER_STAGE = 3;

	static final int QUALIFIED = 3;

	private final LeadService leads;

	private final PipelineService pipeline;

	LeadDemo(LeadService leads, PipelineService pipeline) {
		this.leads = leads;
		this.pipeline = pipeline;
	}

	@Override
	public void contribute(DemoContext context) {
		List<User> reps = context.users().stream().filter((user) -> user.getRole() == Role.REP).toList();
		List<Stage> stages = this.pipeline.offeredStages(PipelineService.LEADS);
		int next = 0;
		for (Stage stage : stages) {
			int count = switch (stage.getKind()) {
				case OPEN -> OPEN_PER_STAGE;
				case WON -> QUALIFIED;
				case LOST -> 1;
			};
			for (int i = 0; i < count; i++, next++) {
				DemoLead demo = LEADS.get(next % LEADS.size());
				LeadForm form = demo.form();
				form.setStageId(stage.getId());
				form.setOwnerId(reps.isEmpty() ? context.admin().id() : reps.get(next % reps.size()).getId());
				if (stage.getKind() == StageKind.WON) {
					// Ready to convert: everything the conversion copies is filled in.
					form.setEmail(demo.email());
					form.setPhone("+49 " + (30 + next) + " 555 01" + (10 + next));
					form.setDescription("Bittet um ein Angebot; Budget für dieses Jahr bestätigt.");
				}
				this.leads.create(form, context.admin(), SaveSource.FORM);
			}
		}
		Account existing = existingCustomer(context);
		if (existing != null && stages.stream().anyMatch((stage) -> stage.getKind() == StageKind.WON)) {
			// A new person at a company that is a customer already: its conversion links
			// the account. Its owner owns the account, so the rep sees it when
			// converting.
			LeadForm form = new DemoLead("Nina", "Vogel", "Projektleiterin", existing.getName(), null, "referral",
					"hot", null)
				.form();
			form.setEmail("nina.vogel@" + DemoLead.ascii(existing.getName().split(" ")[0]) + ".example");
			form.setStageId(stages.stream()
				.filter((stage) -> stage.getKind() == StageKind.WON)
				.findFirst()
				.orElseThrow()
				.getId());
			form.setOwnerId(existing.getOwnerId());
			form.setDescription("Bestandskunde: plant ein zweites Projekt.");
			this.leads.create(form, context.admin(), SaveSource.FORM);
		}
	}

	private static Account existingCustomer(DemoContext context) {
		return context.accounts()
			.stream()
			.filter((account) -> "customer".equals(account.getAccountType()))
			.findFirst()
			.orElse(context.accounts().isEmpty() ? null : context.accounts().get(0));
	}

	/**
	 * One demo lead's details.
	 */
	record DemoLead(String firstName, String lastName, String title, String company, String city, String source,
			String rating, String campaign) {

		String email() {
			return ascii(this.firstName) + "." + ascii(this.lastName) + "@" + ascii(this.company.split(" ")[0])
					+ ".example";
		}

		LeadForm form() {
			LeadForm form = new LeadForm();
			form.setFirstName(this.firstName);
			form.setLastName(this.lastName);
			form.setTitle(this.title);
			form.setCompany(this.company);
			form.setCity(this.city);
			form.setCountry((this.city != null) ? "Deutschland" : null);
			form.setLeadSource(this.source);
			form.setRating(this.rating);
			form.setCampaign(this.campaign);
			if ("web_form".equals(this.source)) {
				form.setMarketingConsent(true);
				form.setConsentDate(LocalDate.now().minusDays(14));
				form.setConsentSource("Kontaktformular der Website");
			}
			return form;
		}

		static String ascii(String name) {
			return name.toLowerCase()
				.replace("ä", "ae")
				.replace("ö", "oe")
				.replace("ü", "ue")
				.replace("ß", "ss")
				.replaceAll("[^a-z]", "");
		}

	}

}
