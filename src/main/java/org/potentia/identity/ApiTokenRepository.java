package org.potentia.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

	@Modifying
	@Transactional
	@Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1")
	void touch(Long id, Instant at);

}
