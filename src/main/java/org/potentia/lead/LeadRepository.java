package org.potentia.lead;

import org.springframework.data.jpa.repository.JpaRepository;

interface LeadRepository extends JpaRepository<Lead, Long> {

}
