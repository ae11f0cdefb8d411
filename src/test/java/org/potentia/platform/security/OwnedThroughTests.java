package org.potentia.platform.security;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.settings.Settings;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module owned through a linked record (budget rows through their account, and rows of
 * a record owned through another) is seen by exactly whoever sees that record. Runs the
 * rule's SQL on an in-memory database with two teams.
 */
class OwnedThroughTests {

	private static final ModuleDefinition ACCOUNTS = ModuleDefinition.builder("accounts", "accounts")
		.ownedBy("owner_id")
		.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner"))
		.build();

	private static final ModuleDefinition BUDGETS = ModuleDefinition.builder("budgets", "budgets")
		.ownedThrough("account_id")
		.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account").required())
		.build();

	private static final ModuleDefinition LINES = ModuleDefinition.builder("budget_lines", "budget_lines")
		.ownedThrough("budget_id")
		.field(Field.of("budget_id", FieldType.RELATION).relation("budgets", "budget").required())
		.build();

	private static final ModuleDefinition USERS = ModuleDefinition.builder("users", "users").build();

	private JdbcClient jdbc;

	private Visibility visibility;

	@BeforeEach
	void database() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				"jdbc:h2:mem:owned" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", true);
		this.jdbc = JdbcClient.create(dataSource);
		for (String statement : List.of("CREATE TABLE settings (setting_key VARCHAR(100), setting_value VARCHAR(100))",
				"CREATE TABLE users (id BIGINT PRIMARY KEY, team_id BIGINT)",
				"CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner_id BIGINT)",
				"CREATE TABLE budgets (id BIGINT PRIMARY KEY, account_id BIGINT)",
				"CREATE TABLE budget_lines (id BIGINT PRIMARY KEY, budget_id BIGINT)",
				"INSERT INTO users VALUES (1, 10), (2, 10), (3, 20)",
				"INSERT INTO accounts VALUES (100, 1), (200, 2), (300, 3)",
				"INSERT INTO budgets VALUES (1000, 100), (2000, 200), (3000, 300)",
				"INSERT INTO budget_lines VALUES (1, 1000), (2, 2000), (3, 3000)")) {
			this.jdbc.sql(statement).update();
		}
		Catalogue catalogue = new Catalogue(List.of(USERS, ACCOUNTS, BUDGETS, LINES), new StaticMessageSource());
		this.visibility = new Visibility(new Settings(this.jdbc), catalogue);
	}

	@Test
	void aRepSeesTheRowsOfTheirOwnAccountsOnly() {
		CurrentUser rep = user(1, Role.REP, 10L);
		assertThat(visible(BUDGETS, rep)).containsExactly(1000L);
		assertThat(visible(LINES, rep)).containsExactly(1L);
	}

	@Test
	void aManagerSeesTheTeamsRows() {
		CurrentUser manager = user(2, Role.MANAGER, 10L);
		assertThat(visible(BUDGETS, manager)).containsExactly(1000L, 2000L);
		assertThat(visible(LINES, manager)).containsExactly(1L, 2L);
	}

	@Test
	void anAdminSeesEverything() {
		CurrentUser admin = user(9, Role.ADMIN, null);
		assertThat(visible(LINES, admin)).containsExactly(1L, 2L, 3L);
		assertThat(BUDGETS.restricted()).isTrue();
		assertThat(USERS.restricted()).isFalse();
	}

	private List<Long> visible(ModuleDefinition module, CurrentUser user) {
		SqlCondition where = this.visibility.predicate(module, user);
		return this.jdbc.sql("SELECT t.id FROM " + module.table() + " t WHERE " + where.sql() + " ORDER BY t.id")
			.params(where.parameters())
			.query(Long.class)
			.list();
	}

	private static CurrentUser user(long id, Role role, Long team) {
		return new CurrentUser(id, "u" + id, "User " + id, role, team, null);
	}

}
