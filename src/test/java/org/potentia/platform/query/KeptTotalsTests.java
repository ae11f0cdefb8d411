package org.potentia.platform.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The totals PostgreSQL keeps with triggers are the rows summed up, after every kind of
 * write: through the services (create, move, change of amount, owner and area, delete)
 * and by set-based SQL. Compared over the whole tables, so that a write anywhere in the
 * suite that the triggers missed shows here too. H2 keeps no totals.
 */
@PotentiaTest
class KeptTotalsTests {

	static final String ROWS = "SELECT stage_id, COALESCE(owner_id, 0), COALESCE(business_area_id, 0), COUNT(*),"
			+ " COALESCE(SUM(amount), 0), COALESCE(SUM(weighted_amount), 0) FROM potentials GROUP BY 1, 2, 3";

	static final String KEPT = "SELECT stage_id, owner_id, business_area_id, records, amount, weighted_amount"
			+ " FROM potential_totals WHERE records <> 0";

	@Autowired
	KeptTotals kept;

	@Autowired
	Catalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	AccountService accounts;

	@Autowired
	PipelineService pipeline;

	@BeforeEach
	void onlyWhereTheDatabaseKeepsThem() {
		assumeTrue(this.kept.kept(), "only PostgreSQL keeps totals");
	}

	@Test
	void theKeptTotalsAreTheRowsSummedUpAfterEveryKindOfWrite() {
		CurrentUser rep = this.people.rep().currentUser();
		CurrentUser other = this.people.rep().currentUser();
		long area = this.pipeline.activeBusinessAreas().get(0).getId();
		long moved = create(rep, "Moved", "100.50", null);
		long changed = create(rep, "Changed", "200", null);
		long deleted = create(rep, "Deleted", "300", area);
		create(rep, "Without amount", null, null);
		this.opportunities.moveTo(moved, stage("proposal"), null, rep, SaveSource.BOARD);
		OpportunityForm form = this.opportunities.formOf(changed, rep);
		form.setAmount(new BigDecimal("250.25"));
		form.setBusinessAreaId(area);
		form.setOwnerId(other.id());
		this.opportunities.update(changed, form, rep, SaveSource.FORM);
		this.opportunities.delete(deleted, rep, SaveSource.FORM);
		this.jdbc.sql("UPDATE potentials SET owner_id = NULL WHERE owner_id = ? AND name = 'Without amount'")
			.param(rep.id())
			.update();
		this.jdbc.sql("UPDATE potentials SET description = 'set-based' WHERE owner_id = ?").param(rep.id()).update();

		AccountForm account = this.accounts.newForm(rep);
		account.setName("Counted");
		long accountId = this.accounts.create(account, rep, SaveSource.FORM);
		AccountForm handedOver = this.accounts.formOf(accountId, rep);
		handedOver.setOwnerId(other.id());
		this.accounts.update(accountId, handedOver, rep, SaveSource.FORM);
		this.jdbc.sql("DELETE FROM accounts WHERE id = ?").param(accountId).update();

		assertThat(difference(ROWS, KEPT)).as("rows not kept").isEmpty();
		assertThat(difference(KEPT, ROWS)).as("kept without rows").isEmpty();
		List<String> tables = this.catalogue.modules()
			.stream()
			.filter(ModuleDefinition::countedPerOwner)
			.map(ModuleDefinition::table)
			.toList();
		assertThat(tables).contains("accounts", "contacts", "leads", "potentials");
		for (String table : tables) {
			String rows = "SELECT COALESCE(owner_id, 0), COUNT(*) FROM " + table + " GROUP BY 1";
			String counted = "SELECT owner_id, records FROM record_counts WHERE table_name = '" + table
					+ "' AND records <> 0";
			assertThat(difference(rows, counted)).as(table + " not counted").isEmpty();
			assertThat(difference(counted, rows)).as(table + " counted without rows").isEmpty();
		}
	}

	private List<String> difference(String left, String right) {
		return this.jdbc.sql("SELECT CAST(d AS TEXT) FROM ((" + left + ") EXCEPT (" + right + ")) d")
			.query(String.class)
			.list();
	}

	private long create(CurrentUser owner, String name, String amount, Long areaId) {
		OpportunityForm form = new OpportunityForm();
		form.setName(name);
		form.setAmount((amount != null) ? new BigDecimal(amount) : null);
		form.setExpectedCloseDate(LocalDate.of(2030, 6, 1));
		form.setBusinessAreaId(areaId);
		return this.opportunities.create(form, owner, SaveSource.FORM);
	}

	private long stage(String code) {
		return this.pipeline.stage(PipelineService.POTENTIALS, code).orElseThrow().getId();
	}

}
