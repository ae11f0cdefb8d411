package org.potentia.forecast.web;

import org.potentia.forecast.PotentialForecastService;
import org.potentia.forecast.Schedule;
import org.potentia.forecast.ScheduleSpread;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.AdminSection;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page of the invoicing forecast: the schedule a new opportunity's rows are made
 * with (one-off unless changed).
 */
@Controller
@RequestMapping("/admin/forecast")
class PotentialForecastAdminController {

	private final PotentialForecastService forecasts;

	private final Messages messages;

	PotentialForecastAdminController(PotentialForecastService forecasts, Messages messages) {
		this.forecasts = forecasts;
		this.messages = messages;
	}

	@Bean
	static AdminSection potentialForecastAdminSection() {
		return new AdminSection("admin.forecast", "admin.forecast.description", "/admin/forecast", 45);
	}

	@GetMapping
	String show(Model model) {
		PotentialForecastService.DefaultSchedule plan = this.forecasts.defaultSchedule();
		return page(plan.schedule().code(), String.valueOf(plan.months()), null, model);
	}

	@PostMapping
	String save(@RequestParam(defaultValue = "") String schedule, @RequestParam(defaultValue = "") String months,
			CurrentUser user, Model model, RedirectAttributes redirect) {
		Schedule chosen = Schedule.of(schedule).orElse(null);
		if (chosen == null) {
			model.addAttribute("scheduleError", this.messages.get("error.forecast.schedule"));
			return page(schedule, months, null, model);
		}
		Integer count = null;
		try {
			count = months.isBlank() ? null : Integer.valueOf(months.trim());
		}
		catch (NumberFormatException ex) {
			// Reported as out of range below.
		}
		try {
			this.forecasts.changeDefaultSchedule(chosen, (count != null) ? count : (chosen.spansMonths() ? null : 1),
					user.username());
		}
		catch (ValidationException ex) {
			return page(schedule, months, this.messages.get(ex.getErrors().get(0)), model);
		}
		redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
		return "redirect:/admin/forecast";
	}

	private String page(String schedule, String months, String monthsError, Model model) {
		model.addAttribute("schedule", schedule);
		model.addAttribute("months", months);
		model.addAttribute("monthsError", monthsError);
		model.addAttribute("schedules", Schedule.codes());
		model.addAttribute("maxMonths", ScheduleSpread.MAX_MONTHS);
		return "forecast/potential-admin";
	}

}
