package org.potentia.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	/**
	 * The active owner of a token that is not revoked, with when the token was last used,
	 * in one statement: this runs on every API request.
	 */
	@Query("""
			select new org.potentia.identity.ApiTokenRepository$TokenOwner(u, t.id, t.lastUsedAt)
			from ApiToken t join User u on u.id = t.userId
			where t.tokenHash = ?1 and t.revokedAt is null and u.active = true""")
	Optional<TokenOwner> findOwner(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

	@Modifying
	@Transactional
	@Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1")
	void touch(Long id, Instant at);

	record TokenOwner(User user, Long tokenId, Instant lastUsedAt) {
	}

}
