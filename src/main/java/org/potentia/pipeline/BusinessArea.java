package org.potentia.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A business area (Geschäftsbereich) an opportunity belongs to.
 */
@Entity
@Table(name = "business_areas")
public class BusinessArea extends ListEntry {

}
