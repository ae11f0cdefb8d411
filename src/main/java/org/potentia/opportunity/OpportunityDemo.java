package org.potentia.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.potentia.account.Account;
import org.potentia.contact.Contact;
import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.potentia.identity.User;
import org.potentia.pipeline.BusinessArea;
import org.potentia.pipeline.LostReason;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.pipeline.StageKind;
import org.potentia.platform.SaveSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo opportunities across every offered stage, for the demo accounts and their
 * contacts, owned by the demo users, with amounts, close dates and business areas.
 */
@Component
@Order(20)
class OpportunityDemo implements DemoContributor {

	static final String[] TOPICS = { "CRM-Einführung", "Supportvertrag", "Hardware-Erneuerung", "Cloud-Migration",
			"Schulungspaket", "Lizenzverlängerung", "Integrationsprojekt", "Wartungsverlängerung" };

	private final OpportunityService opportunities;

	private final PipelineService pipeline;

	OpportunityDemo(OpportunityService opportunities, PipelineService pipeline) {
		this.opportunities = opportunities;
		this.pipeline = pipeline;
	}

	@Override
	public void contribute(DemoContext context) {
		List<Stage> stages = this.pipeline.offeredStages(PipelineService.POTENTIALS);
		List<BusinessArea> areas = this.pipeline.activeBusinessAreas();
		List<LostReason> reasons = this.pipeline.activeLostReasons();
		List<Account> accounts = context.accounts();
		for (int i = 0; i < accounts.size() * 2; i++) {
			Account account = accounts.get(i % accounts.size());
			User owner = context.users().get(context.random().nextInt(context.users().size()));
			Stage stage = stages.get(i % stages.size());
			OpportunityForm form = new OpportunityForm();
			form.setName(account.getName() + " – " + TOPICS[i % TOPICS.length]);
			form.setAmount(BigDecimal.valueOf(5_000 + context.random().nextInt(95) * 1_000L));
			form.setStageId(stage.getId());
			form.setExpectedCloseDate(LocalDate.now().plusDays(context.random().nextInt(240) - 60L));
			form.setBusinessAreaId(areas.get(i % areas.size()).getId());
			form.setAccountId(account.getId());
			List<Contact> contacts = context.contactsAt(account);
			if (!contacts.isEmpty()) {
				form.setContactId(contacts.get(i % contacts.size()).getId());
			}
			form.setOwnerId(owner.getId());
			form.setLeadSource(List.of("manual", "web_form", "campaign", "referral").get(i % 4));
			if (stage.getKind() == StageKind.LOST) {
				form.setLostReasonId(reasons.get(i % reasons.size()).getId());
			}
			// Created by the admin, who sees every account and contact; owned by the demo
			// user.
			this.opportunities.create(form, context.admin(), SaveSource.FORM);
		}
	}

}
