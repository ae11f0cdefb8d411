package org.potentia.platform.security;

/**
 * Implemented by the principal of every authentication Potentia issues (form sign-in,
 * HTTP Basic, bearer token), so that any module can read the {@link CurrentUser}.
 */
public interface PotentiaPrincipal {

	CurrentUser currentUser();

}
