package org.potentia.demo;

import java.util.List;
import java.util.Random;

import org.potentia.account.Account;
import org.potentia.contact.Contact;
import org.potentia.identity.Team;
import org.potentia.identity.User;
import org.potentia.platform.security.CurrentUser;

/**
 * The demo records made so far, for contributors to link theirs to.
 *
 * @param admin the admin the demo data is created as
 * @param teams the demo teams
 * @param users the demo users (not the admin)
 * @param accounts the demo accounts
 * @param contacts the demo contacts
 * @param random a source of randomness with a fixed seed, so that every demo start makes
 * the same data
 */
public record DemoContext(CurrentUser admin, List<Team> teams, List<User> users, List<Account> accounts,
		List<Contact> contacts, Random random) {

	/**
	 * The users of a team, managers first.
	 */
	public List<User> membersOf(Team team) {
		return this.users.stream()
			.filter((user) -> team.getId().equals(user.getTeamId()))
			.sorted((a, b) -> a.getRole().compareTo(b.getRole()))
			.toList();
	}

	/**
	 * The contacts at an account.
	 */
	public List<Contact> contactsAt(Account account) {
		return this.contacts.stream().filter((contact) -> account.getId().equals(contact.getAccountId())).toList();
	}

}
