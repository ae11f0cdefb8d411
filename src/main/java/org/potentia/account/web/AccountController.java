package org.potentia.account.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.account.Account;
import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.account.AccountType;
import org.potentia.identity.IdentityService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.CsvExport;
import org.potentia.platform.query.ListQuery;
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
 * Account pages: list with search as you type, card, form.
 */
@Controller
@RequestMapping("/accounts")
class AccountController {

	static final List<String> COLUMNS = List.of("name", "account_type", "city", "phone", "owner_id");

	private final AccountService accounts;

	private final ModuleDefinition module;

	private final ListPages lists;

	private final IdentityService identity;

	private final RecordPages pages;

	private final RecordLinks links;

	private final CsvExport export;

	AccountController(AccountService accounts, ModuleDefinition accountsModule, ListPages lists,
			IdentityService identity, RecordPages pages, RecordLinks links, CsvExport export) {
		this.accounts = accounts;
		this.module = accountsModule;
		this.lists = lists;
		this.identity = identity;
		this.pages = pages;
		this.links = links;
		this.export = export;
	}

	@ModelAttribute
	void reference(Model model) {
		model.addAttribute("module", this.module);
		model.addAttribute("exportable", true);
		model.addAttribute("accountTypes", AccountType.codes());
	}

	@GetMapping
	String list(@RequestParam Map<String, String> parameters, CurrentUser user, Model model, HtmxRequest htmx) {
		ListQuery query = query(parameters);
		model.addAttribute("list", this.lists.view(this.module, query, user, COLUMNS, parameters, "name"));
		model.addAttribute("owners", this.identity.userOptions());
		model.addAttribute("parameters", parameters);
		return htmx.isHtmxRequest() ? "fragments/list :: results" : "accounts/list";
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
		return this.lists.query(this.module, parameters, Set.of("account_type", "owner_id"), null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, CurrentUser user, Model model) {
		Account account = this.accounts.get(id, user);
		model.addAttribute("account", account);
		model.addAttribute("ownerName", this.identity.ownerName(account.getOwnerId()));
		model.addAttribute("related", this.links.related(this.module, id, user));
		return "accounts/view";
	}

	@GetMapping("/new")
	String createForm(CurrentUser user, Model model) {
		model.addAttribute("accountForm", this.accounts.newForm(user));
		return form(model);
	}

	@PostMapping
	String create(@Valid AccountForm accountForm, BindingResult result, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		return this.pages.create(this.module, result, () -> this.accounts.create(accountForm, user, SaveSource.FORM),
				redirect, () -> form(model));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, CurrentUser user, Model model) {
		model.addAttribute("accountForm", this.accounts.formOf(id, user));
		model.addAttribute("accountId", id);
		return form(model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid AccountForm accountForm, BindingResult result, CurrentUser user,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("accountId", id);
		return this.pages.update(this.module, id, result,
				() -> this.accounts.update(id, accountForm, user, SaveSource.FORM), model, redirect, () -> form(model));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
		return this.pages.delete(this.module, id, () -> this.accounts.delete(id, user, SaveSource.FORM), redirect);
	}

	private String form(Model model) {
		model.addAttribute("owners", this.identity.userOptions());
		return "accounts/form";
	}

}
