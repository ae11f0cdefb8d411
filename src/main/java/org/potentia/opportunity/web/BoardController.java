package org.potentia.opportunity.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.potentia.identity.IdentityService;
import org.potentia.opportunity.ChangeSource;
import org.potentia.opportunity.OpportunityFilters;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.platform.ConflictException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.FormErrors;
import org.potentia.platform.web.ListPages;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pipeline board: a column per stage with its totals and first cards; dragging a card
 * (or choosing a stage from its menu) moves the opportunity.
 */
@Controller
class BoardController {

	static final int CARDS_PER_COLUMN = 25;

	static final Set<String> FILTERS = Set.of("owner_id", "business_area_id");

	private final OpportunityService opportunities;

	private final ModuleDefinition module;

	private final RecordQueries queries;

	private final ListPages lists;

	private final PipelineService pipeline;

	private final IdentityService identity;

	private final FormErrors errors;

	BoardController(OpportunityService opportunities, ModuleDefinition potentialsModule, RecordQueries queries,
			ListPages lists, PipelineService pipeline, IdentityService identity, FormErrors errors) {
		this.opportunities = opportunities;
		this.module = potentialsModule;
		this.queries = queries;
		this.lists = lists;
		this.pipeline = pipeline;
		this.identity = identity;
		this.errors = errors;
	}

	@GetMapping("/opportunities/board")
	String board(@RequestParam Map<String, String> parameters, CurrentUser user, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx) {
		model.addAttribute("board", board(parameters, user));
		model.addAttribute("parameters", parameters);
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("teams", this.identity.allTeams());
		model.addAttribute("businessAreas", this.pipeline.businessAreas());
		return (htmx != null) ? "opportunities/board :: board" : "opportunities/board";
	}

	@PostMapping("/opportunities/{id}/move")
	String move(@PathVariable long id, @RequestParam("stage_id") long stageId,
			@RequestParam(required = false) Long version, @RequestParam Map<String, String> parameters,
			CurrentUser user, Model model, HttpServletResponse response) {
		try {
			this.opportunities.moveTo(id, stageId, version, user, ChangeSource.BOARD);
		}
		catch (ValidationException ex) {
			// The rules want more (a lost reason, a mandatory field): open the form for
			// it.
			response.setHeader("HX-Redirect", "/opportunities/" + id + "/edit?stage_id=" + stageId);
			return "opportunities/board :: board";
		}
		catch (ConflictException | OptimisticLockingFailureException ex) {
			model.addAttribute("boardError", this.errors.message("error.conflict.stale"));
		}
		model.addAttribute("board", board(parameters, user));
		model.addAttribute("parameters", parameters);
		return "opportunities/board :: board";
	}

	private List<Column> board(Map<String, String> parameters, CurrentUser user) {
		Map<String, String> filters = new LinkedHashMap<>(parameters);
		filters.keySet().retainAll(Set.of("owner_id", "business_area_id", "team"));
		ListQuery all = this.lists.query(this.module, filters, FILTERS, OpportunityFilters.of(filters));
		Map<String, String> sums = new LinkedHashMap<>();
		sums.put("count", "COUNT(*)");
		sums.put("amount", "COALESCE(SUM(t.amount), 0)");
		sums.put("weighted", "COALESCE(SUM(t.weighted_amount), 0)");
		Map<Long, Map<String, Object>> totals = new LinkedHashMap<>();
		for (Map<String, Object> row : this.queries.aggregate(this.module, all, user, "stage_id", sums)) {
			totals.put(((Number) row.get("group")).longValue(), row);
		}
		List<Stage> offered = this.pipeline.offeredStages(PipelineService.POTENTIALS);
		List<Column> columns = new ArrayList<>();
		for (Stage stage : this.pipeline.stages(PipelineService.POTENTIALS)) {
			Map<String, Object> total = totals.get(stage.getId());
			if (!offered.contains(stage) && total == null) {
				continue;
			}
			List<Map<String, Object>> cards = List.of();
			long count = (total != null) ? ((Number) total.get("count")).longValue() : 0;
			if (count > 0) {
				SqlCondition inStage = all.filter().and(SqlCondition.of("t.stage_id = ?", stage.getId()));
				cards = this.queries.rows(this.module,
						new ListQuery(null, inStage, "expected_close_date", 1, CARDS_PER_COLUMN), user);
			}
			columns.add(new Column(stage, count, decimal(total, "amount"), decimal(total, "weighted"), cards,
					offered.contains(stage)));
		}
		return columns;
	}

	private static BigDecimal decimal(Map<String, Object> total, String name) {
		if (total == null || total.get(name) == null) {
			return BigDecimal.ZERO;
		}
		return new BigDecimal(total.get(name).toString());
	}

	/**
	 * One column of the board.
	 */
	record Column(Stage stage, long count, BigDecimal amount, BigDecimal weighted, List<Map<String, Object>> cards,
			boolean offered) {

		public long hidden() {
			return this.count - this.cards.size();
		}

	}

}
