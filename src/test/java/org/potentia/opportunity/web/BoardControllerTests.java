package org.potentia.opportunity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.Team;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pipeline board as its users see it: each column's cards and totals cover what the
 * user may see and the filters match, and nothing else; a long column shows its first
 * cards by close date and the rest on request; a move changes the totals. Two teams: in
 * the first a manager and reps A and B, in the second rep C.
 */
@PotentiaTest
class BoardControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	UserDetailsService users;

	String tag;

	Team sales;

	Team other;

	Person manager;

	Person repA;

	Person repB;

	Person repC;

	long a1;

	@BeforeEach
	void setUp() {
		this.people.repsSeeTeam(false);
		this.tag = Names.tag();
		this.sales = this.people.team();
		this.other = this.people.team();
		this.manager = this.people.manager(this.sales);
		this.repA = this.people.rep(this.sales);
		this.repB = this.people.rep(this.sales);
		this.repC = this.people.rep(this.other);
		this.a1 = create(this.repA, "A1", "qualification", "1000", LocalDate.of(2030, 1, 10), null);
		create(this.repA, "A2", "qualification", "500", LocalDate.of(2030, 1, 20), areaId());
		create(this.repA, "A3", "proposal", "200", LocalDate.of(2030, 2, 1), null);
		create(this.repB, "B1", "qualification", "300", LocalDate.of(2030, 1, 15), null);
		create(this.repC, "C1", "qualification", "700", LocalDate.of(2030, 1, 5), null);
	}

	@AfterEach
	void resetSetting() {
		this.people.repsSeeTeam(false);
	}

	@Test
	void aRepSeesOnlyOwnCardsAndTheirTotals() throws Exception {
		String board = board(this.repA, "");

		Column qualification = Column.of(board, "qualification");
		assertThat(qualification.cards()).containsExactly(name("A1"), name("A2"));
		assertThat(qualification.count()).isEqualTo(2);
		assertThat(qualification.amount()).isEqualTo("1,500.00");
		assertThat(Column.of(board, "proposal").cards()).containsExactly(name("A3"));
		assertThat(board).doesNotContain(name("B1")).doesNotContain(name("C1"));
	}

	@Test
	void aManagerSeesTheTeamButNotAnotherTeam() throws Exception {
		String board = board(this.manager, "");

		Column qualification = Column.of(board, "qualification");
		assertThat(qualification.cards()).containsExactly(name("A1"), name("B1"), name("A2"));
		assertThat(qualification.count()).isEqualTo(3);
		assertThat(qualification.amount()).isEqualTo("1,800.00");
		assertThat(board).doesNotContain(name("C1"));
	}

	@Test
	void theFiltersNarrowCardsAndTotalsAlike() throws Exception {
		Person admin = this.people.admin();

		Column ownerA = Column.of(board(admin, "owner_id=" + this.repA.id()), "qualification");
		Column otherTeam = Column.of(board(admin, "team=" + this.other.getId()), "qualification");
		Column areaOfA = Column.of(board(admin, "owner_id=" + this.repA.id() + "&business_area_id=" + areaId()),
				"qualification");

		assertThat(ownerA.cards()).containsExactly(name("A1"), name("A2"));
		assertThat(ownerA.count()).isEqualTo(2);
		assertThat(otherTeam.cards()).containsExactly(name("C1"));
		assertThat(otherTeam.amount()).isEqualTo("700.00");
		assertThat(areaOfA.cards()).containsExactly(name("A2"));
		assertThat(areaOfA.count()).isEqualTo(1);
		assertThat(areaOfA.amount()).isEqualTo("500.00");
		// A rep's filter for someone else's opportunities finds none.
		assertThat(Column.of(board(this.repA, "owner_id=" + this.repB.id()), "qualification").count()).isZero();
	}

	@Test
	void aLongColumnShowsItsFirstCardsByCloseDateAndTheRestOnRequest() throws Exception {
		Person rep = this.people.rep(this.other);
		for (int day = 30; day >= 1; day--) {
			create(rep, String.format("L%02d", day), "negotiation", "10", LocalDate.of(2031, 3, day), null);
		}

		Column first = Column.of(board(rep, ""), "negotiation");
		String more = page(rep, get("/opportunities/board/cards?stage_id=" + stageId("negotiation") + "&page=2"));

		assertThat(first.count()).isEqualTo(30);
		assertThat(first.cards()).hasSize(BoardController.CARDS_PER_COLUMN).startsWith(name("L01"), name("L02"));
		assertThat(first.html()).contains("Showing 25 of 30").contains("Show 5 more");
		assertThat(Column.cards(more)).containsExactly(name("L26"), name("L27"), name("L28"), name("L29"), name("L30"));
		assertThat(more).contains("hx-swap-oob=\"true\"").contains("Showing 30 of 30");
		// Another rep asking for that column's cards gets none of them.
		String foreign = page(this.repA,
				get("/opportunities/board/cards?stage_id=" + stageId("negotiation") + "&page=1&owner_id=" + rep.id()));
		assertThat(Column.cards(foreign)).isEmpty();
	}

	@Test
	void aMoveChangesTheTotalsAndKeepsLongColumnsLong() throws Exception {
		Person rep = this.repA;
		for (int day = 1; day <= 30; day++) {
			create(rep, String.format("N%02d", day), "negotiation", "10", LocalDate.of(2031, 4, day), null);
		}
		String shown = stageId("negotiation") + ":50," + stageId("qualification") + ":2";

		String board = page(rep,
				post("/opportunities/" + this.a1 + "/move").with(csrf())
					.param("stage_id", String.valueOf(stageId("proposal")))
					.param("shown", shown));

		Column qualification = Column.of(board, "qualification");
		Column proposal = Column.of(board, "proposal");
		assertThat(qualification.cards()).containsExactly(name("A2"));
		assertThat(qualification.amount()).isEqualTo("500.00");
		assertThat(proposal.cards()).containsExactly(name("A1"), name("A3"));
		assertThat(proposal.count()).isEqualTo(2);
		assertThat(proposal.amount()).isEqualTo("1,200.00");
		assertThat(Column.of(board, "negotiation").cards()).hasSize(30);
	}

	@Test
	void aMoveTheRulesRefuseOpensTheFormWithAWholePageLoad() throws Exception {
		long lost = stageId("lost");
		MockHttpServletResponse response = this.mvc
			.perform(post("/opportunities/" + this.a1 + "/move").with(csrf())
				.param("stage_id", String.valueOf(lost))
				.header("HX-Request", "true")
				.with(user(this.users.loadUserByUsername(this.repA.username()))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("HX-Redirect")).isEqualTo("/opportunities/" + this.a1 + "/edit?stage_id=" + lost);
	}

	@Test
	void theLengthsSentBackAreWholePagesWithinBounds() {
		assertThat(BoardController.lengths("6:50,7:51,8:49,9:3,10:9999,x:1,11")).containsEntry(6L, 50)
			.containsEntry(7L, 75)
			.containsEntry(8L, 50)
			.containsEntry(9L, 25)
			.containsEntry(10L, BoardController.MAX_PAGES * BoardController.CARDS_PER_COLUMN)
			.hasSize(5);
	}

	private String board(Person person, String query) throws Exception {
		return page(person, get("/opportunities/board?" + query));
	}

	private String page(Person person, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc
			.perform(request.header("Accept-Language", "en")
				.header("HX-Request", "true")
				.with(user(this.users.loadUserByUsername(person.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long create(Person owner, String name, String stage, String amount, LocalDate close, Long areaId) {
		OpportunityForm form = new OpportunityForm();
		form.setName(name(name));
		form.setStageId(stageId(stage));
		form.setAmount(new BigDecimal(amount));
		form.setExpectedCloseDate(close);
		form.setBusinessAreaId(areaId);
		long created = this.opportunities.create(form, owner.currentUser(), SaveSource.FORM);
		return created;
	}

	private String name(String name) {
		return this.tag + " " + name;
	}

	private long stageId(String code) {
		return this.pipeline.stage(PipelineService.POTENTIALS, code).orElseThrow().getId();
	}

	private long areaId() {
		return this.pipeline.activeBusinessAreas().get(0).getId();
	}

	/**
	 * A column of the board as the page shows it.
	 */
	record Column(String html) {

		private static final Pattern CARD_NAME = Pattern
			.compile("<li class=\"board-card[^>]*>\\s*<div[^>]*>\\s*<div[^>]*>\\s*<a[^>]*>([^<]*)</a>");

		static Column of(String board, String stageCode) {
			Matcher section = Pattern
				.compile("<section[^>]*id=\"column-" + stageCode + "\".*?</section>", Pattern.DOTALL)
				.matcher(board);
			assertThat(section.find()).as("column " + stageCode).isTrue();
			return new Column(section.group());
		}

		static List<String> cards(String html) {
			List<String> names = new ArrayList<>();
			Matcher matcher = CARD_NAME.matcher(html);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}

		List<String> cards() {
			return cards(this.html);
		}

		long count() {
			return Long.parseLong(text("column-count").replaceAll("[^0-9]", ""));
		}

		String amount() {
			return text("column-amount");
		}

		private String text(String cssClass) {
			Matcher matcher = Pattern.compile("class=\"" + cssClass + "\"[^>]*>([^<]*)<").matcher(this.html);
			assertThat(matcher.find()).isTrue();
			return matcher.group(1).trim();
		}

	}

}
