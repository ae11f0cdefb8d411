package org.potentia.history.web;

import org.potentia.history.HistoryTimeline;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The history card of an opportunity, a fragment the opportunity card loads on its own.
 */
@Controller
class TimelineController {

	private final HistoryTimeline timeline;

	private final OpportunityService opportunities;

	TimelineController(HistoryTimeline timeline, OpportunityService opportunities) {
		this.timeline = timeline;
		this.opportunities = opportunities;
	}

	@GetMapping("/opportunities/{id}/history")
	String timeline(@PathVariable long id, CurrentUser user, Model model) {
		// Refuses (404) an opportunity the user may not see, before any history is read.
		this.opportunities.get(id, user);
		model.addAttribute("timeline", this.timeline.of(id));
		model.addAttribute("history", this.timeline.module());
		return "history/timeline :: timeline";
	}

}
