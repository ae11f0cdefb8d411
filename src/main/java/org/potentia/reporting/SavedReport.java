package org.potentia.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;
import org.potentia.platform.security.CurrentUser;

/**
 * A report saved from the report generator: its name and folder, who owns it, with whom
 * it is shared, how it is shown, and its definition (a {@link ReportQuery} as JSON). The
 * owner and admins change it; whoever it is shared with runs it.
 */
@Entity
@Table(name = "reports")
public class SavedReport extends AuditedEntity {

	private String name;

	private String folder;

	@Column(name = "owner_id")
	private long ownerId;

	private String sharing = Sharing.PRIVATE.code();

	@Column(name = "team_id")
	private Long teamId;

	private String module;

	@Column(name = "view_type")
	private String view = ReportView.TABLE.code();

	private String definition;

	private String schedule = ReportSchedule.NONE.code();

	private String recipients;

	@Column(name = "next_send_at")
	private java.time.Instant nextSendAt;

	@Column(name = "last_sent_at")
	private java.time.Instant lastSentAt;

	protected SavedReport() {
	}

	SavedReport(long ownerId) {
		this.ownerId = ownerId;
	}

	/**
	 * Whether the user may run the report: its owner, an admin, or someone it is shared
	 * with.
	 */
	public boolean isVisibleTo(CurrentUser user) {
		return user.isAdmin() || this.ownerId == user.id() || getSharing() == Sharing.EVERYONE
				|| (getSharing() == Sharing.TEAM && this.teamId != null && this.teamId.equals(user.teamId()));
	}

	/**
	 * Whether the user may change or delete the report: its owner or an admin.
	 */
	public boolean isEditableBy(CurrentUser user) {
		return user.isAdmin() || this.ownerId == user.id();
	}

	void change(String name, String folder, Sharing sharing, Long teamId, ReportView view, String module,
			String definition) {
		this.name = name;
		this.folder = folder;
		this.sharing = sharing.code();
		this.teamId = (sharing == Sharing.TEAM) ? teamId : null;
		this.view = view.code();
		this.module = module;
		this.definition = definition;
	}

	/**
	 * Sets when the report is sent and to whom; the next sending is the next period's
	 * start after now.
	 */
	void schedule(ReportSchedule schedule, String recipients, java.time.Instant now, java.time.ZoneId zone) {
		boolean changed = ReportSchedule.of(this.schedule) != schedule;
		this.schedule = schedule.code();
		this.recipients = (schedule == ReportSchedule.NONE) ? null : recipients;
		if (schedule == ReportSchedule.NONE) {
			this.nextSendAt = null;
		}
		else if (changed || this.nextSendAt == null) {
			this.nextSendAt = schedule.next(now, zone);
		}
	}

	public ReportSchedule getSchedule() {
		return ReportSchedule.of(this.schedule);
	}

	public String getRecipients() {
		return this.recipients;
	}

	public java.time.Instant getNextSendAt() {
		return this.nextSendAt;
	}

	public java.time.Instant getLastSentAt() {
		return this.lastSentAt;
	}

	public String getName() {
		return this.name;
	}

	public String getFolder() {
		return this.folder;
	}

	public long getOwnerId() {
		return this.ownerId;
	}

	public Sharing getSharing() {
		return Sharing.of(this.sharing);
	}

	public Long getTeamId() {
		return this.teamId;
	}

	public String getModule() {
		return this.module;
	}

	public ReportView getView() {
		return ReportView.of(this.view);
	}

	/**
	 * The definition as JSON; {@link SavedReports#query(SavedReport)} reads it.
	 */
	public String getDefinition() {
		return this.definition;
	}

	/**
	 * With whom a saved report is shared.
	 */
	public enum Sharing {

		PRIVATE, TEAM, EVERYONE;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		public static Sharing of(String code) {
			for (Sharing sharing : values()) {
				if (sharing.code().equals(code)) {
					return sharing;
				}
			}
			return PRIVATE;
		}

	}

}
