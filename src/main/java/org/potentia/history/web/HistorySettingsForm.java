package org.potentia.history.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.potentia.history.SnapshotService;

/**
 * The history settings as the admin page edits them. The time zone stays text here, so
 * that a wrong one is shown back beside its field.
 */
public class HistorySettingsForm {

	private boolean biEnabled;

	@NotNull
	@Min(SnapshotService.MIN_RETENTION_DAYS)
	@Max(SnapshotService.MAX_RETENTION_DAYS)
	private Integer retentionDays;

	@NotBlank
	@Size(max = 100)
	private String timeZone;

	private Long version;

	static HistorySettingsForm of(SnapshotService snapshots) {
		HistorySettingsForm form = new HistorySettingsForm();
		form.setVersion(snapshots.settingsVersion());
		form.setBiEnabled(snapshots.isBiEnabled());
		form.setRetentionDays(snapshots.retentionDays());
		form.setTimeZone(snapshots.zone().getId());
		return form;
	}

	public boolean isBiEnabled() {
		return this.biEnabled;
	}

	public void setBiEnabled(boolean biEnabled) {
		this.biEnabled = biEnabled;
	}

	public Integer getRetentionDays() {
		return this.retentionDays;
	}

	public void setRetentionDays(Integer retentionDays) {
		this.retentionDays = retentionDays;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
