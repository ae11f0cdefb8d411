package org.potentia.forecast.web;

import java.util.Locale;
import java.util.Map;

import org.potentia.forecast.AccountFiguresGrid;
import org.potentia.forecast.BudgetService;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An account's budget of a year as a twelve-month grid per business area, saved all at
 * once; lock and unlock of the year.
 */
@Controller
@RequestMapping("/accounts/{accountId}/budget")
class BudgetController {

	private final BudgetService budgets;

	private final FormErrors errors;

	private final FigureGridPages pages;

	BudgetController(BudgetService budgets, FormErrors errors) {
		this.budgets = budgets;
		this.errors = errors;
		this.pages = new FigureGridPages(errors, "budget");
	}

	@GetMapping
	String show(@PathVariable long accountId, @RequestParam(required = false) String year, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		return this.pages.show(accountId, year, redirect,
				(chosen) -> page(this.budgets.grid(accountId, chosen, user, locale), user, model));
	}

	@PostMapping
	String save(@PathVariable long accountId, @RequestParam Map<String, String> parameters, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		String currency = parameters.get("currency");
		return this.pages.save(accountId, parameters.get("year"), model, redirect,
				(chosen) -> this.budgets.saveGrid(accountId, chosen, currency, parameters, user, locale),
				(chosen) -> this.budgets.typedGrid(accountId, chosen, currency, parameters, user, locale),
				(refused) -> page(refused, user, model));
	}

	@PostMapping("/lock")
	String lock(@PathVariable long accountId, @RequestParam String year, CurrentUser user,
			RedirectAttributes redirect) {
		int chosen = FigureGridPages.year(year);
		if (chosen < 0) {
			return this.pages.thisYear(accountId);
		}
		this.budgets.lockYear(accountId, chosen, user);
		redirect.addFlashAttribute("success", this.errors.message("figures.budget.locked_now", String.valueOf(chosen)));
		return this.pages.redirect(accountId, chosen);
	}

	@PostMapping("/unlock")
	String unlock(@PathVariable long accountId, @RequestParam String year, CurrentUser user,
			RedirectAttributes redirect) {
		int chosen = FigureGridPages.year(year);
		if (chosen < 0) {
			return this.pages.thisYear(accountId);
		}
		this.budgets.unlockYear(accountId, chosen, user);
		redirect.addFlashAttribute("success",
				this.errors.message("figures.budget.unlocked_now", String.valueOf(chosen)));
		return this.pages.redirect(accountId, chosen);
	}

	private String page(AccountFiguresGrid grid, CurrentUser user, Model model) {
		model.addAttribute("grid", grid);
		model.addAttribute("lock", this.budgets.lock(grid.accountId(), grid.year()).orElse(null));
		model.addAttribute("canLock", this.budgets.canLock(grid.accountId(), user));
		model.addAttribute("canUnlock", this.budgets.canUnlock(user));
		return "forecast/budget-grid";
	}

}
