package org.potentia.platform.web;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.potentia.platform.ConflictException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The save and delete steps that every record module's pages take alike: a valid form
 * (its constraints, and the catalogue's range of dates) is saved and the card shown with
 * a flash message; the service's refusal puts its messages beside the form's fields (a
 * stale version as the form's conflict note, a lock another transaction held as a
 * form-wide "try again") and shows the form again, with what was typed; a delete goes
 * back to the list, or to the card saying what still refers to the record. Paths come
 * from the module's {@link ModuleDefinition#uiPath()}.
 */
@Component
public class RecordPages {

	private final FormErrors errors;

	public RecordPages(FormErrors errors) {
		this.errors = errors;
	}

	/**
	 * Creates a record from a bound form.
	 * @param create saves the form and answers the new record's id
	 * @param form prepares the model for the form and answers its view
	 */
	public String create(ModuleDefinition module, BindingResult result, LongSupplier create,
			RedirectAttributes redirect, Supplier<String> form) {
		if (!this.errors.checkDates(result, module)) {
			try {
				long id = create.getAsLong();
				redirect.addFlashAttribute("success", this.errors.message("flash.saved"));
				return "redirect:" + module.uiPath() + "/" + id;
			}
			catch (ValidationException ex) {
				this.errors.reject(result, module, ex);
			}
			catch (PessimisticLockingFailureException ex) {
				this.errors.busy(result);
			}
		}
		return form.get();
	}

	/**
	 * Changes a record from a bound form.
	 * @param update saves the form onto the record
	 * @param form prepares the model for the form and answers its view
	 */
	public String update(ModuleDefinition module, long id, BindingResult result, Runnable update, Model model,
			RedirectAttributes redirect, Supplier<String> form) {
		if (!this.errors.checkDates(result, module)) {
			try {
				update.run();
				redirect.addFlashAttribute("success", this.errors.message("flash.saved"));
				return "redirect:" + module.uiPath() + "/" + id;
			}
			catch (ValidationException ex) {
				this.errors.reject(result, module, ex);
			}
			catch (ConflictException | OptimisticLockingFailureException ex) {
				model.addAttribute("conflict", this.errors.message("error.conflict.stale"));
			}
			catch (PessimisticLockingFailureException ex) {
				this.errors.busy(result);
			}
		}
		return form.get();
	}

	/**
	 * Deletes a record, unless the service refuses because others still point at it (or
	 * another transaction holds it at this moment).
	 */
	public String delete(ModuleDefinition module, long id, Runnable delete, RedirectAttributes redirect) {
		try {
			delete.run();
			redirect.addFlashAttribute("success", this.errors.message("flash.deleted"));
			return "redirect:" + module.uiPath();
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", this.errors.message(ex.getMessageKey(), ex.getArguments()));
			return "redirect:" + module.uiPath() + "/" + id;
		}
		catch (PessimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", this.errors.message("error.conflict.busy"));
			return "redirect:" + module.uiPath() + "/" + id;
		}
	}

}
