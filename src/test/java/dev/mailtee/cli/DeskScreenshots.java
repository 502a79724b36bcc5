package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.desk.Agent;
import dev.mailtee.desk.TicketChange;
import dev.mailtee.desk.TicketViews;
import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.subethamail.smtp.RejectException;

/**
 * The screenshots in docs/screenshots: a small desk filled over SMTP, then each main page in
 * headless chromium at 1280×800. Runs only when asked: {@code scripts/screenshots.sh}
 * (-Dscreenshots=DIR). Each page is checked to show what its picture claims before it is taken.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = ".+")
class DeskScreenshots {
    private static final String PASSWORD = "correct horse battery";
    @TempDir
    Path dir;

    @Test
    void takeTheTour() throws Exception {
        Path out = Path.of(System.getProperty("screenshots"));
        Files.createDirectories(out);
        try (SmtpSink customers = SmtpSink.start(); RunningGateway gw = new RunningGateway(dir, gatewayYaml(customers))) {
            customers.refuseRecipients(r -> r.startsWith("old.address@") ? new RejectException(450, "4.2.2 mailbox full") : null);
            String annId = staff(gw);
            Tour t = new Tour(gw);
            UUID thread = t.fill(customers, annId);
            ChromeDriver b = Browser.start(dir.resolve("profile"), 1280, 800);
            try {
                b.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1280, "height", 800,
                        "deviceScaleFactor", 1, "mobile", false));
                String base = "http://127.0.0.1:" + gw.httpPort();
                b.get(base + "/signin");
                shot(b, out, "signin.png", "h1", "mailtee desk");
                b.findElement(By.name("email")).sendKeys("dana@example.com");
                b.findElement(By.name("password")).sendKeys(PASSWORD);
                b.findElement(By.cssSelector("form button")).click();
                await().atMost(Duration.ofSeconds(30)).until(() -> b.getCurrentUrl().endsWith("/tickets"));
                shot(b, out, "tickets.png", "table.tickets", "Printer on fire");
                b.get(base + "/tickets/" + thread);
                b.findElement(By.cssSelector("details.html summary")).click();
                shot(b, out, "ticket.png", ".thread", "error-dialog.png");
                b.get(base + "/held");
                shot(b, out, "held.png", "table", "unauthorized");
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    b.get(base + "/queue");
                    return b.findElement(By.tagName("table")).getText().contains("deferred");
                });
                shot(b, out, "queue.png", "table", "mailbox full");
                b.get(base + "/offices");
                shot(b, out, "offices.png", "table.agents", "ben@example.com");
            } finally {
                b.quit();
            }
        }
    }

    private static String gatewayYaml(SmtpSink customers) {
        return "smtp:\n  listen: \"127.0.0.1:0\"\n  domain: desk.example.com\n"
                + "desk:\n  offices: [{name: Support, address: support@example.com, default: true},"
                + " {name: Billing, address: billing@example.com}]\n  outbound: \"" + customers.address() + "\"\n"
                + "queue:\n  min_backoff: 1s\n  max_backoff: 2s\n";
    }

    private static String staff(RunningGateway gw) {
        try (DeskSession s = DeskSession.open(gw.config)) {
            s.desk().addAgent("ann@example.com", "Ann Agent", List.of("Support"), false);
            s.desk().addAgent("ben@example.com", "Ben Billing", List.of("Billing"), false);
            s.desk().addAgent("dana@example.com", "Dana Admin", List.of(), true);
            for (String who : List.of("ann", "ben", "dana")) {
                s.desk().credentials().setPassword(who + "@example.com", PASSWORD.toCharArray());
            }
            return s.desk().staff().stream().filter(a -> a.email().startsWith("ann@")).findFirst().orElseThrow().id();
        }
    }

    private static void shot(ChromeDriver b, Path out, String file, String css, String mustShow) throws Exception {
        assertThat(b.findElement(By.cssSelector(css)).getText()).contains(mustShow);
        Files.write(out.resolve(file), b.getScreenshotAs(OutputType.BYTES));
    }

    /** The desk's content for the pictures: a handful of tickets, one with a thread, held mail, a stuck delivery. */
    private record Tour(RunningGateway gw) {
        UUID fill(SmtpSink customers, String annId) throws Exception {
            String[][] tickets = {
                {"Printer on fire", "Jane Doe <jane@customer.test>", "support", "It smokes and beeps."},
                {"Invoice 2291 charged twice", "Bob Miller <bob@shop.test>", "billing", "My card shows two charges."},
                {"VPN drops every 10 minutes", "Priya Nair <priya@corp.test>", "support", "Since Monday."},
                {"Change of billing address", "Old Customer <old.address@customer.test>", "billing", "We moved."},
                {"Password reset mail never arrives", "Tom <tom@example.net>", "support", "Checked spam too."},
                {"Request a quote for 40 seats", "Lena Ortiz <lena@agency.test>", "billing", "Annual plan please."},
            };
            for (String[] t : tickets) {
                send(address(t[1]), t[2] + "@example.com", "From: " + t[1] + "\r\nTo: " + t[2] + "@example.com\r\n"
                        + "Subject: " + t[0] + "\r\nMessage-ID: <" + UUID.randomUUID() + "@customer.test>\r\n\r\n" + t[3] + "\r\n");
            }
            UUID id = withScreenshot();
            try (DeskSession s = DeskSession.open(gw.config)) {
                Agent ann = s.desk().credentials().agent(annId).orElseThrow();
                s.desk().casework().reply(ann, id, "Thanks for the screenshot. Could you try the update from our "
                        + "downloads page and tell us whether the error comes back?");
                s.desk().casework().change(ann, id, new TicketChange.Priority("high"));
                s.desk().casework().change(ann, id, new TicketChange.Assignee(Optional.of(annId)));
                s.desk().casework().change(ann, ticket("Printer on fire").orElseThrow(), new TicketChange.Status("pending"));
                Agent dana = s.desk().credentials().agent(staffId(s, "dana@")).orElseThrow();
                s.desk().casework().change(dana, ticket("Change of billing address").orElseThrow(),
                        new TicketChange.Status("closed"));
                s.desk().casework().note(ann, id, "Known issue in 4.2, fixed in 4.3.");
            }
            String plus = "support+" + id + "@example.com";
            send("sam@customer.test", plus, "From: Sam Lee <sam@customer.test>\r\nTo: " + plus + "\r\nSubject: Re: Export "
                    + "fails with an error\r\n\r\nThe update fixed it, thank you!\r\n\r\nOn Monday you wrote:\r\n> Thanks for the screenshot.\r\n");
            send("someone@elsewhere.test", plus, "From: someone@elsewhere.test\r\nTo: " + plus + "\r\n"
                    + "Subject: Re: Export fails with an error\r\n\r\nMe too!\r\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> detail(id).messages().size() >= 3);
            return id;
        }

        private UUID withScreenshot() throws Exception {
            String png = Base64.getMimeEncoder().encodeToString(errorDialog());
            send("sam@customer.test", "support@example.com", "From: Sam Lee <sam@customer.test>\r\nTo: support@example.com\r\n"
                    + "Subject: Export fails with an error\r\nMessage-ID: <export-1@customer.test>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n--mix\r\n"
                    + "Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n--rel\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                    + "<p>Hello,</p><p>exporting a report to CSV fails with this error:</p>"
                    + "<p><img src=\"cid:shot@customer.test\" alt=\"error dialog\"></p><p>The log is attached. Sam</p>\r\n"
                    + "--rel\r\nContent-Type: image/png\r\nContent-ID: <shot@customer.test>\r\n"
                    + "Content-Disposition: inline; filename=\"error-dialog.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + png + "\r\n--rel--\r\n--mix\r\nContent-Type: text/plain; name=\"export.log\"\r\n"
                    + "Content-Disposition: attachment; filename=\"export.log\"\r\n\r\n"
                    + "12:01:07 export started\r\n12:01:09 ERROR column 'total' overflows\r\n--mix--\r\n");
            return await().atMost(Duration.ofSeconds(20)).until(() -> ticket("Export fails with an error"),
                    Optional::isPresent).get();
        }

        private static String staffId(DeskSession s, String prefix) {
            return s.desk().staff().stream().filter(a -> a.email().startsWith(prefix)).findFirst().orElseThrow().id();
        }

        private static byte[] errorDialog() throws Exception {
            BufferedImage img = new BufferedImage(320, 90, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(0xf4f4f4));
            g.fillRect(0, 0, 320, 90);
            g.setColor(new Color(0xb3261e));
            g.fillRect(0, 0, 320, 22);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("Export failed", 8, 16);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString("Column 'total' overflows (code 0x2A).", 12, 52);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "png", bytes);
            return bytes.toByteArray();
        }

        private Optional<UUID> ticket(String subject) {
            try (DeskSession s = DeskSession.open(gw.config)) {
                return s.desk().views().list().stream().filter(t -> t.subject().equals(subject)).map(TicketViews.Summary::id)
                        .findFirst();
            }
        }

        private TicketViews.Detail detail(UUID id) {
            try (DeskSession s = DeskSession.open(gw.config)) {
                return s.desk().views().show(id).orElseThrow();
            }
        }

        private void send(String from, String to, String message) throws Exception {
            try (SmtpClient c = gw.client()) {
                assertThat(c.sendMail(from, List.of(to), message)).startsWith("250");
            }
        }

        private static String address(String mailbox) {
            return mailbox.substring(mailbox.indexOf('<') + 1, mailbox.indexOf('>'));
        }
    }
}
