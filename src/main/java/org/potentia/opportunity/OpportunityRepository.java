package org.potentia.opportunity;

import org.springframework.data.jpa.repository.JpaRepository;

interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

}
