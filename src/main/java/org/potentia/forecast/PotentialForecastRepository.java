package org.potentia.forecast;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PotentialForecastRepository extends JpaRepository<PotentialForecast, Long> {

	List<PotentialForecast> findByPotentialIdOrderByForecastMonthAscIdAsc(long potentialId);

	@Query("select count(f) > 0 from PotentialForecast f where f.potentialId = ?1 and f.edited = true")
	boolean anyEdited(long potentialId);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from PotentialForecast f where f.potentialId = ?1")
	int deleteByPotential(long potentialId);

}
