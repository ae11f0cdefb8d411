package org.potentia.tool;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModuleToolRepository extends JpaRepository<ModuleTool, Long> {

	List<ModuleTool> findByModuleOrderBySortOrderAscIdAsc(String module);

	List<ModuleTool> findAllByOrderByModuleAscSortOrderAscIdAsc();

	Optional<ModuleTool> findByCode(String code);

	boolean existsByCode(String code);

}
