package org.potentia.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Why an opportunity was lost.
 */
@Entity
@Table(name = "lost_reasons")
public class LostReason extends ListEntry {

}
