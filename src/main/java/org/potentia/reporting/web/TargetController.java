package org.potentia.reporting.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.Amounts;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.Navigation;
import org.potentia.reporting.TargetMeasure;
import org.potentia.reporting.TargetPeriod;
import org.potentia.reporting.TargetService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The targets page: the targets the user may see for a year, realised against target with
 * the gap and the pace needed; and, for an admin or a manager, the form to set them.
 */
@Controller
@RequestMapping("/targets")
class TargetController {

	private final TargetService targets;

	private final Messages messages;

	TargetController(TargetService targets, Messages messages) {
		this.targets = targets;
		this.messages = messages;
	}

	@Bean
	static Navigation.NavigationItem targetsNavigation() {
		return new Navigation.NavigationItem("nav.targets", "/targets", 65);
	}

	@GetMapping
	String page(@RequestParam(required = false) String year, CurrentUser user, Model model) {
		TargetForm form = new TargetForm();
		form.periodType = "month";
		form.period = TargetPeriod.containing(TargetPeriod.Type.MONTH, this.targets.today()).text();
		return page(year(year), form, user, model);
	}

	@PostMapping
	String save(@RequestParam(required = false) String owner, @RequestParam(required = false) String measure,
			@RequestParam(name = "period_type", required = false) String periodType,
			@RequestParam(required = false) String period, @RequestParam(required = false) String amount,
			CurrentUser user, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		TargetForm form = new TargetForm();
		form.owner = owner;
		form.measure = measure;
		form.periodType = periodType;
		form.period = period;
		form.amount = amount;
		try {
			this.targets.save(owner, measure, periodType, period, Amounts.normalise(amount, locale), user);
		}
		catch (ValidationException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("formError", this.messages.get(ex.getErrors().get(0)));
			int year = this.targets.today().getYear();
			try {
				year = TargetPeriod.parse(periodType, period).start().getYear();
			}
			catch (ValidationException unusable) {
				// The page shows this year.
			}
			return page(year, form, user, model);
		}
		redirect.addFlashAttribute("success", this.messages.get("target.saved"));
		return "redirect:/targets?year=" + TargetPeriod.parse(periodType, period).start().getYear();
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
		int year = this.targets.get(id, user).period().start().getYear();
		this.targets.delete(id, user);
		redirect.addFlashAttribute("success", this.messages.get("target.deleted"));
		return "redirect:/targets?year=" + year;
	}

	private String page(int year, TargetForm form, CurrentUser user, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("progress",
				this.targets.progress(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), user));
		model.addAttribute("owners", this.targets.ownerChoices(user));
		model.addAttribute("measures", Arrays.asList(TargetMeasure.values()));
		model.addAttribute("form", form);
		return "reporting/targets";
	}

	private int year(String text) {
		int today = this.targets.today().getYear();
		if (text == null || text.isBlank()) {
			return today;
		}
		try {
			int year = Integer.parseInt(text.trim());
			return (year >= 2000 && year <= 2999) ? year : today;
		}
		catch (NumberFormatException ex) {
			return today;
		}
	}

	/**
	 * What the target form shows again after an error.
	 */
	public static class TargetForm {

		String owner;

		String measure;

		String periodType;

		String period;

		String amount;

		public String getOwner() {
			return this.owner;
		}

		public String getMeasure() {
			return this.measure;
		}

		public String getPeriodType() {
			return this.periodType;
		}

		public String getPeriod() {
			return this.period;
		}

		public String getAmount() {
			return this.amount;
		}

	}

}
