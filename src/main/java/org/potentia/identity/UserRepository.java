package org.potentia.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByUsernameIgnoreCase(String username);

	List<User> findAllByOrderByLastNameAscFirstNameAsc();

	List<User> findByActiveTrueOrderByLastNameAscFirstNameAsc();

	boolean existsByUsernameIgnoreCase(String username);

}
