package org.potentia.pipeline;

import java.util.List;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stages, business areas and lost reasons in the catalogue: read-only API modules, so
 * that integrators can look up the ids the other modules refer to.
 */
@Configuration(proxyBeanMethods = false)
class PipelineCatalogue {

	static final String STAGES = "stages";

	@Bean
	ModuleDefinition stagesModule() {
		return ModuleDefinition.builder(STAGES, "pipeline_stages")
			.display("{a}.name_{lang}")
			.defaultSort("module,sort_order")
			.field(Field.of("module", FieldType.PICKLIST)
				.options(List.of(PipelineService.LEADS, PipelineService.POTENTIALS))
				.readOnly())
			.field(Field.of("code", FieldType.TEXT).size(50).readOnly())
			.field(Field.of("name_en", FieldType.TEXT).size(100).readOnly())
			.field(Field.of("name_de", FieldType.TEXT).size(100).readOnly())
			.field(Field.of("sort_order", FieldType.INTEGER).readOnly())
			.field(Field.of("probability", FieldType.PERCENT).readOnly())
			.field(Field.of("kind", FieldType.PICKLIST).options(List.of("open", "won", "lost")).readOnly())
			.field(Field.of("pipeline_mode", FieldType.PICKLIST).options(List.of("both", "single", "split")).readOnly())
			.field(Field.of("active", FieldType.BOOLEAN).readOnly())
			.build();
	}

	@Bean
	ModuleDefinition businessAreasModule() {
		return listModule("business_areas");
	}

	@Bean
	ModuleDefinition lostReasonsModule() {
		return listModule("lost_reasons");
	}

	private static ModuleDefinition listModule(String name) {
		return ModuleDefinition.builder(name, name)
			.display("{a}.name_{lang}")
			.defaultSort("sort_order")
			.field(Field.of("name_en", FieldType.TEXT).size(100).readOnly())
			.field(Field.of("name_de", FieldType.TEXT).size(100).readOnly())
			.field(Field.of("sort_order", FieldType.INTEGER).readOnly())
			.field(Field.of("active", FieldType.BOOLEAN).readOnly())
			.build();
	}

}
