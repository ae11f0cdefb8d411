package org.potentia.history.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;

import org.potentia.history.SnapshotService;
import org.potentia.platform.Messages;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.AdminSection;
import org.potentia.platform.web.RedirectedSaves;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page of the history: BI (daily snapshots) on or off, how long daily snapshots are
 * kept, the time zone periods are cut in, the periods taken so far, and a button that
 * takes the missing ones now instead of waiting for the scheduler.
 */
@Controller
@RequestMapping("/admin/history")
class HistoryAdminController {

	static final int PAGE_SIZE = 20;

	private final SnapshotService snapshots;

	private final Messages messages;

	private final RedirectedSaves saves;

	HistoryAdminController(SnapshotService snapshots, Messages messages, RedirectedSaves saves) {
		this.snapshots = snapshots;
		this.messages = messages;
		this.saves = saves;
	}

	@Bean
	static AdminSection historyAdminSection() {
		return new AdminSection("admin.history", "admin.history.description", "/admin/history", 50);
	}

	@GetMapping
	String show(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("historySettingsForm", HistorySettingsForm.of(this.snapshots));
		return page(page, model);
	}

	@PostMapping
	String save(@Valid HistorySettingsForm historySettingsForm, BindingResult result, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		ZoneId zone = null;
		if (!result.hasFieldErrors("timeZone")) {
			try {
				zone = ZoneId.of(historySettingsForm.getTimeZone().trim());
			}
			catch (DateTimeException ex) {
				result.rejectValue("timeZone", "error.history.time_zone");
			}
		}
		if (result.hasErrors()) {
			return page(1, model);
		}
		ZoneId chosen = zone;
		return this.saves.save(redirect, "/admin/history",
				() -> this.snapshots.configure(chosen, historySettingsForm.isBiEnabled(),
						historySettingsForm.getRetentionDays(), historySettingsForm.getVersion(), user.username()));
	}

	@PostMapping("/catch-up")
	String catchUp(RedirectAttributes redirect) {
		List<String> taken = this.snapshots.catchUp();
		redirect.addFlashAttribute("success", taken.isEmpty() ? this.messages.get("admin.history.nothing_missing")
				: this.messages.get("admin.history.taken", taken.size()));
		return "redirect:/admin/history";
	}

	private String page(int page, Model model) {
		model.addAttribute("periods", this.snapshots.takenPeriods(PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE)));
		model.addAttribute("biSince", this.snapshots.biEnabledSince().orElse(null));
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		return "history/admin";
	}

}
