package org.potentia.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.account.Account;
import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.contact.Contact;
import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.identity.IdentityService;
import org.potentia.identity.Team;
import org.potentia.identity.User;
import org.potentia.platform.SaveSource;
import org.potentia.platform.StartupTask;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.PotentiaPrincipal;
import org.potentia.platform.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code potentia.demo=true} ({@code POTENTIA_DEMO=true}) and no account in the
 * database yet, creates demo data through the modules' services, as the admin: two teams,
 * a manager and two reps in each, the accounts of {@code demo/accounts.csv} and the
 * contacts of {@code demo/contacts.csv}, spread over the team members by region; then
 * lets the {@link DemoContributor}s add theirs. All of it commits in one transaction, so
 * a failure leaves no half-made demo behind.
 */
@Component
@ConditionalOnBooleanProperty("potentia.demo")
// After identity's AdminBootstrap (highest precedence): the admin must exist.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements StartupTask {

	static final long SEED = 4711;

	static final String NORTH = "Nord";

	static final String SOUTH = "Süd";

	static final List<DemoUser> USERS = List.of(new DemoUser("katrin.albers", "Katrin", "Albers", Role.MANAGER, NORTH),
			new DemoUser("jonas.petersen", "Jonas", "Petersen", Role.REP, NORTH),
			new DemoUser("mia.hansen", "Mia", "Hansen", Role.REP, NORTH),
			new DemoUser("stefan.huber", "Stefan", "Huber", Role.MANAGER, SOUTH),
			new DemoUser("lena.maier", "Lena", "Maier", Role.REP, SOUTH),
			new DemoUser("tobias.gruber", "Tobias", "Gruber", Role.REP, SOUTH));

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final IdentityService identity;

	private final AccountService accounts;

	private final ContactService contacts;

	private final ObjectProvider<DemoContributor> contributors;

	private final TransactionTemplate transactions;

	private final String adminUsername;

	private final String password;

	DemoData(IdentityService identity, AccountService accounts, ContactService contacts,
			ObjectProvider<DemoContributor> contributors, TransactionTemplate transactions,
			@Value("${potentia.admin.username:admin}") String adminUsername,
			@Value("${potentia.demo.password:potentia-demo-2026}") String password) {
		this.identity = identity;
		this.accounts = accounts;
		this.contacts = contacts;
		this.contributors = contributors;
		this.transactions = transactions;
		this.adminUsername = adminUsername;
		this.password = password;
	}

	@Override
	public void runAtStartup() {
		if (this.accounts.hasAccounts()) {
			logger.info("Potentia made no demo data: the database has accounts already");
			return;
		}
		Optional<CurrentUser> admin = findAdmin();
		if (admin.isEmpty()) {
			logger.warn("Potentia made no demo data: there is no active admin to make it as");
			return;
		}
		DemoContext context = runAs(admin.get(), () -> this.transactions.execute((status) -> create(admin.get())));
		logger.info("""
				Potentia made demo data: {} teams, {} users, {} accounts and {} contacts. \
				The demo users ({}) sign in with the password '{}'.""", context.teams().size(), context.users().size(),
				context.accounts().size(), context.contacts().size(),
				String.join(", ", USERS.stream().map(DemoUser::username).toList()), this.password);
	}

	private DemoContext create(CurrentUser admin) {
		Map<String, Team> teams = new LinkedHashMap<>();
		teams.put(NORTH, team(NORTH));
		teams.put(SOUTH, team(SOUTH));
		List<User> users = USERS.stream().map((user) -> user(user, teams.get(user.team()))).toList();
		Random random = new Random(SEED);
		Map<String, Owners> owners = new LinkedHashMap<>();
		teams.forEach((name, team) -> owners.put(name, new Owners(
				users.stream().filter((user) -> team.getId().equals(user.getTeamId())).map(User::getId).toList())));

		Map<String, Account> accountsByName = new LinkedHashMap<>();
		for (CSVRecord row : read("demo/accounts.csv")) {
			String domain = row.get("domain");
			AccountForm form = new AccountForm();
			form.setName(row.get("name"));
			form.setAccountType(row.get("account_type"));
			form.setIndustry(row.get("industry"));
			form.setWebsite("https://www." + domain + ".example");
			form.setEmail("info@" + domain + ".example");
			form.setPhone(row.get("phone"));
			form.setStreet(row.get("street"));
			form.setPostalCode(row.get("postal_code"));
			form.setCity(row.get("city"));
			form.setCountry(row.get("country"));
			form.setNotes(row.get("notes"));
			form.setOwnerId(owners.get(teamOf(row)).nextAccountOwner());
			accountsByName.put(form.getName(),
					this.accounts.get(this.accounts.create(form, admin, SaveSource.FORM), admin));
		}

		List<Contact> contacts = new ArrayList<>();
		for (CSVRecord row : read("demo/contacts.csv")) {
			Account account = accountsByName.get(row.get("account"));
			if (account == null) {
				throw new IllegalStateException("demo/contacts.csv names an unknown account: " + row.get("account"));
			}
			Owners team = owners.values()
				.stream()
				.filter((candidate) -> candidate.members().contains(account.getOwnerId()))
				.findFirst()
				.orElseThrow();
			ContactForm form = new ContactForm();
			form.setFirstName(row.get("first_name"));
			form.setLastName(row.get("last_name"));
			form.setTitle(row.get("title"));
			form.setEmail(row.get("email"));
			form.setPhone(row.get("phone"));
			form.setMobile(row.get("mobile"));
			form.setAccountId(account.getId());
			form.setOwnerId(team.contactOwner(account.getOwnerId()));
			contacts.add(this.contacts.get(this.contacts.create(form, admin, SaveSource.FORM), admin));
		}

		DemoContext context = new DemoContext(admin, List.copyOf(teams.values()), users,
				List.copyOf(accountsByName.values()), List.copyOf(contacts), random);
		this.contributors.orderedStream().forEach((contributor) -> contributor.contribute(context));
		return context;
	}

	private Team team(String name) {
		return this.identity.allTeams()
			.stream()
			.filter((team) -> team.getName().equalsIgnoreCase(name))
			.findFirst()
			.orElseGet(() -> this.identity.createTeam(name));
	}

	private User user(DemoUser user, Team team) {
		return this.identity.allUsers()
			.stream()
			.filter((existing) -> existing.getUsername().equalsIgnoreCase(user.username()))
			.findFirst()
			.orElseGet(() -> this.identity.createUser(user.username(), this.password, user.firstName(), user.lastName(),
					user.username() + "@potentia.example", user.role(), team.getId()));
	}

	private Optional<CurrentUser> findAdmin() {
		List<User> admins = this.identity.allUsers()
			.stream()
			.filter((user) -> user.getRole() == Role.ADMIN && user.isActive())
			.toList();
		return admins.stream()
			.filter((user) -> user.getUsername().equalsIgnoreCase(this.adminUsername))
			.findFirst()
			.or(() -> admins.stream().findFirst())
			.map((user) -> new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
					user.getTeamId(), user.getLocale()));
	}

	private static String teamOf(CSVRecord row) {
		return switch (row.get("team")) {
			case "nord" -> NORTH;
			case "sued" -> SOUTH;
			default -> throw new IllegalStateException("demo/accounts.csv: unknown team " + row.get("team"));
		};
	}

	private static List<CSVRecord> read(String resource) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8)) {
			return format.parse(reader).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs the work with the admin signed in, so that the records say who made them.
	 */
	private static <T> T runAs(CurrentUser user, java.util.function.Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new DemoPrincipal(user), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * A demo user: a manager or rep of one of the two teams.
	 */
	record DemoUser(String username, String firstName, String lastName, Role role, String team) {
	}

	/**
	 * The admin as the principal of the demo's security context.
	 */
	record DemoPrincipal(CurrentUser currentUser) implements PotentiaPrincipal, java.security.Principal {

		@Override
		public String getName() {
			return this.currentUser.username();
		}

	}

	/**
	 * Hands out a team's records: accounts mostly to the reps, some to the manager; a
	 * contact to its account's owner, every fourth to a colleague in the same team.
	 */
	static final class Owners {

		private final List<Long> members;

		private int accounts;

		private int contacts;

		Owners(List<Long> members) {
			this.members = members;
		}

		List<Long> members() {
			return this.members;
		}

		Long nextAccountOwner() {
			// members: manager first, then the reps; the manager gets every fifth
			// account.
			int turn = this.accounts++ % 5;
			return (turn == 4 || this.members.size() == 1) ? this.members.get(0)
					: this.members.get(1 + turn % (this.members.size() - 1));
		}

		Long contactOwner(Long accountOwner) {
			if (++this.contacts % 4 != 0) {
				return accountOwner;
			}
			int index = this.members.indexOf(accountOwner);
			return this.members.get((index + 1) % this.members.size());
		}

	}

}
