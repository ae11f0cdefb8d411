package org.potentia.pipeline;

/**
 * How the pipeline is split between leads and opportunities. In {@code SINGLE} mode the
 * opportunity stages run the whole pipeline from lead generation to close; in
 * {@code SPLIT} mode the lead stages hold the marketing phases and the opportunity stages
 * the sales phases. Each stage says in which modes it is offered; switching mode hides
 * stages, never records.
 */
public enum PipelineMode {

	SINGLE, SPLIT;

	public String code() {
		return name().toLowerCase();
	}

	boolean offers(String stageMode) {
		return "both".equals(stageMode) || code().equals(stageMode);
	}

}
