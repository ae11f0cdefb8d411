package org.potentia.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: for each module, how many records the user sees and the ones changed
 * last. Two short queries per module: the five newest by an index on the change time, and
 * the count, which the database keeps per owner where it can (see
 * {@link RecordQueries#countVisible}).
 */
@Controller
class HomeController {

	static final int RECENT = 5;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	HomeController(Catalogue catalogue, RecordQueries queries) {
		this.catalogue = catalogue;
		this.queries = queries;
	}

	@GetMapping("/")
	String home(CurrentUser user, Model model) {
		List<Tile> tiles = new ArrayList<>();
		for (ModuleDefinition module : this.catalogue.modules()) {
			if (module.uiPath() == null || module.ownerColumn() == null) {
				continue;
			}
			List<Map<String, Object>> recent = this.queries.rows(module,
					new ListQuery(null, SqlCondition.TRUE, "-updated_at", 1, RECENT), user);
			tiles.add(new Tile(module, this.queries.countVisible(module, user), recent));
		}
		model.addAttribute("tiles", tiles);
		return "home";
	}

	/**
	 * One module on the home page.
	 */
	record Tile(ModuleDefinition module, long total, List<Map<String, Object>> recent) {
	}

}
