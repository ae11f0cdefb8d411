package org.potentia.workflow;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an email from the action's template: recipients, subject and body with field
 * placeholders ({@code {email}}, {@code {owner.email}}, {@code {account.name}}).
 */
@Component
class EmailAction implements ActionHandler {

	private final MailSettings settings;

	private final Placeholders placeholders;

	EmailAction(MailSettings settings, Placeholders placeholders) {
		this.settings = settings;
		this.placeholders = placeholders;
	}

	@Override
	public ActionType type() {
		return ActionType.SEND_EMAIL;
	}

	@Override
	public void run(ActionContext context) {
		WorkflowAction action = context.action();
		MailSettings.Mail mail = this.settings.current();
		JavaMailSender sender = this.settings.sender();
		RecordState record = context.record();
		List<InternetAddress> recipients = recipients(
				this.placeholders.render(action.getRecipients(), context.module(), record, mail.locale()));
		if (recipients.isEmpty()) {
			throw new IllegalStateException("The email has no recipient: '" + action.getRecipients() + "' is empty");
		}
		String subject = this.placeholders.render(action.getSubject(), context.module(), record, mail.locale());
		String body = this.placeholders.render(action.getBody(), context.module(), record, mail.locale());
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(mail.from());
			helper.setTo(recipients.toArray(InternetAddress[]::new));
			helper.setSubject(subject);
			helper.setText(body);
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The email could not be written: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The addresses of a comma- or semicolon-separated list; empty entries (a placeholder
	 * of an empty field) are left out.
	 */
	static List<InternetAddress> recipients(String list) {
		List<InternetAddress> addresses = new ArrayList<>();
		for (String part : list.split("[,;]")) {
			String address = part.trim();
			if (address.isEmpty()) {
				continue;
			}
			try {
				InternetAddress parsed = new InternetAddress(address, true);
				addresses.add(parsed);
			}
			catch (AddressException ex) {
				throw new IllegalStateException("'" + address + "' is not an email address");
			}
		}
		return addresses;
	}

}
