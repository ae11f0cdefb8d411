package org.potentia.platform.api;

import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;

/**
 * How everything that writes records by field name (the JSON:API controller, the CSV
 * import, workflows, web forms) writes a module's records: through the module's own form
 * object and service, so that they enforce exactly the rules the UI does. A module's
 * service implements it. Reads need no writer; they go through
 * {@link org.potentia.platform.query.RecordQueries}.
 *
 * @param <F> the module's form type, with Bean Validation constraints
 */
public interface RecordWriter<F> {

	ModuleDefinition definition();

	/**
	 * A form with the defaults of a new record (for instance the owner).
	 */
	F newForm(CurrentUser user);

	/**
	 * The form of an existing record the user may see.
	 * @throws org.potentia.platform.NotFoundException if it does not exist or is hidden
	 */
	F formOf(long id, CurrentUser user);

	/**
	 * Creates a record; the source travels with the saved event and any history row.
	 * @return the new record's id
	 */
	long create(F form, CurrentUser user, SaveSource source);

	/**
	 * Changes a record; the source travels with the saved event and any history row.
	 */
	void update(long id, F form, CurrentUser user, SaveSource source);

	/**
	 * Deletes a record. Only a module that keeps a trace of deletes (an opportunity's
	 * history) has a use for the source.
	 */
	void delete(long id, CurrentUser user, SaveSource source);

}
