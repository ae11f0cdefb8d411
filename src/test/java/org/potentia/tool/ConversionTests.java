package org.potentia.tool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.lead.LeadForm;
import org.potentia.lead.LeadService;
import org.potentia.opportunity.OpportunityRules;
import org.potentia.platform.ConflictException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Converting a lead: everything linked in one transaction, at most once, and nothing left
 * behind when it fails.
 */
@PotentiaTest
class ConversionTests {

	@Autowired
	ConversionService conversions;

	@Autowired
	LeadService leads;

	@Autowired
	AccountService accounts;

	@Autowired
	IdentityService identity;

	@Autowired
	OpportunityRules rules;

	@Autowired
	JdbcClient jdbc;

	CurrentUser rep;

	String tag;

	@BeforeEach
	void setUp() {
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.createUser("c" + this.tag, "password-1234", null, "Rep " + this.tag, null, Role.REP,
				null);
		this.rep = new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), Role.REP, null, null);
	}

	@AfterEach
	void resetRules() {
		this.rules.change(Set.of(), true, null, "test");
	}

	@Test
	void theDefaultToolCreatesAndLinksOpportunityAccountAndContact() {
		long lead = lead("Kraus " + this.tag, "kraus-" + this.tag + "@example.com");
		ConversionService.Result result = this.conversions.convert(lead, ConversionService.Request.defaults(), this.rep,
				SaveSource.FORM);
		assertThat(result.accountCreated()).isTrue();
		assertThat(result.contactCreated()).isTrue();
		Map<String, Object> opportunity = this.jdbc
			.sql("SELECT name, account_id, contact_id, lead_id FROM potentials WHERE id = ?")
			.param(result.opportunityId())
			.query()
			.singleRow();
		assertThat(opportunity.get("name")).isEqualTo("Kraus " + this.tag);
		assertThat(((Number) opportunity.get("account_id")).longValue()).isEqualTo(result.accountId());
		assertThat(((Number) opportunity.get("contact_id")).longValue()).isEqualTo(result.contactId());
		assertThat(((Number) opportunity.get("lead_id")).longValue()).isEqualTo(lead);
		assertThat(this.jdbc.sql("SELECT account_id FROM contacts WHERE id = ?")
			.param(result.contactId())
			.query(Long.class)
			.single()).isEqualTo(result.accountId());
		assertThat(this.leads.get(lead, this.rep).isConverted()).isTrue();
		assertThat(this.jdbc.sql("SELECT source FROM potential_history WHERE potential_id = ?")
			.param(result.opportunityId())
			.query(String.class)
			.single()).isEqualTo("conversion");
	}

	@Test
	void anExistingAccountWithTheCompanyNameIsLinkedAndAnEditedValueIsTaken() {
		AccountForm existing = this.accounts.newForm(this.rep);
		existing.setName("Existing " + this.tag);
		long accountId = this.accounts.create(existing, this.rep, SaveSource.FORM);
		long lead = lead("Existing " + this.tag, null);
		ConversionService.Request request = new ConversionService.Request(null,
				Map.of("potentials", Map.of("amount", "12500")), null, null, null, null);
		ConversionService.Result result = this.conversions.convert(lead, request, this.rep, SaveSource.FORM);
		assertThat(result.accountId()).isEqualTo(accountId);
		assertThat(result.accountCreated()).isFalse();
		assertThat(this.jdbc.sql("SELECT amount FROM potentials WHERE id = ?")
			.param(result.opportunityId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("12500");
	}

	@Test
	void aSecondConversionIsRefused() {
		long lead = lead("Twice " + this.tag, null);
		this.conversions.convert(lead, ConversionService.Request.defaults(), this.rep, SaveSource.FORM);
		assertThatThrownBy(
				() -> this.conversions.convert(lead, ConversionService.Request.defaults(), this.rep, SaveSource.API))
			.isInstanceOf(ConflictException.class);
		assertThat(opportunitiesFrom(lead)).isEqualTo(1);
	}

	@Test
	void aFailureLeavesNothingCreatedAndTheLeadUnconverted() {
		this.rules.change(Set.of("amount"), true, null, "test");
		long lead = lead("Failing " + this.tag, "failing-" + this.tag + "@example.com");
		long accountsBefore = count("SELECT COUNT(*) FROM accounts WHERE name = 'Failing " + this.tag + "'");
		assertThatThrownBy(
				() -> this.conversions.convert(lead, ConversionService.Request.defaults(), this.rep, SaveSource.FORM))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.getErrors()).extracting("field").contains("potentials.amount"));
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE name = 'Failing " + this.tag + "'"))
			.isEqualTo(accountsBefore);
		assertThat(count("SELECT COUNT(*) FROM contacts WHERE email = 'failing-" + this.tag + "@example.com'"))
			.isZero();
		assertThat(opportunitiesFrom(lead)).isZero();
		assertThat(this.leads.get(lead, this.rep).isConverted()).isFalse();
	}

	@Test
	void twoConcurrentConversionsYieldOneOpportunity() throws Exception {
		long lead = lead("Race " + this.tag, null);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> outcomes = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					this.conversions.convert(lead, ConversionService.Request.defaults(), this.rep, SaveSource.FORM);
					return "converted";
				}
				catch (ConflictException ex) {
					return "refused";
				}
			}));
		}
		start.countDown();
		List<String> results = new ArrayList<>();
		for (Future<String> outcome : outcomes) {
			results.add(outcome.get());
		}
		pool.shutdown();
		assertThat(results).containsExactlyInAnyOrder("converted", "refused");
		assertThat(opportunitiesFrom(lead)).isEqualTo(1);
	}

	private long lead(String company, String email) {
		LeadForm form = this.leads.newForm(this.rep);
		form.setLastName("Lead " + this.tag);
		form.setCompany(company);
		form.setEmail(email);
		return this.leads.create(form, this.rep, SaveSource.FORM);
	}

	private long opportunitiesFrom(long lead) {
		return count("SELECT COUNT(*) FROM potentials WHERE lead_id = " + lead);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
