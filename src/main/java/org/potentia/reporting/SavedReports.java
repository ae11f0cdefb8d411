package org.potentia.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Saved reports: saved, changed and deleted by their owner (or an admin), listed and run
 * by whoever they are shared with. A report is checked by compiling it before it is
 * saved, so that a saved report always runs (unless the catalogue changes under it, when
 * running it tells what is wrong).
 */
@Service
@Transactional
public class SavedReports {

	static final int MAX_DEFINITION = 20_000;

	private final SavedReportRepository reports;

	private final ReportEngine engine;

	private final ObjectMapper json;

	SavedReports(SavedReportRepository reports, ReportEngine engine, ObjectMapper json) {
		this.reports = reports;
		this.engine = engine;
		this.json = json;
	}

	/**
	 * The reports the user may run, by folder and name; an admin sees all.
	 */
	@Transactional(readOnly = true)
	public List<SavedReport> visible(CurrentUser user) {
		return user.isAdmin() ? this.reports.findAllOrdered() : this.reports.findVisible(user.id(), user.teamId());
	}

	/**
	 * A report the user may run.
	 * @throws NotFoundException if there is none, or the user may not see it
	 */
	@Transactional(readOnly = true)
	public SavedReport get(long id, CurrentUser user) {
		return find(id, user).orElseThrow(() -> new NotFoundException("reports", id));
	}

	@Transactional(readOnly = true)
	public Optional<SavedReport> find(long id, CurrentUser user) {
		return this.reports.findById(id).filter((report) -> report.isVisibleTo(user));
	}

	/**
	 * The report's definition.
	 */
	public ReportQuery query(SavedReport report) {
		try {
			return this.json.readValue(report.getDefinition(), ReportQuery.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Saved report " + report.getId() + " has an unreadable definition", ex);
		}
	}

	/**
	 * Runs a saved report as the user: the visibility rule is the user's, not the
	 * owner's.
	 */
	@Transactional(readOnly = true)
	public ReportResult run(long id, CurrentUser user) {
		return this.engine.run(query(get(id, user)), user);
	}

	/**
	 * Saves a new report owned by the user.
	 * @throws ValidationException naming the fields at fault
	 * @throws ReportException if the definition cannot be run
	 */
	public SavedReport create(Details details, ReportQuery query, CurrentUser user) {
		SavedReport report = new SavedReport(user.id());
		apply(report, details, query, user);
		return this.reports.save(report);
	}

	/**
	 * Changes a report; only its owner or an admin may.
	 * @param version the version the user's form was opened from, or null if it does not
	 * say
	 * @throws AccessDeniedException if the user may see but not change it
	 * @throws ConflictException if someone saved the report since that version
	 */
	public SavedReport update(long id, Details details, ReportQuery query, Long version, CurrentUser user) {
		SavedReport report = editable(id, user);
		ConflictException.checkVersion(version, report.getVersion());
		apply(report, details, query, user);
		return report;
	}

	/**
	 * Deletes a report; only its owner or an admin may.
	 */
	public void delete(long id, CurrentUser user) {
		this.reports.delete(editable(id, user));
	}

	/**
	 * A report the user may change.
	 * @throws NotFoundException if the user may not see it
	 * @throws AccessDeniedException if the user may see but not change it
	 */
	@Transactional(readOnly = true)
	public SavedReport editable(long id, CurrentUser user) {
		SavedReport report = get(id, user);
		if (!report.isEditableBy(user)) {
			throw new AccessDeniedException("Only the owner or an admin may change report " + id);
		}
		return report;
	}

	private void apply(SavedReport report, Details details, ReportQuery query, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		String name = (details.name() != null) ? details.name().trim() : "";
		String folder = (details.folder() != null && !details.folder().isBlank()) ? details.folder().trim() : null;
		if (name.isEmpty()) {
			errors.add(new FieldError("name", "error.mandatory"));
		}
		else if (name.length() > 200) {
			errors.add(new FieldError("name", "error.report.too_long", 200));
		}
		if (folder != null && folder.length() > 100) {
			errors.add(new FieldError("folder", "error.report.too_long", 100));
		}
		Long teamId = details.teamId();
		if (details.sharing() == SavedReport.Sharing.TEAM) {
			if (teamId == null) {
				// An admin editing another's team report keeps its team; anyone else
				// shares with their own.
				teamId = (user.isAdmin() && report.getTeamId() != null) ? report.getTeamId() : user.teamId();
			}
			if (teamId == null) {
				errors.add(new FieldError("sharing", "error.report.no_team"));
			}
			else if (!user.isAdmin() && !teamId.equals(user.teamId())) {
				errors.add(new FieldError("sharing", "error.report.other_team"));
			}
		}
		String recipients = (details.recipients() != null) ? details.recipients().trim() : "";
		if (details.schedule() != ReportSchedule.NONE) {
			List<String> addresses = ReportDelivery.addresses(recipients);
			if (addresses.isEmpty() || recipients.length() > 1000
					|| addresses.stream().anyMatch((address) -> !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
				errors.add(new FieldError("recipients", "error.report.recipients"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		// Compiling the report checks every part of it against the catalogue and the
		// caps.
		this.engine.fields(query, user);
		String definition = this.json.writeValueAsString(query);
		if (definition.length() > MAX_DEFINITION) {
			throw ValidationException.of("definition", "error.report.too_long", MAX_DEFINITION);
		}
		report.change(name, folder, details.sharing(), teamId, details.view(), query.module(), definition);
		report.schedule(details.schedule(), recipients, java.time.Instant.now(), java.time.ZoneId.systemDefault());
	}

	/**
	 * What a report is called and with whom it is shared.
	 *
	 * @param name the name
	 * @param folder the folder, or null
	 * @param sharing with whom it is shared
	 * @param teamId for a report shared with a team, the team (the owner's if null)
	 * @param view how it is shown
	 * @param schedule how often it is sent by email
	 * @param recipients the addresses it is sent to, separated by commas
	 */
	public record Details(String name, String folder, SavedReport.Sharing sharing, Long teamId, ReportView view,
			ReportSchedule schedule, String recipients) {

		public Details {
			sharing = (sharing != null) ? sharing : SavedReport.Sharing.PRIVATE;
			view = (view != null) ? view : ReportView.TABLE;
			schedule = (schedule != null) ? schedule : ReportSchedule.NONE;
		}

		public Details(String name, String folder, SavedReport.Sharing sharing, Long teamId, ReportView view) {
			this(name, folder, sharing, teamId, view, ReportSchedule.NONE, null);
		}

	}

}
