package org.potentia.identity;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

	List<Team> findAllByOrderByName();

	boolean existsByNameIgnoreCase(String name);

}
