/**
 * Pipeline configuration: the stages of the leads and opportunity modules (order, default
 * probability, kind), the pipeline mode (single or split), business areas and lost
 * reasons.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipeline")
package org.potentia.pipeline;
