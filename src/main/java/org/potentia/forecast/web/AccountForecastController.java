package org.potentia.forecast.web;

import java.util.Locale;
import java.util.Map;

import org.potentia.forecast.AccountFiguresGrid;
import org.potentia.forecast.AccountForecastService;
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
 * An account's rolling forecast of a year as a twelve-month grid per business area, saved
 * all at once; every changed cell becomes a new version.
 */
@Controller
@RequestMapping("/accounts/{accountId}/forecast")
class AccountForecastController {

	private final AccountForecastService forecasts;

	private final FigureGridPages pages;

	AccountForecastController(AccountForecastService forecasts, FormErrors errors) {
		this.forecasts = forecasts;
		this.pages = new FigureGridPages(errors, "forecast");
	}

	@GetMapping
	String show(@PathVariable long accountId, @RequestParam(required = false) String year, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		return this.pages.show(accountId, year, redirect,
				(chosen) -> page(this.forecasts.grid(accountId, chosen, user, locale), model));
	}

	@PostMapping
	String save(@PathVariable long accountId, @RequestParam Map<String, String> parameters, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		String currency = parameters.get("currency");
		return this.pages.save(accountId, parameters.get("year"), model, redirect,
				(chosen) -> this.forecasts.saveGrid(accountId, chosen, currency, parameters, user, locale),
				(chosen) -> this.forecasts.typedGrid(accountId, chosen, currency, parameters, user, locale),
				(refused) -> page(refused, model));
	}

	private static String page(AccountFiguresGrid grid, Model model) {
		model.addAttribute("grid", grid);
		return "forecast/forecast-entry";
	}

}
