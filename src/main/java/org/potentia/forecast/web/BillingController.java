package org.potentia.forecast.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;

import org.potentia.forecast.AccountFiguresGrid;
import org.potentia.forecast.BillingForm;
import org.potentia.forecast.BillingService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An account's actual billing of a year: the rows with their totals per currency, and a
 * form to add, change or delete a row.
 */
@Controller
@RequestMapping("/accounts/{accountId}/billing")
class BillingController {

	private final BillingService billing;

	private final PipelineService pipeline;

	private final ModuleDefinition module;

	private final FormErrors errors;

	BillingController(BillingService billing, PipelineService pipeline, ModuleDefinition billingModule,
			FormErrors errors) {
		this.billing = billing;
		this.pipeline = pipeline;
		this.module = billingModule;
		this.errors = errors;
	}

	/**
	 * Amounts as people type them, in English or German.
	 */
	@InitBinder("billingForm")
	void amounts(WebDataBinder binder, Locale locale) {
		binder.registerCustomEditor(BigDecimal.class, "amount", new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue((text == null || text.isBlank()) ? null : AccountFiguresGrid.parseAmount(text.trim(), locale));
			}
		});
	}

	@GetMapping
	String list(@PathVariable long accountId, @RequestParam(required = false) String year, CurrentUser user,
			Model model, Locale locale) {
		int chosen = year(year);
		BillingForm form = this.billing.newForm(user);
		form.setAccountId(accountId);
		form.setBillingMonth(java.time.LocalDate.of(chosen, java.time.LocalDate.now().getMonthValue(), 1));
		return page(accountId, chosen, null, form, user, model, locale);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long accountId, @PathVariable long id, CurrentUser user, Model model, Locale locale) {
		BillingForm form = this.billing.formOf(id, user);
		return page(form.getAccountId(), form.getBillingMonth().getYear(), id, form, user, model, locale);
	}

	@PostMapping
	String create(@PathVariable long accountId, @Valid BillingForm billingForm, BindingResult result, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		billingForm.setAccountId(accountId);
		if (!this.errors.checkDates(result, this.module)) {
			try {
				this.billing.create(billingForm, user, SaveSource.FORM);
				redirect.addFlashAttribute("success", this.errors.message("flash.saved"));
				return redirect(accountId, billingForm);
			}
			catch (ValidationException ex) {
				this.errors.reject(result, this.module, ex);
			}
			catch (PessimisticLockingFailureException ex) {
				this.errors.busy(result);
			}
		}
		int year = (billingForm.getBillingMonth() != null)
				? year(String.valueOf(billingForm.getBillingMonth().getYear())) : year(null);
		return page(accountId, year, null, billingForm, user, model, locale);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long accountId, @PathVariable long id, @Valid BillingForm billingForm,
			BindingResult result, CurrentUser user, Model model, Locale locale, RedirectAttributes redirect) {
		billingForm.setAccountId(accountId);
		if (!this.errors.checkDates(result, this.module)) {
			try {
				this.billing.update(id, billingForm, user, SaveSource.FORM);
				redirect.addFlashAttribute("success", this.errors.message("flash.saved"));
				return redirect(accountId, billingForm);
			}
			catch (ValidationException ex) {
				this.errors.reject(result, this.module, ex);
			}
			catch (ConflictException | OptimisticLockingFailureException ex) {
				model.addAttribute("conflict", this.errors.message("error.conflict.stale"));
			}
			catch (PessimisticLockingFailureException ex) {
				this.errors.busy(result);
			}
		}
		int year = (billingForm.getBillingMonth() != null)
				? year(String.valueOf(billingForm.getBillingMonth().getYear())) : year(null);
		return page(accountId, year, id, billingForm, user, model, locale);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long accountId, @PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
		BillingService.Billing row = this.billing.get(id, user);
		try {
			this.billing.delete(id, user, SaveSource.FORM);
			redirect.addFlashAttribute("success", this.errors.message("flash.deleted"));
		}
		catch (PessimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", this.errors.message("error.conflict.busy"));
		}
		return "redirect:/accounts/" + row.accountId() + "/billing?year=" + row.month().getYear();
	}

	private String page(long accountId, int year, Long editing, BillingForm form, CurrentUser user, Model model,
			Locale locale) {
		int shownYear = year(String.valueOf(year));
		List<BillingService.Billing> rows = this.billing.ofAccount(accountId, shownYear, user);
		Map<String, BigDecimal> totals = new TreeMap<>();
		rows.forEach((row) -> totals.merge(row.currency(), row.amount(), BigDecimal::add));
		Map<Long, String> areas = new LinkedHashMap<>();
		this.pipeline.businessAreas().forEach((area) -> areas.put(area.getId(), area.name(locale)));
		model.addAttribute("module", this.module);
		model.addAttribute("accountId", accountId);
		model.addAttribute("accountName", this.billing.accountName(accountId, user));
		model.addAttribute("year", shownYear);
		model.addAttribute("rows", rows);
		model.addAttribute("totals", totals);
		model.addAttribute("areas", areas);
		model.addAttribute("activeAreas", this.pipeline.activeBusinessAreas());
		model.addAttribute("editing", editing);
		model.addAttribute("billingForm", form);
		return "forecast/billing-entry";
	}

	private static String redirect(long accountId, BillingForm form) {
		return "redirect:/accounts/" + accountId + "/billing?year=" + form.getBillingMonth().getYear();
	}

	private static int year(String text) {
		int year = FigureGridPages.year(text);
		return (year < 0) ? java.time.LocalDate.now().getYear() : year;
	}

}
