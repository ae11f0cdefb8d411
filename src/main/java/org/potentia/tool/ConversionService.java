package org.potentia.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.lead.LeadService;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.FieldError;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.AttributeBinder;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordEvents;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converts a lead into an opportunity and, as the tool says, an account and a contact,
 * all linked, in one transaction: a failure anywhere leaves nothing created. The lead is
 * claimed first with a conditional update, so two concurrent conversions of one lead
 * yield exactly one opportunity; the loser gets a conflict.
 */
@Service
@Transactional(readOnly = true)
public class ConversionService {

	static final String LEADS = "leads";

	static final String POTENTIALS = "potentials";

	static final String ACCOUNTS = "accounts";

	static final String CONTACTS = "contacts";

	private final ToolService tools;

	private final Catalogue catalogue;

	private final RecordQueries queries;

	private final AttributeBinder binder;

	private final LeadService leads;

	private final AccountService accounts;

	private final ContactService contacts;

	private final OpportunityService opportunities;

	ConversionService(ToolService tools, Catalogue catalogue, RecordQueries queries, AttributeBinder binder,
			LeadService leads, AccountService accounts, ContactService contacts, OpportunityService opportunities) {
		this.tools = tools;
		this.catalogue = catalogue;
		this.queries = queries;
		this.binder = binder;
		this.leads = leads;
		this.accounts = accounts;
		this.contacts = contacts;
		this.opportunities = opportunities;
	}

	/**
	 * What the conversion dialog shows: the tool, the lead, the editable values per
	 * target module, and the account and contact that already match.
	 */
	public Preview preview(long leadId, Long toolId, CurrentUser user) {
		Map<String, Object> lead = lead(leadId, user);
		ModuleTool tool = tool(toolId, lead, leadId, user);
		Map<String, Map<String, Object>> values = new LinkedHashMap<>();
		for (String target : tool.getTargets()) {
			Map<String, Object> editable = new LinkedHashMap<>();
			for (ToolMapping mapping : tool.mappingsFor(target)) {
				if (mapping.isActive() && mapping.isEditable()) {
					editable.put(mapping.getTargetField(), mapping.valueFrom(lead));
				}
			}
			values.put(target, editable);
		}
		return new Preview(tool, lead, values, matchingAccount(lead, user), matchingContact(lead, user));
	}

	/**
	 * The lead's owner, in whose name a workflow converts it.
	 */
	public Optional<Long> leadOwner(long leadId) {
		return Optional.ofNullable(this.leads.get(leadId, CurrentUser.SYSTEM).getOwnerId());
	}

	/**
	 * Converts the lead.
	 * @param request the tool (null: the default), the dialog's values per target module,
	 * and the choices for account and contact
	 * @param source where the conversion was started ({@link SaveSource#FORM},
	 * {@link SaveSource#API} or {@link SaveSource#WORKFLOW}); the records it saves are
	 * saved as {@link SaveSource#CONVERSION}, but when a workflow started it their saved
	 * events say {@code workflow}, so that no workflow reacts to them
	 * @throws org.potentia.platform.ConflictException if the lead is already converted
	 * @throws ValidationException with fields named {@code module.field}
	 */
	@Transactional
	public Result convert(long leadId, Request request, CurrentUser user, SaveSource source) {
		if (source == SaveSource.WORKFLOW) {
			return RecordEvents.inNameOf(SaveSource.WORKFLOW, () -> convert(leadId, request, user));
		}
		return convert(leadId, request, user);
	}

	private Result convert(long leadId, Request request, CurrentUser user) {
		Map<String, Object> lead = lead(leadId, user);
		ModuleTool tool = tool(request.toolId(), lead, leadId, user);
		this.leads.claimForConversion(leadId, user);
		List<FieldError> errors = new ArrayList<>();

		Long accountId = null;
		boolean accountCreated = false;
		if (tool.targets(ACCOUNTS)) {
			Optional<Long> match = matchingAccount(lead, user).map(Match::id);
			if (request.accountId() != null) {
				if (!this.accounts.isVisible(request.accountId(), user)) {
					throw ValidationException.of("accounts.account_id", "error.relation.unknown");
				}
				accountId = request.accountId();
			}
			else if (match.isPresent() && !Boolean.TRUE.equals(request.createAccount())) {
				accountId = match.get();
			}
			else if ((tool.isCreateAccount() || Boolean.TRUE.equals(request.createAccount()))
					&& !Boolean.FALSE.equals(request.createAccount()) && !blank(lead.get("company"))) {
				AccountForm form = this.accounts.newForm(user);
				// The account name always comes from the lead's company.
				form.setName(lead.get("company").toString().trim());
				bind(tool, ACCOUNTS, lead, request, form, errors);
				form.setName(lead.get("company").toString().trim());
				if (errors.isEmpty()) {
					accountId = this.accounts.create(form, user, SaveSource.CONVERSION);
					accountCreated = true;
				}
			}
		}

		Long contactId = null;
		boolean contactCreated = false;
		if (tool.targets(CONTACTS) && errors.isEmpty()) {
			Optional<Long> match = matchingContact(lead, user).map(Match::id);
			if (request.contactId() != null) {
				if (!this.contacts.isVisible(request.contactId(), user)) {
					throw ValidationException.of("contacts.contact_id", "error.relation.unknown");
				}
				contactId = request.contactId();
			}
			else if (match.isPresent() && !Boolean.TRUE.equals(request.createContact())) {
				contactId = match.get();
			}
			else if ((tool.isCreateContact() || Boolean.TRUE.equals(request.createContact()))
					&& !Boolean.FALSE.equals(request.createContact())) {
				ContactForm form = this.contacts.newForm(user);
				bind(tool, CONTACTS, lead, request, form, errors);
				form.setAccountId(accountId);
				if (errors.isEmpty()) {
					contactId = this.contacts.create(form, user, SaveSource.CONVERSION);
					contactCreated = true;
				}
			}
		}

		Long opportunityId = null;
		if (tool.targets(POTENTIALS) && errors.isEmpty()) {
			OpportunityForm form = this.opportunities.newForm(user);
			if (tool.getOpportunityStageId() != null) {
				form.setStageId(tool.getOpportunityStageId());
			}
			form.setName(fallbackName(lead));
			bind(tool, POTENTIALS, lead, request, form, errors);
			if (accountId != null) {
				form.setAccountId(accountId);
			}
			if (contactId != null
					&& (accountId == null || accountId.equals(this.contacts.accountOf(contactId, user)))) {
				form.setContactId(contactId);
			}
			if (!tool.isDeleteLead()) {
				form.setLeadId(leadId);
			}
			if (errors.isEmpty()) {
				try {
					opportunityId = this.opportunities.create(form, user, SaveSource.CONVERSION);
				}
				catch (ValidationException ex) {
					ex.getErrors()
						.forEach((error) -> errors.add(new FieldError(POTENTIALS + "." + error.field(),
								error.messageKey(), error.arguments())));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		if (tool.isDeleteLead()) {
			this.leads.deleteConverted(leadId, user);
		}
		else {
			this.leads.markConverted(leadId, opportunityId, accountId, contactId, user);
		}
		return new Result(leadId, opportunityId, accountId, accountCreated, contactId, contactCreated,
				tool.isDeleteLead());
	}

	private void bind(ModuleTool tool, String target, Map<String, Object> lead, Request request, Object form,
			List<FieldError> errors) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		Map<String, Object> overrides = request.values().getOrDefault(target, Map.of());
		for (ToolMapping mapping : tool.mappingsFor(target)) {
			if (!mapping.isActive()) {
				continue;
			}
			Object value = (mapping.isEditable() && overrides.containsKey(mapping.getTargetField()))
					? overrides.get(mapping.getTargetField()) : mapping.valueFrom(lead);
			if (value == null || value.toString().isBlank()) {
				// Nothing to copy: the form keeps its default.
				continue;
			}
			attributes.put(mapping.getTargetField(), value);
		}
		try {
			this.binder.bind(this.catalogue.get(target), attributes, form);
		}
		catch (ValidationException ex) {
			ex.getErrors()
				.forEach((error) -> errors
					.add(new FieldError(target + "." + error.field(), error.messageKey(), error.arguments())));
		}
	}

	private Map<String, Object> lead(long leadId, CurrentUser user) {
		return this.queries.get(this.catalogue.get(LEADS), leadId, user)
			.orElseThrow(() -> new NotFoundException(LEADS, leadId));
	}

	private ModuleTool tool(Long toolId, Map<String, Object> lead, long leadId, CurrentUser user) {
		ModuleTool tool = (toolId != null) ? this.tools.get(toolId) : this.tools.byCode(ModuleTool.CONVERT_LEAD);
		if (!tool.isActive() || !tool.isConversion() || !LEADS.equals(tool.getModule())
				|| !this.tools.matches(this.catalogue.get(LEADS), tool, leadId, user)) {
			throw new NotFoundException("tools", (toolId != null) ? toolId : ModuleTool.CONVERT_LEAD);
		}
		return tool;
	}

	/**
	 * An account the user may see whose name is the lead's company (case-insensitive).
	 */
	Optional<Match> matchingAccount(Map<String, Object> lead, CurrentUser user) {
		if (blank(lead.get("company"))) {
			return Optional.empty();
		}
		ModuleDefinition module = this.catalogue.get(ACCOUNTS);
		String company = lead.get("company").toString().trim().toLowerCase();
		return this.queries
			.rows(module, new ListQuery(null, SqlCondition.of("LOWER(t.name) = ?", company), "id", 1, 1), user)
			.stream()
			.findFirst()
			.map((row) -> new Match((Long) row.get("id"), (String) row.get("name")));
	}

	/**
	 * A contact the user may see with the lead's email (case-insensitive).
	 */
	Optional<Match> matchingContact(Map<String, Object> lead, CurrentUser user) {
		if (blank(lead.get("email"))) {
			return Optional.empty();
		}
		ModuleDefinition module = this.catalogue.get(CONTACTS);
		String email = lead.get("email").toString().trim().toLowerCase();
		return this.queries
			.rows(module, new ListQuery(null, SqlCondition.of("LOWER(t.email) = ?", email), "id", 1, 1), user)
			.stream()
			.findFirst()
			.map((row) -> new Match((Long) row.get("id"), this.queries.displayName(module, row)));
	}

	private static String fallbackName(Map<String, Object> lead) {
		Object company = lead.get("company");
		Object last = lead.get("last_name");
		return !blank(company) ? company.toString() : String.valueOf(last);
	}

	private static boolean blank(Object value) {
		return value == null || value.toString().isBlank();
	}

	/**
	 * What to convert with: the tool (null for the default), the values entered in the
	 * dialog per target module, and the account and contact choices (an id links an
	 * existing record; createAccount true makes a new one even if one matches, false
	 * makes none).
	 */
	public record Request(Long toolId, Map<String, Map<String, Object>> values, Long accountId, Boolean createAccount,
			Long contactId, Boolean createContact) {

		public static Request defaults() {
			return new Request(null, Map.of(), null, null, null, null);
		}

	}

	/**
	 * What a conversion made or linked.
	 */
	public record Result(long leadId, Long opportunityId, Long accountId, boolean accountCreated, Long contactId,
			boolean contactCreated, boolean leadDeleted) {
	}

	/**
	 * An existing record that matches the lead.
	 */
	public record Match(long id, String name) {
	}

	/**
	 * The dialog's content.
	 */
	public record Preview(ModuleTool tool, Map<String, Object> lead, Map<String, Map<String, Object>> values,
			Optional<Match> account, Optional<Match> contact) {
	}

}
