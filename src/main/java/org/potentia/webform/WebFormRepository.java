package org.potentia.webform;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebFormRepository extends JpaRepository<WebForm, Long> {

	Optional<WebForm> findByKey(String key);

	List<WebForm> findAllByOrderByNameAsc();

}
