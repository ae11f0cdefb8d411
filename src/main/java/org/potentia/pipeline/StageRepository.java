package org.potentia.pipeline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StageRepository extends JpaRepository<Stage, Long> {

	List<Stage> findByModuleOrderBySortOrderAscIdAsc(String module);

	Optional<Stage> findByModuleAndCode(String module, String code);

	boolean existsByModuleAndCode(String module, String code);

}
