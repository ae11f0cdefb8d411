package org.potentia.pipeline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BusinessAreaRepository extends JpaRepository<BusinessArea, Long> {

	List<BusinessArea> findAllByOrderBySortOrderAscIdAsc();

}
