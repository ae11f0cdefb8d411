package org.potentia.reporting;

/**
 * A widget on a user's home page, as that user has it placed.
 *
 * @param id the widget's id
 * @param kind what it shows
 * @param reportId the saved report a report widget shows, else null
 * @param title a title given by its owner, or null for the kind's title
 * @param ownerId who made it
 * @param sharing with whom it is shared
 * @param teamId the team it is shared with, if shared with a team
 * @param permanent whether the users it is shared with may not hide it
 * @param width its width for this user, 1 to 3 of the grid's three columns
 * @param own whether the viewing user owns it (and so may delete and share it)
 */
public record DashboardWidget(long id, WidgetKind kind, Long reportId, String title, long ownerId,
		WidgetSharing sharing, Long teamId, boolean permanent, int width, boolean own) {

	/**
	 * Whether the viewing user may take it off their page: their own always (it is
	 * deleted), a shared one unless it is permanent (it is hidden).
	 */
	public boolean removable() {
		return this.own || !this.permanent;
	}

	public boolean shared() {
		return this.sharing != WidgetSharing.NOBODY;
	}

}
