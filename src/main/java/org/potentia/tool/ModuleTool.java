package org.potentia.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.potentia.platform.AuditedEntity;

/**
 * An action on the cards of one module.
 */
@Entity
@Table(name = "module_tools")
public class ModuleTool extends AuditedEntity {

	public static final String CONVERT_LEAD = "convert_lead";

	public static final String LINKED_RECORD = "linked_record";

	private String module;

	@Column(name = "tool_type")
	private String toolType;

	private String code;

	@Column(name = "name_en")
	private String nameEn;

	@Column(name = "name_de")
	private String nameDe;

	@Column(name = "condition_filter")
	private String conditionFilter;

	private String targets;

	@Column(name = "create_account")
	private boolean createAccount;

	@Column(name = "create_contact")
	private boolean createContact;

	@Column(name = "delete_lead")
	private boolean deleteLead;

	@Column(name = "opportunity_stage_id")
	private Long opportunityStageId;

	@Column(name = "sort_order")
	private int sortOrder;

	private boolean active = true;

	@OneToMany(mappedBy = "tool", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@OrderBy("sortOrder ASC, id ASC")
	private List<ToolMapping> mappings = new ArrayList<>();

	protected ModuleTool() {
	}

	ModuleTool(String module, String toolType, String code) {
		this.module = module;
		this.toolType = toolType;
		this.code = code;
	}

	void define(String nameEn, String nameDe, String conditionFilter, List<String> targets, boolean createAccount,
			boolean createContact, boolean deleteLead, Long opportunityStageId, boolean active) {
		this.nameEn = nameEn;
		this.nameDe = nameDe;
		this.conditionFilter = conditionFilter;
		this.targets = String.join(",", targets);
		this.createAccount = createAccount;
		this.createContact = createContact;
		this.deleteLead = deleteLead;
		this.opportunityStageId = opportunityStageId;
		this.active = active;
	}

	ToolMapping mapping(String targetModule, String targetField) {
		return this.mappings.stream()
			.filter((mapping) -> mapping.getTargetModule().equals(targetModule)
					&& mapping.getTargetField().equals(targetField))
			.findFirst()
			.orElseGet(() -> {
				ToolMapping mapping = new ToolMapping(this, targetModule, targetField, (this.mappings.size() + 1) * 10);
				this.mappings.add(mapping);
				return mapping;
			});
	}

	public String getModule() {
		return this.module;
	}

	public String getToolType() {
		return this.toolType;
	}

	public boolean isConversion() {
		return CONVERT_LEAD.equals(this.toolType);
	}

	public String getCode() {
		return this.code;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String getNameDe() {
		return this.nameDe;
	}

	public String name(Locale locale) {
		return "de".equals(locale.getLanguage()) ? this.nameDe : this.nameEn;
	}

	public String getConditionFilter() {
		return this.conditionFilter;
	}

	public List<String> getTargets() {
		return Arrays.stream(this.targets.split(",")).map(String::trim).filter((t) -> !t.isEmpty()).toList();
	}

	public boolean targets(String module) {
		return getTargets().contains(module);
	}

	public boolean isCreateAccount() {
		return this.createAccount;
	}

	public boolean isCreateContact() {
		return this.createContact;
	}

	public boolean isDeleteLead() {
		return this.deleteLead;
	}

	public Long getOpportunityStageId() {
		return this.opportunityStageId;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

	public List<ToolMapping> getMappings() {
		return this.mappings;
	}

	public List<ToolMapping> mappingsFor(String targetModule) {
		return this.mappings.stream().filter((mapping) -> mapping.getTargetModule().equals(targetModule)).toList();
	}

}
