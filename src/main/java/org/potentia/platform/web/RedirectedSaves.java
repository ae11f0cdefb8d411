package org.potentia.platform.web;

import java.util.stream.Collectors;

import org.potentia.platform.ConflictException;
import org.potentia.platform.Messages;
import org.potentia.platform.ValidationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A save from a page that goes back to a page by a redirect (the admin pages): "saved"
 * when it passes; when the module refuses the input, every message of the refusal, with
 * what was typed kept for the form ({@link RefusedForms}); when the record was saved by
 * someone else since the page was shown, the conflict's message. All in the user's
 * language.
 */
@Component
public class RedirectedSaves {

	private final Messages messages;

	RedirectedSaves(Messages messages) {
		this.messages = messages;
	}

	/**
	 * Runs {@code save} and answers with the redirect to {@code page}.
	 */
	public String save(RedirectAttributes redirect, String page, Runnable save) {
		try {
			save.run();
			redirect.addFlashAttribute("success", this.messages.get("flash.saved"));
		}
		catch (ValidationException ex) {
			RefusedForms.refuse(redirect, messages(ex));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex.getMessageKey(), ex.getArguments()));
		}
		return "redirect:" + page;
	}

	/**
	 * Every message of a refusal, each once, in the order of its fields.
	 */
	public String messages(ValidationException ex) {
		return ex.getErrors().stream().map(this.messages::get).distinct().collect(Collectors.joining(" "));
	}

}
