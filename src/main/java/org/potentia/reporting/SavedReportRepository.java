package org.potentia.reporting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SavedReportRepository extends JpaRepository<SavedReport, Long> {

	@Query("""
			select r from SavedReport r
			where r.ownerId = :userId or r.sharing = 'everyone' or (r.sharing = 'team' and r.teamId = :teamId)
			order by r.folder asc nulls first, r.name asc, r.id asc""")
	List<SavedReport> findVisible(long userId, Long teamId);

	@Query("select r from SavedReport r order by r.folder asc nulls first, r.name asc, r.id asc")
	List<SavedReport> findAllOrdered();

	@Query("select r from SavedReport r where r.schedule <> 'none' and r.nextSendAt <= :now order by r.nextSendAt")
	List<SavedReport> findDue(java.time.Instant now);

}
