package org.potentia.reporting;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.potentia.platform.ValidationException;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.workflow.MailSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scheduled reports are sent by email as XLSX through the workflows' SMTP settings, run
 * as their owner (a rep's report holds only the rep's records), once per due time even
 * when two runs meet it.
 */
@PotentiaTest
class ReportDeliveryTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	ReportDelivery delivery;

	@Autowired
	SavedReports saved;

	@Autowired
	MailSettings mail;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void smtp() {
		this.mail.save(
				new MailSettings.Mail("127.0.0.1", smtp.getSmtp().getPort(), "", "", "crm@example.com", false, "en"),
				null, "tests");
	}

	@AfterEach
	void noSmtp() {
		this.mail.save(new MailSettings.Mail("", 587, "", "", "", true, "en"), null, "tests");
	}

	@Test
	void aDueReportIsSentOnceAsXlsxRunAsItsOwner() throws Exception {
		Person rep = this.people.rep();
		Person other = this.people.rep();
		String prefix = Names.unique("mail") + "-";
		long stage = this.jdbc.sql("SELECT MIN(id) FROM pipeline_stages WHERE module = 'potentials'")
			.query(Long.class)
			.single();
		insert(prefix + "mine", rep, stage, 120);
		insert(prefix + "theirs", other, stage, 5000);
		ReportQuery query = new ReportQuery("potentials",
				List.of(ReportQuery.Column.of("name"), ReportQuery.Column.of("amount")),
				"{\"$beg\":[\"name\",\"" + prefix + "\"]}", List.of(), List.of(), null);
		SavedReport report = this.saved.create(new SavedReports.Details("Daily pipeline", null,
				SavedReport.Sharing.PRIVATE, null, ReportView.TABLE, ReportSchedule.DAILY, "boss@example.com"), query,
				rep.currentUser());
		assertThat(report.getNextSendAt()).isAfter(Instant.now());
		Instant due = report.getNextSendAt();
		Instant now = due.plusSeconds(60);

		int sent = this.delivery.sendDue(now);
		assertThat(sent).isGreaterThanOrEqualTo(1);
		assertThat(this.delivery.sendDue(now)).as("sent once").isZero();
		MimeMessage[] messages = smtp.getReceivedMessagesForDomain("example.com");
		MimeMessage message = List.of(messages).stream().filter((m) -> {
			try {
				return "Daily pipeline".equals(m.getSubject());
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("boss@example.com");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		BodyPart attachment = null;
		for (int i = 0; i < parts.getCount(); i++) {
			if (parts.getBodyPart(i).getFileName() != null) {
				attachment = parts.getBodyPart(i);
			}
		}
		assertThat(attachment.getFileName()).endsWith(".xlsx");
		try (Workbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(attachment.getInputStream().readAllBytes()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(prefix + "mine");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(120.0);
		}
		Instant next = this.jdbc.sql("SELECT next_send_at FROM reports WHERE id = ?")
			.param(report.getId())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(next).isAfter(now);
	}

	@Test
	void aScheduleNeedsRecipients() {
		Person rep = this.people.rep();
		ReportQuery query = new ReportQuery("potentials", List.of(ReportQuery.Column.of("name")), null, List.of(),
				List.of(), null);
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.saved.create(new SavedReports.Details("x", null, SavedReport.Sharing.PRIVATE, null,
					ReportView.TABLE, ReportSchedule.WEEKLY, "not an address"), query, rep.currentUser()));
		assertThat(ReportSchedule.MONTHLY.next(Instant.parse("2025-03-15T10:00:00Z"), java.time.ZoneOffset.UTC))
			.isEqualTo(Instant.parse("2025-04-01T06:00:00Z"));
		assertThat(ReportSchedule.WEEKLY.next(Instant.parse("2025-03-15T10:00:00Z"), java.time.ZoneOffset.UTC))
			.isEqualTo(Instant.parse("2025-03-17T06:00:00Z"));
		assertThat(LocalDate.of(2025, 3, 17).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
	}

	private void insert(String name, Person owner, long stage, int amount) {
		this.jdbc
			.sql("INSERT INTO potentials (name, amount, stage_id, expected_close_date, owner_id, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(name, amount, stage, LocalDate.of(2025, 6, 1), owner.id())
			.update();
	}

}
