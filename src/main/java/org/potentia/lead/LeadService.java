package org.potentia.lead;

import org.potentia.identity.IdentityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordEvents;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes leads under the visibility rule. New leads start in the
 * lead pipeline's default stage; a lead moves only into a stage the pipeline offers.
 */
@Service
@Transactional(readOnly = true)
public class LeadService implements RecordWriter<LeadForm> {

	static final String STAGE_FIELD = "stage_id";

	private final LeadRepository leads;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final IdentityService identity;

	private final PipelineService pipeline;

	private final RecordEvents events;

	private final JdbcClient jdbc;

	LeadService(LeadRepository leads, RecordQueries queries, ModuleDefinition leadsModule, IdentityService identity,
			PipelineService pipeline, RecordEvents events, JdbcClient jdbc) {
		this.leads = leads;
		this.queries = queries;
		this.module = leadsModule;
		this.identity = identity;
		this.pipeline = pipeline;
		this.events = events;
		this.jdbc = jdbc;
	}

	/**
	 * The lead, if it exists and the user may see it.
	 * @throws NotFoundException otherwise
	 */
	public Lead get(long id, CurrentUser user) {
		return this.queries.requireVisible(this.module, id, user, this.leads::findById);
	}

	public boolean isVisible(long id, CurrentUser user) {
		return this.queries.isVisible(this.module, id, user);
	}

	@Override
	public ModuleDefinition definition() {
		return this.module;
	}

	/**
	 * A form with the defaults of a new lead whose lead source the save decides (see
	 * {@link #create(LeadForm, CurrentUser, SaveSource)}) unless its sender names one.
	 */
	@Override
	public LeadForm newForm(CurrentUser user) {
		return newForm(user, null);
	}

	/**
	 * A form with the defaults of a new lead from this source: the user as owner, the
	 * pipeline's default stage.
	 * @param source the lead source, or null to leave it to the save
	 */
	public LeadForm newForm(CurrentUser user, LeadSource source) {
		LeadForm form = new LeadForm();
		form.setOwnerId(user.id());
		form.setLeadSource((source != null) ? source.code() : null);
		form.setStageId(this.pipeline.defaultStage(PipelineService.LEADS).getId());
		return form;
	}

	@Override
	public LeadForm formOf(long id, CurrentUser user) {
		return LeadForm.of(get(id, user));
	}

	/**
	 * Creates a lead; the source of the save travels with the saved event. Without a lead
	 * source it came from the API if the API saves it, else it was entered by hand;
	 * without a stage it starts in the default stage.
	 */
	@Override
	@Transactional
	public long create(LeadForm form, CurrentUser user, SaveSource source) {
		Long owner = this.identity.requireOwner(form.getOwnerId(), null, user);
		form.setOwnerId(owner);
		long stage = (form.getStageId() != null)
				? this.pipeline.requireStage(PipelineService.LEADS, form.getStageId(), null, STAGE_FIELD).getId()
				: this.pipeline.defaultStage(PipelineService.LEADS).getId();
		form.setStageId(stage);
		if (form.source() == null) {
			form.setLeadSource(((source == SaveSource.API) ? LeadSource.API : LeadSource.MANUAL).code());
		}
		Lead lead = new Lead(form.getLastName(), form.source(), stage, owner);
		form.applyTo(lead);
		return this.events.save(LeadCatalogue.NAME, lead, this.leads, null, user, source).getId();
	}

	/**
	 * Changes a lead; the source travels with the saved event. A converted lead is
	 * read-only.
	 */
	@Override
	@Transactional
	public void update(long id, LeadForm form, CurrentUser user, SaveSource source) {
		Lead lead = get(id, user);
		refuseIfConverted(lead);
		ConflictException.checkVersion(form.getVersion(), lead.getVersion());
		var before = this.events.snapshot(LeadCatalogue.NAME, id);
		form.setOwnerId(this.identity.requireOwner(form.getOwnerId(), lead.getOwnerId(), user));
		if (form.getStageId() == null) {
			form.setStageId(lead.getStageId());
		}
		this.pipeline.requireStage(PipelineService.LEADS, form.getStageId(), lead.getStageId(), STAGE_FIELD);
		lead.moveTo(form.getStageId());
		if (form.source() != null) {
			lead.cameFrom(form.source());
		}
		form.applyTo(lead);
		this.events.save(LeadCatalogue.NAME, lead, this.leads, before, user, source);
	}

	/**
	 * Moves the lead into another stage of the lead pipeline.
	 * @param version the version the user saw, or null
	 */
	@Transactional
	public Lead moveTo(long id, long stageId, Long version, CurrentUser user) {
		Lead lead = get(id, user);
		refuseIfConverted(lead);
		ConflictException.checkVersion(version, lead.getVersion());
		var before = this.events.snapshot(LeadCatalogue.NAME, id);
		this.pipeline.requireStage(PipelineService.LEADS, stageId, lead.getStageId(), STAGE_FIELD);
		lead.moveTo(stageId);
		return this.events.save(LeadCatalogue.NAME, lead, this.leads, before, user, SaveSource.FORM);
	}

	/**
	 * Claims the lead for a conversion: one conditional update, so of two concurrent
	 * conversions exactly one wins; the other waits for the winner's commit and then
	 * finds the lead converted.
	 * @throws ConflictException if it is converted already
	 */
	@Transactional
	public void claimForConversion(long id, CurrentUser user) {
		get(id, user);
		int claimed = this.jdbc
			.sql("UPDATE leads SET converted_at = ?, converted_by = ?, version = version + 1"
					+ " WHERE id = ? AND converted_at IS NULL")
			.params(java.sql.Timestamp.from(java.time.Instant.now()), user.username(), id)
			.update();
		if (claimed == 0) {
			throw new ConflictException("error.lead.converted");
		}
	}

	/**
	 * Records what a claimed lead became; it stays, read-only, with links to them.
	 */
	@Transactional
	public void markConverted(long id, Long potentialId, Long accountId, Long contactId, CurrentUser user) {
		this.jdbc
			.sql("UPDATE leads SET converted_potential_id = ?, converted_account_id = ?, converted_contact_id = ?"
					+ " WHERE id = ?")
			.params(potentialId, accountId, contactId, id)
			.update();
	}

	/**
	 * Deletes a claimed lead after its conversion, as the tool says.
	 */
	@Transactional
	public void deleteConverted(long id, CurrentUser user) {
		this.jdbc.sql("DELETE FROM leads WHERE id = ? AND converted_at IS NOT NULL").param(id).update();
	}

	private static void refuseIfConverted(Lead lead) {
		if (lead.isConverted()) {
			throw new ConflictException("error.lead.converted");
		}
	}

	/**
	 * Deletes the lead, unless other records still point at it.
	 * @throws ConflictException naming what still refers to it
	 */
	@Override
	@Transactional
	public void delete(long id, CurrentUser user, SaveSource source) {
		this.queries.deleteVisible(this.module, id, user, this.leads);
	}

}
