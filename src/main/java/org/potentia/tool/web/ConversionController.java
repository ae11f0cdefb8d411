package org.potentia.tool.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.Messages;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.security.CurrentUser;
import org.potentia.tool.ConversionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The conversion dialog: the editable fields prefilled by the tool's mapping, the account
 * and contact that already match with the choice to link or create, and the confirmation.
 * Opens as a modal over the lead's card (htmx) or as a page without script.
 */
@Controller
class ConversionController {

	private final ConversionService conversions;

	private final Catalogue catalogue;

	private final Messages messages;

	ConversionController(ConversionService conversions, Catalogue catalogue, Messages messages) {
		this.conversions = conversions;
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@GetMapping("/leads/{id}/convert")
	String dialog(@PathVariable long id, @RequestParam(required = false) Long tool, CurrentUser user, Model model,
			HtmxRequest htmx) {
		ConversionService.Preview preview = this.conversions.preview(id, tool, user);
		model.addAttribute("preview", preview);
		model.addAttribute("leadId", id);
		model.addAttribute("entered", preview.values());
		model.addAttribute("errors", Map.of());
		return htmx.isHtmxRequest() ? "tools/convert :: dialog" : "tools/convert";
	}

	@PostMapping("/leads/{id}/convert")
	ModelAndView convert(@PathVariable long id, @RequestParam Map<String, String> form, CurrentUser user, Model model,
			RedirectAttributes redirect, HtmxRequest htmx) {
		Long tool = number(form.get("tool"));
		ConversionService.Preview preview = this.conversions.preview(id, tool, user);
		Map<String, Map<String, Object>> values = new LinkedHashMap<>();
		preview.values().forEach((module, fields) -> {
			Map<String, Object> entered = new LinkedHashMap<>();
			fields.keySet().forEach((field) -> entered.put(field, blankToNull(form.get(module + "." + field))));
			values.put(module, entered);
		});
		ConversionService.Request request = new ConversionService.Request(tool, values,
				"link".equals(form.get("account_choice")) ? number(form.get("account_id")) : null,
				choice(form.get("account_choice")),
				"link".equals(form.get("contact_choice")) ? number(form.get("contact_id")) : null,
				choice(form.get("contact_choice")));
		try {
			ConversionService.Result result = this.conversions.convert(id, request, user, SaveSource.FORM);
			redirect.addFlashAttribute("success", this.messages.get("convert.done"));
			String target = (result.opportunityId() != null) ? "/opportunities/" + result.opportunityId()
					: (result.accountId() != null) ? "/accounts/" + result.accountId() : "/leads";
			// htmx follows HX-Redirect with a whole page load; no script needed.
			return new ModelAndView(
					htmx.isHtmxRequest() ? new HtmxRedirectView(target) : new RedirectView(target, true));
		}
		catch (ValidationException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldError error : ex.getErrors()) {
				errors.put(error.field(), this.messages.get(error));
			}
			model.addAttribute("errors", errors);
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", this.messages.get(ex.getMessageKey(), ex.getArguments()));
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("preview", preview);
		model.addAttribute("leadId", id);
		model.addAttribute("entered", values);
		return new ModelAndView(htmx.isHtmxRequest() ? "tools/convert :: dialog" : "tools/convert");
	}

	private static Boolean choice(String choice) {
		return switch (String.valueOf(choice)) {
			case "create" -> Boolean.TRUE;
			case "none" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static Long number(String text) {
		try {
			return (text == null || text.isBlank()) ? null : Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	Catalogue catalogue() {
		return this.catalogue;
	}

}
