package org.potentia.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1")
	void touch(Long id, java.time.Instant at);

}
