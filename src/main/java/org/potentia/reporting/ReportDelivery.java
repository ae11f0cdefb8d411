package org.potentia.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.identity.IdentityService;
import org.potentia.platform.csv.TableWriter;
import org.potentia.platform.security.CurrentUser;
import org.potentia.workflow.MailSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the saved reports that are due by email, as XLSX, through the SMTP settings the
 * workflows use. Each report runs as its owner (their visibility, never more), and is
 * claimed with a conditional update of its next sending time before it is sent, so that
 * with several instances it is sent once. The attachment holds at most
 * {@link ReportEngine#MAX_ROWS} rows.
 */
@Component
public class ReportDelivery {

	private static final Logger logger = LoggerFactory.getLogger(ReportDelivery.class);

	private final SavedReportRepository reports;

	private final SavedReports saved;

	private final ReportEngine engine;

	private final IdentityService identity;

	private final MailSettings mail;

	private final JdbcClient jdbc;

	ReportDelivery(SavedReportRepository reports, SavedReports saved, ReportEngine engine, IdentityService identity,
			MailSettings mail, JdbcClient jdbc) {
		this.reports = reports;
		this.saved = saved;
		this.engine = engine;
		this.identity = identity;
		this.mail = mail;
		this.jdbc = jdbc;
	}

	/**
	 * Sends every report due at the given moment.
	 * @return how many were sent
	 */
	public int sendDue(Instant now) {
		if (!this.mail.current().isConfigured()) {
			return 0;
		}
		int sent = 0;
		for (SavedReport report : this.reports.findDue(now)) {
			Instant next = report.getSchedule().next(now, ZoneId.systemDefault());
			int claimed = this.jdbc
				.sql("UPDATE reports SET next_send_at = ?, last_sent_at = ? WHERE id = ? AND next_send_at = ?")
				.params(java.sql.Timestamp.from(next), java.sql.Timestamp.from(now), report.getId(),
						java.sql.Timestamp.from(report.getNextSendAt()))
				.update();
			if (claimed != 1) {
				continue;
			}
			try {
				send(report);
				sent++;
			}
			catch (RuntimeException ex) {
				logger.warn("Scheduled report {} could not be sent: {}", report.getId(), ex.getMessage());
			}
		}
		return sent;
	}

	private void send(SavedReport report) {
		CurrentUser owner = this.identity.actingAs(report.getOwnerId())
			.orElseThrow(() -> new IllegalStateException("the owner is no longer active"));
		ReportQuery query = this.saved.query(report);
		int limit = (query.limit() != null) ? Math.min(query.limit(), ReportEngine.MAX_ROWS) : ReportEngine.MAX_ROWS;
		ReportQuery capped = new ReportQuery(query.module(), query.columns(), query.filter(), query.groups(),
				query.order(), limit);
		Locale locale = this.mail.current().locale();
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		try (TableWriter writer = TableWriter.open(TableWriter.Format.XLSX, locale, file)) {
			writer.header(this.engine.fields(capped, owner).stream().map(ReportResult.Field::label).toList());
			this.engine.stream(capped, owner, (row) -> {
				try {
					writer.row(row);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		JavaMailSender sender = this.mail.sender();
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.mail.current().from());
			helper.setTo(addresses(report.getRecipients()).toArray(String[]::new));
			helper.setSubject(report.getName());
			helper.setText(report.getName() + " (" + LocalDate.now() + ")");
			String name = report.getName().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + "-" + LocalDate.now() + ".xlsx";
			helper.addAttachment(name, new ByteArrayResource(file.toByteArray()),
					TableWriter.Format.XLSX.contentType());
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> addresses(String recipients) {
		if (recipients == null) {
			return List.of();
		}
		return Arrays.stream(recipients.split("[,;\\s]+")).map(String::trim).filter((a) -> !a.isEmpty()).toList();
	}

}
