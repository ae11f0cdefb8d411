package org.potentia.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkflowRepository extends JpaRepository<Workflow, Long> {

	List<Workflow> findByModuleAndActiveTrueOrderByIdAsc(String module);

	List<Workflow> findByModuleOrderByNameAscIdAsc(String module);

}
