package org.potentia.platform.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Resolves the bearer token of an API request to its user's authentication. Implemented
 * by the identity module, which stores tokens hashed.
 */
public interface ApiTokenAuthenticator {

	Optional<Authentication> authenticate(String token);

}
