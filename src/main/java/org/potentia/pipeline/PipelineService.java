package org.potentia.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.settings.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline's stages, mode, business areas and lost reasons, for the modules that use
 * them and for the admin pages.
 */
@Service
@Transactional(readOnly = true)
public class PipelineService {

	public static final String LEADS = "leads";

	public static final String POTENTIALS = "potentials";

	static final String MODE = "pipeline.mode";

	private final StageRepository stages;

	private final BusinessAreaRepository areas;

	private final LostReasonRepository reasons;

	private final Settings settings;

	private final RecordQueries queries;

	private final ModuleDefinition stagesModule;

	PipelineService(StageRepository stages, BusinessAreaRepository areas, LostReasonRepository reasons,
			Settings settings, RecordQueries queries, ModuleDefinition stagesModule) {
		this.stages = stages;
		this.areas = areas;
		this.reasons = reasons;
		this.settings = settings;
		this.queries = queries;
		this.stagesModule = stagesModule;
	}

	public PipelineMode mode() {
		return this.settings.get(MODE)
			.filter((code) -> code.equals("single"))
			.map((code) -> PipelineMode.SINGLE)
			.orElse(PipelineMode.SPLIT);
	}

	@Transactional
	public void changeMode(PipelineMode mode, CurrentUser user) {
		this.settings.set(MODE, mode.code(), user.username());
	}

	/**
	 * Whether a record can be moved into the stage now, as {@link #offeredStages}
	 * decides, without reading the module's other stages: a bulk import checks this for
	 * every row.
	 */
	private boolean isOffered(Stage stage) {
		return stage.isActive() && mode().offers(stage.getPipelineMode());
	}

	/**
	 * All stages of a module, in order, offered or not.
	 */
	public List<Stage> stages(String module) {
		return this.stages.findByModuleOrderBySortOrderAscIdAsc(module);
	}

	/**
	 * The stages a record can be moved into now: active and offered in the current mode.
	 */
	public List<Stage> offeredStages(String module) {
		PipelineMode mode = mode();
		return stages(module).stream()
			.filter(Stage::isActive)
			.filter((stage) -> mode.offers(stage.getPipelineMode()))
			.toList();
	}

	public Optional<Stage> stage(Long id) {
		return (id != null) ? this.stages.findById(id) : Optional.empty();
	}

	public Optional<Stage> stage(String module, String code) {
		return this.stages.findByModuleAndCode(module, code);
	}

	/**
	 * The stage a new record starts in: the first offered open stage.
	 */
	public Stage defaultStage(String module) {
		return offeredStages(module).stream()
			.filter((stage) -> stage.getKind() == StageKind.OPEN)
			.findFirst()
			.or(() -> stages(module).stream().findFirst())
			.orElseThrow(() -> new IllegalStateException("The " + module + " pipeline has no stages"));
	}

	/**
	 * Checks that a record of the module may be in this stage: it exists and belongs to
	 * the module, and is offered unless the record is already in it.
	 * @param field the catalogue field for the error
	 * @param current the record's present stage, or null for a new record
	 */
	public Stage requireStage(String module, Long stageId, Long current, String field) {
		Stage stage = stage(stageId).filter((candidate) -> candidate.getModule().equals(module))
			.orElseThrow(() -> ValidationException.of(field, "error.stage.unknown"));
		if (!stageId.equals(current) && !isOffered(stage)) {
			throw ValidationException.of(field, "error.stage.not_offered");
		}
		return stage;
	}

	public List<BusinessArea> businessAreas() {
		return this.areas.findAllByOrderBySortOrderAscIdAsc();
	}

	public List<BusinessArea> activeBusinessAreas() {
		return businessAreas().stream().filter(ListEntry::isActive).toList();
	}

	public Optional<BusinessArea> businessArea(Long id) {
		return (id != null) ? this.areas.findById(id) : Optional.empty();
	}

	public List<LostReason> lostReasons() {
		return this.reasons.findAllByOrderBySortOrderAscIdAsc();
	}

	public List<LostReason> activeLostReasons() {
		return lostReasons().stream().filter(ListEntry::isActive).toList();
	}

	public Optional<LostReason> lostReason(Long id) {
		return (id != null) ? this.reasons.findById(id) : Optional.empty();
	}

	// Admin

	@Transactional
	public Stage addStage(String module, String nameEn, String nameDe, int probability, StageKind kind,
			String pipelineMode) {
		checkModule(module);
		checkStage(nameEn, nameDe, probability, pipelineMode);
		int order = stages(module).stream().mapToInt(Stage::getSortOrder).max().orElse(0) + 10;
		String code = uniqueCode(module, nameEn);
		Stage stage = new Stage(module, code, order);
		stage.define(nameEn.trim(), nameDe.trim(), probability, kind, pipelineMode);
		return this.stages.save(stage);
	}

	/**
	 * Changes a stage.
	 * @param version the version the admin's page showed, or null if it does not say
	 * @throws ConflictException if the stage was saved since that version
	 */
	@Transactional
	public void updateStage(long id, Long version, String nameEn, String nameDe, int probability, StageKind kind,
			String pipelineMode) {
		checkStage(nameEn, nameDe, probability, pipelineMode);
		Stage stage = this.stages.findById(id).orElseThrow(() -> new NotFoundException("stages", id));
		ConflictException.checkVersion(version, stage.getVersion());
		stage.define(nameEn.trim(), nameDe.trim(), probability, kind, pipelineMode);
	}

	@Transactional
	public void activateStage(long id, boolean active) {
		Stage stage = this.stages.findById(id).orElseThrow(() -> new NotFoundException("stages", id));
		if (!active && offeredStages(stage.getModule()).stream()
			.filter((other) -> other.getKind() == StageKind.OPEN)
			.filter((other) -> !other.equals(stage))
			.findAny()
			.isEmpty()) {
			throw new ConflictException("error.stage.last_open");
		}
		stage.activate(active);
	}

	/**
	 * Moves a stage one place up or down in its module's order.
	 */
	@Transactional
	public void moveStage(long id, boolean up) {
		Stage stage = this.stages.findById(id).orElseThrow(() -> new NotFoundException("stages", id));
		List<Stage> ordered = stages(stage.getModule());
		int index = ordered.indexOf(stage);
		int other = up ? index - 1 : index + 1;
		if (other < 0 || other >= ordered.size()) {
			return;
		}
		List<Stage> reordered = new java.util.ArrayList<>(ordered);
		java.util.Collections.swap(reordered, index, other);
		for (int i = 0; i < reordered.size(); i++) {
			reordered.get(i).moveTo((i + 1) * 10);
		}
	}

	/**
	 * Deletes a stage no record uses.
	 * @throws ConflictException if records are in it
	 */
	@Transactional
	public void deleteStage(long id) {
		Stage stage = this.stages.findById(id).orElseThrow(() -> new NotFoundException("stages", id));
		long used = this.queries.references(this.stagesModule, id).values().stream().mapToLong(Long::longValue).sum();
		if (used > 0) {
			throw new ConflictException("error.stage.in_use", used);
		}
		this.stages.delete(stage);
	}

	/**
	 * Adds a business area (no id) or changes one.
	 * @param version the version the admin's page showed, or null if it does not say
	 * @throws ConflictException if the area was saved since that version
	 */
	@Transactional
	public void saveBusinessArea(Long id, Long version, String nameEn, String nameDe, boolean active) {
		BusinessArea area = (id == null) ? new BusinessArea()
				: this.areas.findById(id).orElseThrow(() -> new NotFoundException("business_areas", id));
		define(area, version, nameEn, nameDe, businessAreas().size());
		area.activate(active);
		this.areas.save(area);
	}

	/**
	 * Adds a lost reason (no id) or changes one.
	 * @param version the version the admin's page showed, or null if it does not say
	 * @throws ConflictException if the reason was saved since that version
	 */
	@Transactional
	public void saveLostReason(Long id, Long version, String nameEn, String nameDe, boolean active) {
		LostReason reason = (id == null) ? new LostReason()
				: this.reasons.findById(id).orElseThrow(() -> new NotFoundException("lost_reasons", id));
		define(reason, version, nameEn, nameDe, lostReasons().size());
		reason.activate(active);
		this.reasons.save(reason);
	}

	private void define(ListEntry entry, Long version, String nameEn, String nameDe, int count) {
		if (!entry.isNew()) {
			ConflictException.checkVersion(version, entry.getVersion());
		}
		if (blank(nameEn) || blank(nameDe) || nameEn.length() > 100 || nameDe.length() > 100) {
			throw ValidationException.of("name", "error.list.name");
		}
		int order = entry.isNew() ? (count + 1) * 10 : entry.getSortOrder();
		entry.define(nameEn.trim(), nameDe.trim(), order);
	}

	private void checkStage(String nameEn, String nameDe, int probability, String pipelineMode) {
		if (blank(nameEn) || blank(nameDe) || nameEn.length() > 100 || nameDe.length() > 100) {
			throw ValidationException.of("name", "error.list.name");
		}
		if (probability < 0 || probability > 100) {
			throw ValidationException.of("probability", "error.probability.range");
		}
		if (pipelineMode == null || !List.of("both", "single", "split").contains(pipelineMode)) {
			throw ValidationException.of("pipelineMode", "error.picklist");
		}
	}

	private void checkModule(String module) {
		if (!LEADS.equals(module) && !POTENTIALS.equals(module)) {
			throw new NotFoundException("module", module);
		}
	}

	private String uniqueCode(String module, String name) {
		String base = name.trim().toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (base.isEmpty()) {
			base = "stage";
		}
		base = base.substring(0, Math.min(40, base.length()));
		String code = base;
		for (int i = 2; this.stages.existsByModuleAndCode(module, code); i++) {
			code = base + "_" + i;
		}
		return code;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static Comparator<Stage> order() {
		return Comparator.comparingInt(Stage::getSortOrder);
	}

}
