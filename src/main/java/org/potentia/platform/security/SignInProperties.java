package org.potentia.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in by password (the form and HTTP Basic at {@code /api/v1/tokens}) resists
 * guessing.
 *
 * @param userFailures failed sign-ins under one user name before it is locked; the budget
 * refills completely within {@code lockMax}
 * @param lockFirst the first lock of a user name
 * @param lockMax the longest lock: each further lock doubles the previous one up to this,
 * so that a lock always ends and an attacker cannot lock a user out for good
 * @param addressFailures failed sign-ins one address may make within
 * {@code addressWindow}; beyond them every sign-in from it waits for the budget to refill
 * @param addressWindow the window of the address budget
 */
@ConfigurationProperties("potentia.signin")
public record SignInProperties(@DefaultValue("5") int userFailures, @DefaultValue("PT5M") Duration lockFirst,
		@DefaultValue("PT1H") Duration lockMax, @DefaultValue("30") int addressFailures,
		@DefaultValue("PT10M") Duration addressWindow) {

}
