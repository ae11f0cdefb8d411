package org.potentia.contact.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.contact.Contact;
import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.identity.IdentityService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.CsvExport;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.ListPages;
import org.potentia.platform.web.RecordPages;
import org.potentia.platform.web.RecordLinks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contact pages: list with search as you type, card, form.
 */
@Controller
@RequestMapping("/contacts")
class ContactController {

	static final List<String> COLUMNS = List.of("last_name", "first_name", "title", "email", "account_id", "owner_id");

	private final ContactService contacts;

	private final ModuleDefinition module;

	private final ModuleDefinition accountsModule;

	private final ListPages lists;

	private final RecordQueries queries;

	private final IdentityService identity;

	private final RecordPages pages;

	private final RecordLinks links;

	private final CsvExport export;

	ContactController(ContactService contacts, ModuleDefinition contactsModule, ModuleDefinition accountsModule,
			ListPages lists, RecordQueries queries, IdentityService identity, RecordPages pages, RecordLinks links,
			CsvExport export) {
		this.contacts = contacts;
		this.module = contactsModule;
		this.accountsModule = accountsModule;
		this.lists = lists;
		this.queries = queries;
		this.identity = identity;
		this.pages = pages;
		this.links = links;
		this.export = export;
	}

	@ModelAttribute
	void reference(Model model) {
		model.addAttribute("module", this.module);
		model.addAttribute("exportable", true);
	}

	@GetMapping
	String list(@RequestParam Map<String, String> parameters, CurrentUser user, Model model, HtmxRequest htmx) {
		ListQuery query = query(parameters);
		model.addAttribute("list", this.lists.view(this.module, query, user, COLUMNS, parameters, "last_name"));
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("parameters", parameters);
		if (htmx.isHtmxRequest()) {
			return "fragments/list :: results";
		}
		model.addAttribute("accountFilter", accountName(parameters.get("account_id"), user));
		return "contacts/list";
	}

	/**
	 * The list as CSV: the same search, filters and sort, every page.
	 */
	@GetMapping("/export")
	void export(@RequestParam Map<String, String> parameters, CurrentUser user, HttpServletResponse response)
			throws IOException {
		this.export.write(this.module, query(parameters), user, response);
	}

	private ListQuery query(Map<String, String> parameters) {
		return this.lists.query(this.module, parameters, Set.of("owner_id", "account_id"), null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, CurrentUser user, Model model) {
		Contact contact = this.contacts.get(id, user);
		model.addAttribute("contact", contact);
		model.addAttribute("row", this.queries.get(this.module, id, user).orElseThrow());
		model.addAttribute("related", this.links.related(this.module, id, user));
		return "contacts/view";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(name = "account_id", required = false) Long accountId, CurrentUser user,
			Model model) {
		ContactForm form = this.contacts.newForm(user);
		form.setAccountId(accountId);
		model.addAttribute("contactForm", form);
		return form(model, form, user);
	}

	@PostMapping
	String create(@Valid ContactForm contactForm, BindingResult result, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		return this.pages.create(this.module, result, () -> this.contacts.create(contactForm, user, SaveSource.FORM),
				redirect, () -> form(model, contactForm, user));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, CurrentUser user, Model model) {
		ContactForm form = this.contacts.formOf(id, user);
		model.addAttribute("contactForm", form);
		model.addAttribute("contactId", id);
		return form(model, form, user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid ContactForm contactForm, BindingResult result, CurrentUser user,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("contactId", id);
		return this.pages.update(this.module, id, result,
				() -> this.contacts.update(id, contactForm, user, SaveSource.FORM), model, redirect,
				() -> form(model, contactForm, user));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
		return this.pages.delete(this.module, id, () -> this.contacts.delete(id, user, SaveSource.FORM), redirect);
	}

	/**
	 * The name of the account a list is filtered by (from an account card's "show all"),
	 * or null.
	 */
	private String accountName(String accountId, CurrentUser user) {
		try {
			return (accountId != null && !accountId.isBlank())
					? this.queries.get(this.accountsModule, Long.parseLong(accountId), user)
						.map((row) -> (String) row.get("name"))
						.orElse(null)
					: null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String form(Model model, ContactForm form, CurrentUser user) {
		model.addAttribute("owners", this.identity.userOptions());
		String accountName = (form.getAccountId() != null)
				? this.queries.get(this.accountsModule, form.getAccountId(), user)
					.map((row) -> (String) row.get("name"))
					.orElse(null)
				: null;
		model.addAttribute("accountName", accountName);
		return "contacts/form";
	}

}
