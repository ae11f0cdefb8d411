package org.potentia.forecast.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.potentia.forecast.AccountFiguresGrid;
import org.potentia.forecast.BudgetService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
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

	BudgetController(BudgetService budgets, FormErrors errors) {
		this.budgets = budgets;
		this.errors = errors;
	}

	@GetMapping
	String show(@PathVariable long accountId, @RequestParam(required = false) String year, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		int chosen = year(year);
		if (chosen < 0) {
			redirect.addFlashAttribute("error", this.errors.message("figures.error.year", 2000, 2100));
			return "redirect:/accounts/" + accountId + "/budget";
		}
		return page(this.budgets.grid(accountId, chosen, user, locale), user, model);
	}

	@PostMapping
	String save(@PathVariable long accountId, @RequestParam Map<String, String> parameters, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		int chosen = year(parameters.get("year"));
		if (chosen < 0) {
			redirect.addFlashAttribute("error", this.errors.message("figures.error.year", 2000, 2100));
			return "redirect:/accounts/" + accountId + "/budget";
		}
		try {
			AccountFiguresGrid refused = this.budgets.saveGrid(accountId, chosen, parameters.get("currency"),
					parameters, user, locale);
			if (refused != null) {
				model.addAttribute("error", this.errors.message("figures.grid.refused"));
				return page(refused, user, model);
			}
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", this.errors.message(ex.getMessageKey(), ex.getArguments()));
			return redirect(accountId, chosen);
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", this.errors.message("error.conflict.stale"));
			return redirect(accountId, chosen);
		}
		redirect.addFlashAttribute("success", this.errors.message("flash.saved"));
		return redirect(accountId, chosen);
	}

	@PostMapping("/lock")
	String lock(@PathVariable long accountId, @RequestParam String year, CurrentUser user,
			RedirectAttributes redirect) {
		int chosen = year(year);
		if (chosen < 0) {
			return "redirect:/accounts/" + accountId + "/budget";
		}
		this.budgets.lockYear(accountId, chosen, user);
		redirect.addFlashAttribute("success", this.errors.message("figures.budget.locked_now", String.valueOf(chosen)));
		return redirect(accountId, chosen);
	}

	@PostMapping("/unlock")
	String unlock(@PathVariable long accountId, @RequestParam String year, CurrentUser user,
			RedirectAttributes redirect) {
		int chosen = year(year);
		if (chosen < 0) {
			return "redirect:/accounts/" + accountId + "/budget";
		}
		this.budgets.unlockYear(accountId, chosen, user);
		redirect.addFlashAttribute("success",
				this.errors.message("figures.budget.unlocked_now", String.valueOf(chosen)));
		return redirect(accountId, chosen);
	}

	private String page(AccountFiguresGrid grid, CurrentUser user, Model model) {
		model.addAttribute("grid", grid);
		model.addAttribute("lock", this.budgets.lock(grid.accountId(), grid.year()).orElse(null));
		model.addAttribute("canLock", this.budgets.canLock(grid.accountId(), user));
		model.addAttribute("canUnlock", this.budgets.canUnlock(user));
		return "forecast/budget-grid";
	}

	private static String redirect(long accountId, int year) {
		return "redirect:/accounts/" + accountId + "/budget?year=" + year;
	}

	/**
	 * The year asked for, this year if none, or -1 for one that is no year the grid
	 * shows.
	 */
	static int year(String text) {
		if (text == null || text.isBlank()) {
			return LocalDate.now().getYear();
		}
		try {
			int year = Integer.parseInt(text.trim());
			return (year < 2000 || year > 2100) ? -1 : year;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
