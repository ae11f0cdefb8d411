package org.potentia.opportunity.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.identity.IdentityService;
import org.potentia.opportunity.BoardFilter;
import org.potentia.opportunity.OpportunityService;
import org.potentia.opportunity.StageTotals;
import org.potentia.pipeline.PipelineService;
import org.potentia.pipeline.Stage;
import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pipeline board: a column per stage with its totals over every opportunity that
 * matches the filters, and its first cards by close date, more on request; dragging a
 * card (or choosing a stage from its menu) moves the opportunity.
 *
 * <p>
 * A board of a million opportunities reads: the totals of all columns in one query, the
 * first cards of all columns in another (each column an index range, see
 * {@link RecordQueries#firstRows}), and the filters' choices. "Show more" asks for a
 * column's next cards. A move answers the whole board again, its columns as long as they
 * were.
 */
@Controller
class BoardController {

	/**
	 * Cards a column shows at first, and adds on each "show more".
	 */
	static final int CARDS_PER_COLUMN = 25;

	/**
	 * At most this many pages of cards per column when the board is drawn again after a
	 * move.
	 */
	static final int MAX_PAGES = 20;

	static final String SORT = "expected_close_date";

	private final OpportunityService opportunities;

	private final ModuleDefinition module;

	private final RecordQueries queries;

	private final PipelineService pipeline;

	private final IdentityService identity;

	private final FormErrors errors;

	BoardController(OpportunityService opportunities, ModuleDefinition potentialsModule, RecordQueries queries,
			PipelineService pipeline, IdentityService identity, FormErrors errors) {
		this.opportunities = opportunities;
		this.module = potentialsModule;
		this.queries = queries;
		this.pipeline = pipeline;
		this.identity = identity;
		this.errors = errors;
	}

	@GetMapping("/opportunities/board")
	String board(@RequestParam Map<String, String> parameters, CurrentUser user, Model model, HtmxRequest htmx) {
		model.addAttribute("board", board(parameters, user));
		model.addAttribute("parameters", parameters);
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("teams", this.identity.allTeams());
		model.addAttribute("businessAreas", this.pipeline.businessAreas());
		return htmx.isHtmxRequest() ? "opportunities/board :: board" : "opportunities/board";
	}

	/**
	 * The next cards of one column ({@code page} 2 onwards), appended to the column by
	 * htmx, and the column's footer with what is left.
	 */
	@GetMapping("/opportunities/board/cards")
	String cards(@RequestParam("stage_id") long stageId, @RequestParam(defaultValue = "2") int page,
			@RequestParam Map<String, String> parameters, CurrentUser user, Model model) {
		Stage stage = this.pipeline.stage(stageId)
			.filter((candidate) -> PipelineService.POTENTIALS.equals(candidate.getModule()))
			.orElseThrow(() -> new NotFoundException("stages", stageId));
		BoardFilter filter = BoardFilter.of(parameters);
		StageTotals totals = this.opportunities.stageTotals(filter, user).getOrDefault(stageId, StageTotals.NONE);
		ListQuery query = new ListQuery(null, filter.condition().and(SqlCondition.of("t.stage_id = ?", stageId)), SORT,
				page, CARDS_PER_COLUMN);
		List<Map<String, Object>> cards = this.queries.rows(this.module, query, user);
		model.addAttribute("column", new Column(stage, totals, cards, (int) query.offset() + cards.size(),
				this.pipeline.offeredStages(PipelineService.POTENTIALS).contains(stage)));
		model.addAttribute("parameters", parameters);
		return "opportunities/board :: more-cards";
	}

	@PostMapping("/opportunities/{id}/move")
	ModelAndView move(@PathVariable long id, @RequestParam("stage_id") long stageId,
			@RequestParam(required = false) Long version, @RequestParam Map<String, String> parameters,
			CurrentUser user, Model model) {
		try {
			this.opportunities.moveTo(id, stageId, version, user, SaveSource.BOARD);
		}
		catch (ValidationException ex) {
			// The rules want more (a lost reason, a mandatory field): open the form for
			// it.
			return new ModelAndView(new HtmxRedirectView("/opportunities/" + id + "/edit?stage_id=" + stageId));
		}
		catch (ConflictException | OptimisticLockingFailureException ex) {
			model.addAttribute("boardError", this.errors.message("error.conflict.stale"));
		}
		catch (PessimisticLockingFailureException ex) {
			model.addAttribute("boardError", this.errors.message("error.conflict.busy"));
		}
		model.addAttribute("board", board(parameters, user));
		model.addAttribute("parameters", parameters);
		return new ModelAndView("opportunities/board :: board");
	}

	private List<Column> board(Map<String, String> parameters, CurrentUser user) {
		BoardFilter filter = BoardFilter.of(parameters);
		Map<Long, StageTotals> totals = this.opportunities.stageTotals(filter, user);
		Map<Long, Integer> lengths = lengths(parameters.get("shown"));
		List<Stage> offered = this.pipeline.offeredStages(PipelineService.POTENTIALS);
		List<Stage> stages = new ArrayList<>();
		Map<Long, Integer> limits = new LinkedHashMap<>();
		for (Stage stage : this.pipeline.stages(PipelineService.POTENTIALS)) {
			StageTotals total = totals.get(stage.getId());
			if (!offered.contains(stage) && total == null) {
				continue;
			}
			stages.add(stage);
			if (total != null) {
				limits.put(stage.getId(),
						(int) Math.min(total.count(), lengths.getOrDefault(stage.getId(), CARDS_PER_COLUMN)));
			}
		}
		Map<Long, List<Map<String, Object>>> cards = this.queries.firstRows(this.module, filter.condition(), SORT, user,
				"stage_id", limits);
		List<Column> columns = new ArrayList<>();
		for (Stage stage : stages) {
			List<Map<String, Object>> shown = cards.getOrDefault(stage.getId(), List.of());
			columns.add(new Column(stage, totals.getOrDefault(stage.getId(), StageTotals.NONE), shown, shown.size(),
					offered.contains(stage)));
		}
		return columns;
	}

	/**
	 * How many cards each column is to show after a move: as many as it showed before,
	 * sent by the page as {@code stageId:cards,…}, rounded up to whole pages, so that a
	 * column never comes back shorter and "show more" goes on from a page boundary.
	 */
	static Map<Long, Integer> lengths(String shown) {
		Map<Long, Integer> lengths = new HashMap<>();
		if (shown == null || shown.isBlank()) {
			return lengths;
		}
		for (String entry : shown.split(",")) {
			String[] parts = entry.split(":");
			try {
				long stageId = Long.parseLong(parts[0].trim());
				int cards = Integer.parseInt(parts[1].trim());
				int pages = Math.clamp((cards + CARDS_PER_COLUMN - 1) / CARDS_PER_COLUMN, 1, MAX_PAGES);
				lengths.put(stageId, pages * CARDS_PER_COLUMN);
			}
			catch (RuntimeException ex) {
				// A malformed entry from a hand-made request: that column shows its
				// first page.
			}
		}
		return lengths;
	}

	/**
	 * One column of the board.
	 *
	 * @param stage the stage
	 * @param totals the totals over every opportunity in the stage that the user may see
	 * and the filters match
	 * @param cards the cards this answer holds
	 * @param shown how many cards the column shows with these
	 * @param offered whether cards may be moved into the stage
	 */
	record Column(Stage stage, StageTotals totals, List<Map<String, Object>> cards, int shown, boolean offered) {

		public long count() {
			return this.totals.count();
		}

		public BigDecimal amount() {
			return this.totals.amount();
		}

		public BigDecimal weighted() {
			return this.totals.weighted();
		}

		public long hidden() {
			return Math.max(0, count() - this.shown);
		}

		/**
		 * How many cards "show more" adds.
		 */
		public long next() {
			return Math.min(CARDS_PER_COLUMN, hidden());
		}

		/**
		 * The page "show more" asks for.
		 */
		public int nextPage() {
			return this.shown / CARDS_PER_COLUMN + 1;
		}

	}

}
