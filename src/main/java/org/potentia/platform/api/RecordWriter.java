package org.potentia.platform.api;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;

/**
 * How the generic JSON:API controller and the CSV import write a module's records:
 * through the module's own form object and service, so that they enforce exactly the
 * rules the UI does. Reads need no writer; they go through
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

	long create(F form, CurrentUser user);

	void update(long id, F form, CurrentUser user);

	/**
	 * Creates in the name of another source than the API (the CSV import, a workflow, a
	 * web form), which the saved event and any history row carry. A writer that does not
	 * know sources creates as the API does.
	 */
	default long create(F form, CurrentUser user, SaveSource source) {
		return create(form, user);
	}

	/**
	 * Updates in the name of another source than the API; see
	 * {@link #create(Object, CurrentUser, SaveSource)}.
	 */
	default void update(long id, F form, CurrentUser user, SaveSource source) {
		update(id, form, user);
	}

	void delete(long id, CurrentUser user);

	/**
	 * A writer from a module service's methods.
	 */
	static <F> RecordWriter<F> of(ModuleDefinition definition, Function<CurrentUser, F> newForm,
			BiFunction<Long, CurrentUser, F> formOf, BiFunction<F, CurrentUser, Long> create, Update<F> update,
			BiConsumer<Long, CurrentUser> delete) {
		return new RecordWriter<>() {

			@Override
			public ModuleDefinition definition() {
				return definition;
			}

			@Override
			public F newForm(CurrentUser user) {
				return newForm.apply(user);
			}

			@Override
			public F formOf(long id, CurrentUser user) {
				return formOf.apply(id, user);
			}

			@Override
			public long create(F form, CurrentUser user) {
				return create.apply(form, user);
			}

			@Override
			public void update(long id, F form, CurrentUser user) {
				update.update(id, form, user);
			}

			@Override
			public void delete(long id, CurrentUser user) {
				delete.accept(id, user);
			}

		};
	}

	/**
	 * A writer from a module service's methods that take the source of the save; the
	 * API's own writes use {@link SaveSource#API}.
	 */
	static <F> RecordWriter<F> sourced(ModuleDefinition definition, Function<CurrentUser, F> newForm,
			BiFunction<Long, CurrentUser, F> formOf, SourcedCreate<F> create, SourcedUpdate<F> update,
			BiConsumer<Long, CurrentUser> delete) {
		RecordWriter<F> api = of(definition, newForm, formOf, (form, user) -> create.create(form, user, SaveSource.API),
				(id, form, user) -> update.update(id, form, user, SaveSource.API), delete);
		return new RecordWriter<>() {

			@Override
			public ModuleDefinition definition() {
				return definition;
			}

			@Override
			public F newForm(CurrentUser user) {
				return api.newForm(user);
			}

			@Override
			public F formOf(long id, CurrentUser user) {
				return api.formOf(id, user);
			}

			@Override
			public long create(F form, CurrentUser user) {
				return api.create(form, user);
			}

			@Override
			public void update(long id, F form, CurrentUser user) {
				api.update(id, form, user);
			}

			@Override
			public long create(F form, CurrentUser user, SaveSource source) {
				return create.create(form, user, source);
			}

			@Override
			public void update(long id, F form, CurrentUser user, SaveSource source) {
				update.update(id, form, user, source);
			}

			@Override
			public void delete(long id, CurrentUser user) {
				api.delete(id, user);
			}

		};
	}

	/**
	 * A service's create method that takes the source.
	 */
	@FunctionalInterface
	interface SourcedCreate<F> {

		long create(F form, CurrentUser user, SaveSource source);

	}

	/**
	 * A service's update method that takes the source.
	 */
	@FunctionalInterface
	interface SourcedUpdate<F> {

		void update(long id, F form, CurrentUser user, SaveSource source);

	}

	/**
	 * A service's update method.
	 */
	@FunctionalInterface
	interface Update<F> {

		void update(long id, F form, CurrentUser user);

	}

}
