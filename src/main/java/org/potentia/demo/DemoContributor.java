package org.potentia.demo;

/**
 * Adds a module's demo records (leads, opportunities, …) to the base data. Implement it
 * as a bean in the module; contributors run in
 * {@link org.springframework.core.annotation.Order} after the teams, users, accounts and
 * contacts exist, in the same transaction and as the admin, and only on the start that
 * creates the demo data.
 */
@FunctionalInterface
public interface DemoContributor {

	void contribute(DemoContext context);

}
