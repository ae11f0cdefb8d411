package org.potentia.platform.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages read the page's ids first and the rows after: the pages of a list, one after the
 * other, are the whole list in its order, with the relations' labels, and every page
 * knows the total.
 */
@PotentiaTest
class RecordQueriesTests {

	static final List<String> LAST_NAMES = List.of("Berg", "Adler", "Berg", "Cedar", "Adler", "Berg", "Dahl");

	@Autowired
	RecordQueries queries;

	@Autowired
	Catalogue catalogue;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	IdentityService identity;

	CurrentUser rep;

	long accountId;

	String accountName;

	@BeforeEach
	void contacts() {
		String name = "u" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.createUser(name, "password-1234", "Test", name, null, Role.REP, null);
		this.rep = new CurrentUser(user.getId(), name, name, Role.REP, null, null);
		AccountForm account = this.accounts.newForm(this.rep);
		this.accountName = "Paging " + name;
		account.setName(this.accountName);
		this.accountId = this.accounts.create(account, this.rep, SaveSource.FORM);
		for (String lastName : LAST_NAMES) {
			ContactForm contact = this.contacts.newForm(this.rep);
			contact.setLastName(lastName);
			contact.setAccountId(this.accountId);
			this.contacts.create(contact, this.rep, SaveSource.FORM);
		}
	}

	@Test
	void pagesTogetherAreTheWholeListInOrder() {
		ModuleDefinition module = this.catalogue.get("contacts");
		SqlCondition ofAccount = SqlCondition.of("t.account_id = ?", this.accountId);
		for (String sort : List.of("last_name", "-last_name", "-id")) {
			PageResult whole = this.queries.list(module, new ListQuery(null, ofAccount, sort, 1, 50), this.rep);
			assertThat(whole.total()).isEqualTo(LAST_NAMES.size());
			List<Object> paged = new ArrayList<>();
			for (int page = 1; page <= 4; page++) {
				PageResult result = this.queries.list(module, new ListQuery(null, ofAccount, sort, page, 3), this.rep);
				assertThat(result.total()).as("total on page %d", page).isEqualTo(LAST_NAMES.size());
				result.rows().forEach((row) -> paged.add(row.get("id")));
			}
			assertThat(paged).as(sort).isEqualTo(whole.rows().stream().map((row) -> row.get("id")).toList());
		}
	}

	@Test
	void rowsCarryTheLabelsOfTheirRelationsAndFilterOnThem() {
		ModuleDefinition module = this.catalogue.get("contacts");
		SqlCondition byAccountName = new SqlCondition("r_account.name = ?", List.of(this.accountName),
				Set.of("account"));
		PageResult page = this.queries.list(module, new ListQuery(null, byAccountName, "last_name", 2, 2), this.rep);
		assertThat(page.total()).isEqualTo(LAST_NAMES.size());
		assertThat(page.rows()).extracting((row) -> row.get("last_name")).containsExactly("Berg", "Berg");
		assertThat(page.rows()).allSatisfy((Map<String, Object> row) -> {
			assertThat(row.get("account_id__label")).isEqualTo(this.accountName);
			assertThat(row.get(RecordQueries.DISPLAY)).isEqualTo("Berg");
		});
	}

	@Test
	void countAndSumsComeTogether() {
		ModuleDefinition module = this.catalogue.get("contacts");
		SqlCondition ofAccount = SqlCondition.of("t.account_id = ?", this.accountId);
		RecordQueries.Totals totals = this.queries.totals(module, new ListQuery(null, ofAccount, null, 1, 25), this.rep,
				Map.of("ids", "t.account_id"));
		assertThat(totals.count()).isEqualTo(LAST_NAMES.size());
		assertThat(totals.sums().get("ids")).isEqualByComparingTo(String.valueOf(this.accountId * LAST_NAMES.size()));
	}

}
