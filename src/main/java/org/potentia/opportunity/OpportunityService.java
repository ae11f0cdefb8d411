package org.potentia.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.potentia.account.AccountService;
import org.potentia.contact.ContactService;
import org.potentia.identity.IdentityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.pipeline.StageKind;
import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.Links;
import org.potentia.platform.SaveSource;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.KeptTotals;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordEvents;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, moves and deletes opportunities under the visibility rule and the
 * admin's rules. Every path (form, board, API, conversion) comes through here, so every
 * path applies the same checks with the same messages.
 */
@Service
@Transactional(readOnly = true)
public class OpportunityService implements RecordWriter<OpportunityForm> {

	private final OpportunityRepository opportunities;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final PipelineService pipeline;

	private final OpportunityRules rules;

	private final IdentityService identity;

	private final AccountService accounts;

	private final ContactService contacts;

	private final ApplicationEventPublisher events;

	private final RecordEvents recordEvents;

	private final KeptTotals kept;

	private final Visibility visibility;

	private final JdbcClient jdbc;

	OpportunityService(OpportunityRepository opportunities, RecordQueries queries, ModuleDefinition potentialsModule,
			PipelineService pipeline, OpportunityRules rules, IdentityService identity, AccountService accounts,
			ContactService contacts, ApplicationEventPublisher events, RecordEvents recordEvents, KeptTotals kept,
			Visibility visibility, JdbcClient jdbc) {
		this.opportunities = opportunities;
		this.queries = queries;
		this.module = potentialsModule;
		this.pipeline = pipeline;
		this.rules = rules;
		this.identity = identity;
		this.accounts = accounts;
		this.contacts = contacts;
		this.events = events;
		this.recordEvents = recordEvents;
		this.kept = kept;
		this.visibility = visibility;
		this.jdbc = jdbc;
	}

	public Opportunity get(long id, CurrentUser user) {
		return this.queries.requireVisible(this.module, id, user, this.opportunities::findById);
	}

	/**
	 * The board's column totals: the count, amount and weighted amount per stage of every
	 * opportunity the user may see that matches the board's filter, in one query grouped
	 * by stage. Where the database keeps these totals per stage, owner and business area
	 * ({@link KeptTotals}), it sums those, a few hundred rows for a million
	 * opportunities; elsewhere it sums the opportunities.
	 * @return the totals by stage id, for the stages that have opportunities
	 */
	public Map<Long, StageTotals> stageTotals(BoardFilter filter, CurrentUser user) {
		Map<Long, StageTotals> totals = new LinkedHashMap<>();
		if (!this.kept.kept()) {
			Map<String, String> sums = new LinkedHashMap<>();
			sums.put("count", "COUNT(*)");
			sums.put("amount", "COALESCE(SUM(t.amount), 0)");
			sums.put("weighted", "COALESCE(SUM(t.weighted_amount), 0)");
			for (Map<String, Object> row : this.queries.aggregate(this.module,
					new ListQuery(null, filter.condition(), null, 1, 1), user, "stage_id", sums)) {
				totals.put(((Number) row.get("group")).longValue(),
						new StageTotals(((Number) row.get("count")).longValue(), decimal(row.get("amount")),
								decimal(row.get("weighted"))));
			}
			return totals;
		}
		SqlCondition where = this.visibility.predicate("t.owner_id", user).and(filter.condition());
		this.jdbc
			.sql("SELECT t.stage_id, SUM(t.records) AS records, SUM(t.amount) AS amount,"
					+ " SUM(t.weighted_amount) AS weighted FROM potential_totals t WHERE " + where.sql()
					+ " GROUP BY t.stage_id HAVING SUM(t.records) <> 0")
			.params(where.parameters())
			.query((rs) -> {
				totals.put(rs.getLong("stage_id"), new StageTotals(rs.getLong("records"), rs.getBigDecimal("amount"),
						rs.getBigDecimal("weighted")));
			});
		return totals;
	}

	private static BigDecimal decimal(Object value) {
		return (value != null) ? new BigDecimal(value.toString()) : BigDecimal.ZERO;
	}

	@Override
	public ModuleDefinition definition() {
		return this.module;
	}

	/**
	 * A form for a new opportunity: the default stage and its probability, the user as
	 * owner.
	 */
	@Override
	public OpportunityForm newForm(CurrentUser user) {
		OpportunityForm form = new OpportunityForm();
		Stage stage = this.pipeline.defaultStage(PipelineService.POTENTIALS);
		form.setStageId(stage.getId());
		form.setOwnerId(user.id());
		return form;
	}

	/**
	 * A new opportunity's form prefilled from a contact (with the contact's account) or
	 * an account the user may see.
	 */
	public OpportunityForm newForm(CurrentUser user, Long accountId, Long contactId) {
		OpportunityForm form = newForm(user);
		if (contactId != null && this.contacts.isVisible(contactId, user)) {
			form.setContactId(contactId);
			form.setAccountId(this.contacts.accountOf(contactId, user));
		}
		if (accountId != null && this.accounts.isVisible(accountId, user)) {
			form.setAccountId(accountId);
		}
		return form;
	}

	@Override
	public OpportunityForm formOf(long id, CurrentUser user) {
		return OpportunityForm.of(get(id, user));
	}

	@Override
	@Transactional
	public long create(OpportunityForm form, CurrentUser user, SaveSource source) {
		if (form.getOwnerId() == null) {
			form.setOwnerId(user.id());
		}
		if (form.getStageId() == null) {
			form.setStageId(this.pipeline.defaultStage(PipelineService.POTENTIALS).getId());
		}
		Stage stage = check(form, null, user);
		Opportunity opportunity = new Opportunity(form, stage, LocalDate.now());
		opportunity.cameFromLead(form.getLeadId());
		this.opportunities.saveAndFlush(opportunity);
		publish(opportunity, OpportunityChanged.Event.CREATED, source, null, state(opportunity, stage), user);
		this.recordEvents.saved(OpportunityCatalogue.NAME, opportunity.getId(), null, user, source);
		return opportunity.getId();
	}

	@Override
	@Transactional
	public void update(long id, OpportunityForm form, CurrentUser user, SaveSource source) {
		revise(id, form, user, source);
	}

	private Opportunity revise(long id, OpportunityForm form, CurrentUser user, SaveSource source) {
		Opportunity opportunity = get(id, user);
		OpportunityChanged.State before = state(opportunity,
				this.pipeline.stage(opportunity.getStageId()).orElse(null));
		var values = this.recordEvents.snapshot(OpportunityCatalogue.NAME, id);
		ConflictException.checkVersion(form.getVersion(), opportunity.getVersion());
		if (form.getOwnerId() == null) {
			form.setOwnerId(opportunity.getOwnerId());
		}
		if (form.getStageId() == null) {
			form.setStageId(opportunity.getStageId());
		}
		Stage stage = check(form, opportunity, user);
		opportunity.revise(form, stage, LocalDate.now());
		this.opportunities.saveAndFlush(opportunity);
		publish(opportunity, OpportunityChanged.Event.CHANGED, source, before, state(opportunity, stage), user);
		this.recordEvents.saved(OpportunityCatalogue.NAME, id, values, user, source);
		return opportunity;
	}

	/**
	 * Moves an opportunity to another stage, as on the board: the probability becomes the
	 * stage's. Refused with the fields that are missing if the rules demand more (a lost
	 * reason, say).
	 */
	@Transactional
	public Opportunity moveTo(long id, long stageId, Long version, CurrentUser user, SaveSource source) {
		Opportunity opportunity = get(id, user);
		OpportunityForm form = OpportunityForm.of(opportunity);
		form.setVersion(version);
		form.setStageId(stageId);
		if (stageId != opportunity.getStageId()) {
			form.setProbability(null);
		}
		return revise(id, form, user, source);
	}

	/**
	 * What the rules would refuse in this form for the opportunity, without saving: the
	 * fields the board's move to another stage still needs, marked on the form it opens.
	 */
	public List<FieldError> problems(long id, OpportunityForm form, CurrentUser user) {
		Opportunity opportunity = get(id, user);
		try {
			check(form, opportunity, user);
			return List.of();
		}
		catch (ValidationException ex) {
			return ex.getErrors();
		}
	}

	@Override
	@Transactional
	public void delete(long id, CurrentUser user, SaveSource source) {
		Opportunity opportunity = get(id, user);
		this.queries.refuseIfReferenced(this.module, id, user);
		OpportunityChanged.State last = state(opportunity, this.pipeline.stage(opportunity.getStageId()).orElse(null));
		this.opportunities.delete(opportunity);
		this.opportunities.flush();
		publish(opportunity, OpportunityChanged.Event.DELETED, source, last, last, user);
	}

	private void publish(Opportunity opportunity, OpportunityChanged.Event event, SaveSource source,
			OpportunityChanged.State before, OpportunityChanged.State after, CurrentUser user) {
		OpportunityChanged changed = new OpportunityChanged(opportunity.getId(), event, source, before, after,
				Instant.now(), user);
		if (changed.isTracked()) {
			this.events.publishEvent(changed);
		}
	}

	private static OpportunityChanged.State state(Opportunity opportunity, Stage stage) {
		return new OpportunityChanged.State(opportunity.getStageId(), (stage != null) ? stage.getKind().code() : null,
				opportunity.getAmount(), opportunity.getProbability(), opportunity.getWeightedAmount(),
				opportunity.getExpectedCloseDate(), opportunity.getClosedDate(), opportunity.getOwnerId(),
				opportunity.getBusinessAreaId(), opportunity.getAccountId());
	}

	/**
	 * Applies every rule, collecting all problems before refusing.
	 */
	private Stage check(OpportunityForm form, Opportunity existing, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		Stage stage = null;
		try {
			stage = this.pipeline.requireStage(PipelineService.POTENTIALS, form.getStageId(),
					(existing != null) ? existing.getStageId() : null, "stage_id");
		}
		catch (ValidationException ex) {
			errors.addAll(ex.getErrors());
		}
		if (existing == null || !Objects.equals(form.getOwnerId(), existing.getOwnerId())) {
			collect(errors, () -> this.identity.requireActiveUser(form.getOwnerId(), "owner_id"));
		}
		if (form.getContactId() != null && form.getAccountId() == null
				&& (existing == null || !form.getContactId().equals(existing.getContactId()))
				&& this.contacts.isVisible(form.getContactId(), user)) {
			form.setAccountId(this.contacts.accountOf(form.getContactId(), user));
		}
		Long accountBefore = (existing != null) ? existing.getAccountId() : null;
		Long contactBefore = (existing != null) ? existing.getContactId() : null;
		Links
			.checkChange("account_id", accountBefore, form.getAccountId(),
					(accountId) -> this.accounts.isVisible(accountId, user))
			.ifPresent(errors::add);
		Optional<FieldError> contactProblem = Links.checkChange("contact_id", contactBefore, form.getContactId(),
				(contactId) -> this.contacts.isVisible(contactId, user));
		contactProblem.ifPresent(errors::add);
		if (contactProblem.isEmpty() && form.getContactId() != null
				&& !Objects.equals(form.getContactId(), contactBefore) && form.getAccountId() != null
				&& !form.getAccountId().equals(this.contacts.accountOf(form.getContactId(), user))) {
			errors.add(new FieldError("contact_id", "error.opportunity.contact_account"));
		}
		if (form.getBusinessAreaId() != null
				&& (existing == null || !form.getBusinessAreaId().equals(existing.getBusinessAreaId()))
				&& this.pipeline.businessArea(form.getBusinessAreaId()).filter((area) -> area.isActive()).isEmpty()) {
			errors.add(new FieldError("business_area_id", "error.relation.unknown"));
		}
		boolean lost = stage != null && stage.getKind() == StageKind.LOST;
		if (lost && form.getLostReasonId() != null && this.pipeline.lostReason(form.getLostReasonId()).isEmpty()) {
			errors.add(new FieldError("lost_reason_id", "error.relation.unknown"));
		}
		if (lost && form.getLostReasonId() == null && this.rules.isLostReasonRequired()) {
			errors.add(new FieldError("lost_reason_id", "error.opportunity.lost_reason"));
		}
		for (String field : this.rules.mandatoryFields()) {
			if (this.module.field(field).map((declared) -> declared.valueIn(form)).orElse(null) == null) {
				errors.add(new FieldError(field, "error.mandatory"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return stage;
	}

	private static void collect(List<FieldError> errors, Runnable check) {
		try {
			check.run();
		}
		catch (ValidationException ex) {
			errors.addAll(ex.getErrors());
		}
	}

}
