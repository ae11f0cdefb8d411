package org.potentia.account;

import java.util.Arrays;
import java.util.List;

/**
 * What an account is to us.
 */
public enum AccountType {

	CUSTOMER, PROSPECT, PARTNER, COMPETITOR, OTHER;

	public String code() {
		return name().toLowerCase();
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(AccountType::code).toList();
	}

}
