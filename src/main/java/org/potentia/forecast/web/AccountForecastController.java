package org.potentia.forecast.web;

import java.util.Locale;
import java.util.Map;

import org.potentia.forecast.AccountFiguresGrid;
import org.potentia.forecast.AccountForecastService;
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
 * An account's rolling forecast of a year as a twelve-month grid per business area, saved
 * all at once; every changed cell becomes a new version.
 */
@Controller
@RequestMapping("/accounts/{accountId}/forecast")
class AccountForecastController {

	private final AccountForecastService forecasts;

	private final FormErrors errors;

	AccountForecastController(AccountForecastService forecasts, FormErrors errors) {
		this.forecasts = forecasts;
		this.errors = errors;
	}

	@GetMapping
	String show(@PathVariable long accountId, @RequestParam(required = false) String year, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		int chosen = BudgetController.year(year);
		if (chosen < 0) {
			redirect.addFlashAttribute("error", this.errors.message("figures.error.year", 2000, 2100));
			return "redirect:/accounts/" + accountId + "/forecast";
		}
		model.addAttribute("grid", this.forecasts.grid(accountId, chosen, user, locale));
		return "forecast/forecast-entry";
	}

	@PostMapping
	String save(@PathVariable long accountId, @RequestParam Map<String, String> parameters, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		int chosen = BudgetController.year(parameters.get("year"));
		if (chosen < 0) {
			redirect.addFlashAttribute("error", this.errors.message("figures.error.year", 2000, 2100));
			return "redirect:/accounts/" + accountId + "/forecast";
		}
		try {
			AccountFiguresGrid refused = this.forecasts.saveGrid(accountId, chosen, parameters.get("currency"),
					parameters, user, locale);
			if (refused != null) {
				model.addAttribute("error", this.errors.message("figures.grid.refused"));
				model.addAttribute("grid", refused);
				return "forecast/forecast-entry";
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

	private static String redirect(long accountId, int year) {
		return "redirect:/accounts/" + accountId + "/forecast?year=" + year;
	}

}
