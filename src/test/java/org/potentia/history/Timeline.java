package org.potentia.history;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.pipeline.StageKind;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes opportunity history on chosen days. Each change goes through the opportunity
 * service, so its history row is written the real way; then that row's {@code changed_at}
 * is set to noon of the day (in the history time zone), and the closed date to the day
 * the opportunity was closed. Changes must be made in the order they happened.
 */
public final class Timeline {

	private final OpportunityService opportunities;

	private final PipelineService pipeline;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final Map<Long, Person> owners = new HashMap<>();

	private final Map<Long, LocalDate> closed = new HashMap<>();

	public Timeline(OpportunityService opportunities, PipelineService pipeline, JdbcClient jdbc, ZoneId zone) {
		this.opportunities = opportunities;
		this.pipeline = pipeline;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/**
	 * Noon of a day in the history time zone: the moment every change of that day is
	 * dated.
	 */
	public Instant noon(LocalDate day) {
		return day.atTime(LocalTime.NOON).atZone(this.zone).toInstant();
	}

	public long create(Person owner, String name, String stage, String amount, LocalDate day) {
		OpportunityForm form = new OpportunityForm();
		form.setName(name);
		form.setAmount(new BigDecimal(amount));
		form.setStageId(stage(stage).getId());
		form.setOwnerId(owner.id());
		long id = this.opportunities.create(form, owner.currentUser(), SaveSource.FORM);
		this.owners.put(id, owner);
		date(id, day);
		return id;
	}

	public void amount(long id, String amount, LocalDate day) {
		OpportunityForm form = this.opportunities.formOf(id, owner(id));
		form.setAmount(new BigDecimal(amount));
		this.opportunities.update(id, form, owner(id), SaveSource.FORM);
		date(id, day);
	}

	public void move(long id, String stageCode, LocalDate day) {
		Stage stage = stage(stageCode);
		OpportunityForm form = this.opportunities.formOf(id, owner(id));
		form.setStageId(stage.getId());
		form.setLostReasonId(
				(stage.getKind() == StageKind.LOST) ? this.pipeline.activeLostReasons().get(0).getId() : null);
		this.opportunities.update(id, form, owner(id), SaveSource.BOARD);
		if (stage.getKind().isClosed()) {
			this.closed.putIfAbsent(id, day);
		}
		else {
			this.closed.remove(id);
		}
		date(id, day);
	}

	public void delete(long id, LocalDate day) {
		this.opportunities.delete(id, owner(id), SaveSource.FORM);
		date(id, day);
	}

	private void date(long id, LocalDate day) {
		LocalDate closedDate = this.closed.get(id);
		this.jdbc
			.sql("UPDATE potential_history SET changed_at = ?, closed_date = ?"
					+ " WHERE id = (SELECT MAX(h.id) FROM potential_history h WHERE h.potential_id = ?)")
			.params(Timestamp.from(noon(day)), closedDate, id)
			.update();
		this.jdbc.sql("UPDATE potentials SET closed_date = ? WHERE id = ?").params(closedDate, id).update();
	}

	private Stage stage(String code) {
		return this.pipeline.stage(PipelineService.POTENTIALS, code).orElseThrow();
	}

	private org.potentia.platform.security.CurrentUser owner(long id) {
		return this.owners.get(id).currentUser();
	}

}
