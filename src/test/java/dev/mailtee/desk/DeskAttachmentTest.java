package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed crashed on any attachment or empty part; here they are stored, or left out with an event. */
class DeskAttachmentTest {
    @TempDir
    Path dir;

    @Test
    void aPdfAttachmentIsStoredContentAddressed() throws Exception {
        try (DeskFixture desk = DeskFixture.open(dir)) {
            byte[] raw = Corpus.bytes("mail-gem/attachment_emails/attachment_pdf.eml");
            Filing f = desk.desk.file(raw, Optional.empty(), List.of("support@example.com")).getFirst();
            TicketViews.Detail d = desk.ticket(((Filing.NewTicket) f).ticket());
            TicketViews.AttachmentView pdf = d.messages().getFirst().attachments().stream()
                    .filter(a -> a.contentType().equals("application/pdf")).findFirst().orElseThrow();
            Path stored = desk.dataDir.resolve("desk/blobs").resolve(pdf.sha256().substring(0, 2)).resolve(pdf.sha256());
            assertThat(stored).exists();
            byte[] bytes = Files.readAllBytes(stored);
            assertThat(bytes).hasSize((int) pdf.size());
            assertThat(BlobStore.sha256(bytes)).isEqualTo(pdf.sha256());
            assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
    }

    @Test
    void hostileFilenamesNeverLeaveTheBlobStore() {
        try (DeskFixture desk = DeskFixture.open(dir)) {
            Filing f = desk.fileOne("From: a@customer.test", "To: support@example.com", "Subject: s",
                    "Message-ID: <h@customer.test>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=X", "",
                    "--X", "Content-Type: text/plain", "", "see attached",
                    "--X", "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"../../../etc/passwd\"",
                    "", "root:x:0:0", "--X--");
            TicketViews.AttachmentView a = desk.ticket(((Filing.NewTicket) f).ticket()).messages().getFirst()
                    .attachments().getFirst();
            assertThat(a.filename()).doesNotContain("/").doesNotContain("..");
            assertThat(dir.resolve("etc")).doesNotExist();
            assertThat(desk.dataDir.resolve("desk/blobs").resolve(a.sha256().substring(0, 2)).resolve(a.sha256())).exists();
        }
    }

    @Test
    void anAttachmentOverTheLimitIsLeftOutWithAnEventAndTheTicketStillOpens() {
        try (DeskFixture desk = DeskFixture.open(dir, DeskFixture.withLimits(10, 100))) {
            Filing f = desk.fileOne("From: a@customer.test", "To: support@example.com", "Subject: big",
                    "Message-ID: <big@customer.test>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=X", "",
                    "--X", "Content-Type: text/plain", "", "see attached",
                    "--X", "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=big.bin",
                    "", "0123456789012345678901234567890123456789", "--X--");
            TicketViews.Detail d = desk.ticket(((Filing.NewTicket) f).ticket());
            assertThat(d.messages().getFirst().attachments()).isEmpty();
            assertThat(d.events()).filteredOn(e -> e.kind().equals("attachment-omitted")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("big.bin"));
        }
    }

    @Test
    void emptyBodiesAndEmptyPartsMakeTickets() {
        try (DeskFixture desk = DeskFixture.open(dir)) {
            assertThat(desk.fileOne("From: a@customer.test", "To: support@example.com", "Message-ID: <e1@c.test>", ""))
                    .isInstanceOf(Filing.NewTicket.class);
            Filing f = desk.fileOne("From: a@customer.test", "To: support@example.com", "Subject: parts",
                    "Message-ID: <e2@c.test>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=X", "",
                    "--X", "Content-Type: text/plain", "", "--X", "Content-Type: application/pdf", "", "--X--");
            assertThat(f).isInstanceOf(Filing.NewTicket.class);
            assertThat(desk.ticket(((Filing.NewTicket) f).ticket()).ticket().subject()).isEqualTo("parts");
        }
    }
}
