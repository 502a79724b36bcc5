package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mailtee.desk.TicketViews;
import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.subethamail.smtp.RejectException;

/**
 * The web desk in a real browser (Debian's headless chromium): mail in over SMTP, an agent's
 * reply out through the queue to a customer sink, the customer's answer back on the ticket;
 * hostile HTML mail runs nothing; forms need their CSRF token; offices fence agents in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskBrowserTest {
    private static final String PASSWORD = "correct horse battery";
    private Path dir;
    private SmtpSink customers;
    private RunningGateway gw;
    private ChromeDriver browser;
    private String base;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("desk-browser");
        customers = SmtpSink.start();
        gw = new RunningGateway(dir, "smtp:\n  listen: \"127.0.0.1:0\"\n  domain: gw.test\n"
                + "desk:\n  offices: [{name: Help, address: help@example.com, default: true},"
                + " {name: Billing, address: billing@example.com}]\n"
                + "  outbound: \"" + customers.address() + "\"\n"
                + "queue:\n  min_backoff: 1s\n  max_backoff: 2s\n");
        try (DeskSession s = DeskSession.open(gw.config)) {
            s.desk().addAgent("alice@example.com", "Alice Agent", List.of("Help"), false);
            s.desk().credentials().setPassword("alice@example.com", PASSWORD.toCharArray());
            s.desk().addAgent("root@example.com", "Root Admin", List.of(), true);
            s.desk().credentials().setPassword("root@example.com", PASSWORD.toCharArray());
        }
        customers.refuseRecipients(r -> r.startsWith("stuck@") ? new RejectException(450, "mailbox busy") : null);
        base = "http://127.0.0.1:" + gw.httpPort();
        browser = Browser.start(dir.resolve("profile"));
        signIn(browser, "alice@example.com", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (gw != null) gw.close();
        if (customers != null) customers.close();
    }

    @Test
    void anAgentsReplyReachesTheCustomerThreadedAndTheAnswerComesBack() throws Exception {
        String mid = "<first-" + UUID.randomUUID() + "@customer.test>";
        send("jane@customer.test", "help@example.com", "From: Jane Doe <jane@customer.test>\r\nTo: help@example.com\r\n"
                + "Subject: Printer on fire\r\nMessage-ID: " + mid + "\r\n\r\nIt smokes. Please help.\r\n");
        UUID ticket = awaitTicket("Printer on fire");

        browser.get(base + "/tickets");
        browser.findElement(By.linkText("Printer on fire")).click();
        assertThat(settled(By.cssSelector(".thread")).getText()).contains("It smokes. Please help.");
        browser.findElement(By.id("reply")).sendKeys("We are sending a technician.");
        browser.findElement(By.cssSelector("form.compose button")).click();
        assertThat(settled(By.cssSelector(".notice")).getText()).contains("reply queued to jane@customer.test");

        SmtpSink.Received reply = await().atMost(Duration.ofSeconds(20)).until(() -> customers.messages().stream()
                .filter(m -> m.text().contains("technician")).findFirst(), java.util.Optional::isPresent).get();
        String plus = "help+" + ticket + "@example.com";
        assertThat(reply.recipients()).containsExactly("jane@customer.test");
        assertThat(header(reply.text(), "Reply-To")).contains(plus);
        assertThat(header(reply.text(), "In-Reply-To")).isNotBlank();
        assertThat(header(reply.text(), "References")).contains(mid);
        String replyId = header(reply.text(), "Message-ID");

        send("jane@customer.test", plus, "From: jane@customer.test\r\nTo: " + plus + "\r\nSubject: Re: Printer on fire\r\n"
                + "In-Reply-To: " + replyId + "\r\nReferences: " + mid + " " + replyId + "\r\n"
                + "Message-ID: <answer-" + UUID.randomUUID() + "@customer.test>\r\n\r\nThanks, he may come at noon.\r\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> ticketDetail(ticket).messages().stream()
                .anyMatch(m -> m.visibleText().contains("come at noon")));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector(".thread")).getText()).contains("Thanks, he may come at noon.");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("agent-reply");
    }

    @Test
    void hostileHtmlMailRunsNothing() throws Exception {
        String html = "<html><head><script>document.title='pwned'</script><style>body{display:none}</style></head><body>"
                + "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">Hello <b>there</b></p>"
                + "<img src=\"x\" onerror=\"document.title='pwned';alert(1)\">"
                + "<a href=\"javascript:document.title='pwned'\" id=\"evil\">click me</a>"
                + "<svg onload=\"alert(2)\"></svg><iframe src=\"javascript:alert(3)\"></iframe>"
                + "<div style=\"background:url(javascript:alert(4))\">styled</div></body></html>";
        send("mallory@evil.test", "help@example.com", "From: mallory@evil.test\r\nTo: help@example.com\r\n"
                + "Subject: Totally harmless\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + html + "\r\n");
        UUID ticket = awaitTicket("Totally harmless");

        browser.get(base + "/tickets/" + ticket);
        String title = browser.getTitle();
        browser.findElement(By.cssSelector("details.html summary")).click();
        WebElement shown = browser.findElement(By.cssSelector(".mailhtml"));
        assertThat(shown.getText()).contains("Hello there").contains("click me");
        assertThat(shown.findElements(By.cssSelector("script, iframe, svg, [onerror], [onload], [style]"))).isEmpty();
        assertThat(shown.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        List<WebElement> links = shown.findElements(By.linkText("click me"));
        if (!links.isEmpty()) links.getFirst().click();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.getTitle()).isEqualTo(title).doesNotContain("pwned");
    }

    @Test
    void aFormPostWithoutItsTokenIsRefused() throws Exception {
        UUID ticket = awaitTicketSent("csrf@customer.test", "Token please");
        String cookie = browser.manage().getCookieNamed("mailtee_session").getValue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/tickets/"
                + ticket + "/note")).header("Cookie", "mailtee_session=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ticketDetail(ticket).events()).noneMatch(e -> e.detail().contains("forged"));
    }

    @Test
    void anAgentCannotOpenAnotherOfficesTicket() throws Exception {
        send("bob@customer.test", "billing@example.com", "From: bob@customer.test\r\nTo: billing@example.com\r\n"
                + "Subject: Invoice question\r\n\r\nWhy so expensive?\r\n");
        UUID ticket = awaitTicket("Invoice question");
        browser.get(base + "/tickets/" + ticket);
        assertThat(browser.getPageSource()).doesNotContain("Why so expensive");
        browser.get(base + "/tickets?q=Invoice");
        assertThat(browser.findElements(By.linkText("Invoice question"))).isEmpty();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/tickets/"
                + ticket)).header("Cookie", "mailtee_session=" + browser.manage().getCookieNamed("mailtee_session")
                .getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void theFieldsFormChangesStatusPriorityAndAssigneeOnTheTimeline() throws Exception {
        UUID ticket = awaitTicketSent("fields@customer.test", "Change my fields");
        browser.get(base + "/tickets/" + ticket);
        choose("status", "pending");
        choose("priority", "urgent");
        choose("assignee", "Unassigned");
        browser.findElement(By.cssSelector("form.fields button")).click();
        assertThat(settled(By.cssSelector(".notice")).getText())
                .contains("status set to pending", "priority set to urgent", "unassigned");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("open → pending", "normal → urgent");
        TicketViews.Summary now = ticketDetail(ticket).ticket();
        assertThat(now.status()).isEqualTo("pending");
        assertThat(now.priority()).isEqualTo("urgent");
        assertThat(now.assignee()).isEmpty();
    }

    @Test
    void anAdminAcceptsOneHeldMailOntoItsTicketAndDiscardsAnother() throws Exception {
        UUID ticket = awaitTicketSent("owner@customer.test", "Held target");
        String plus = "help+" + ticket + "@example.com";
        send("intruder@else.test", plus, "From: intruder@else.test\r\nTo: " + plus + "\r\nSubject: Re: Held target\r\n"
                + "\r\nI am the owner's colleague.\r\n");
        send("spam@else.test", plus, "From: spam@else.test\r\nTo: " + plus + "\r\nSubject: Re: Held target\r\n"
                + "\r\nBuy cheap watches.\r\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> heldSenders().containsAll(List.of("intruder@else.test",
                "spam@else.test")));
        asAdmin(() -> {
            browser.get(base + "/held");
            rowOf("intruder@else.test").findElement(By.xpath(".//button[text()='Accept']")).click();
            assertThat(settled(By.cssSelector(".notice")).getText()).contains("filed on ticket");
            rowOf("spam@else.test").findElement(By.xpath(".//button[text()='Discard']")).click();
            assertThat(settled(By.cssSelector(".notice")).getText()).contains("discarded");
            assertThat(browser.findElement(By.tagName("table")).getText()).doesNotContain("else.test");
        });
        assertThat(heldSenders()).doesNotContain("intruder@else.test", "spam@else.test");
        TicketViews.Detail d = ticketDetail(ticket);
        assertThat(d.messages()).anyMatch(m -> m.visibleText().contains("owner's colleague"));
        assertThat(d.messages()).noneMatch(m -> m.visibleText().contains("watches"));
        assertThat(d.events()).anyMatch(e -> e.kind().equals("held-accepted") && e.detail().contains("root@example.com"));
    }

    @Test
    void anAdminRetriesAndDeletesAStuckDeliveryOnTheQueuePage() throws Exception {
        awaitTicketSent("stuck@customer.test", "My mailbox is full");
        asAdmin(() -> {
            WebElement row = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                browser.get(base + "/queue");
                return rowOf("stuck@customer.test");
            }, r -> r.getText().contains("deferred") && r.getText().contains("mailbox busy"));
            String queueId = row.findElement(By.tagName("code")).getText();
            row.findElement(By.xpath(".//button[text()='Retry now']")).click();
            assertThat(settled(By.cssSelector(".notice")).getText()).isEqualTo("retrying");
            assertThat(queueList()).contains(queueId);
            rowOf("stuck@customer.test").findElement(By.xpath(".//button[text()='Delete']")).click();
            assertThat(settled(By.cssSelector(".notice")).getText()).isEqualTo("deleted");
            assertThat(browser.findElement(By.tagName("table")).getText()).doesNotContain(queueId);
            assertThat(queueList()).doesNotContain(queueId);
        });
    }

    @Test
    void anAdminAddsAnOfficeAndAnAgentMovesThemAndDeactivatesThem() throws Exception {
        asAdmin(() -> {
            browser.get(base + "/offices");
            WebElement office = browser.findElement(By.cssSelector("form[action='/offices']"));
            office.findElement(By.name("name")).sendKeys("Sales");
            office.findElement(By.name("address")).sendKeys("sales@example.com");
            office.findElement(By.tagName("button")).click();
            assertThat(settled(By.cssSelector(".notice")).getText()).isEqualTo("added office Sales");

            WebElement agent = browser.findElement(By.cssSelector("form[action='/agents']"));
            agent.findElement(By.name("email")).sendKeys("carol@example.com");
            agent.findElement(By.name("name")).sendKeys("Carol");
            agent.findElement(By.name("password")).sendKeys(PASSWORD);
            agent.findElement(By.xpath(".//label[normalize-space()='Sales']/input")).click();
            agent.findElement(By.xpath(".//button[text()='Add agent']")).click();
            assertThat(settled(By.cssSelector(".notice")).getText()).isEqualTo("added agent carol@example.com");
        });
        assertThat(officesOf("carol@example.com")).containsExactly("Sales");
        UUID salesTicket;
        try (SmtpClient c = gw.client()) {
            c.sendMail("lead@customer.test", List.of("sales@example.com"), "From: lead@customer.test\r\n"
                    + "To: sales@example.com\r\nSubject: Quote for 40 chairs\r\n\r\nPrice?\r\n");
        }
        salesTicket = awaitTicket("Quote for 40 chairs");
        assertThat(ticketDetail(salesTicket).ticket().assignee()).contains("carol@example.com");

        asAdmin(() -> {
            browser.get(base + "/offices");
            agentRow("carol@example.com").findElement(By.xpath(".//label[normalize-space()='Help']/input")).click();
            agentRow("carol@example.com").findElement(By.xpath(".//button[text()='Save offices']")).click();
            assertThat(settled(By.cssSelector(".notice")).getText()).isEqualTo("offices of carol@example.com saved");
            assertThat(officesOf("carol@example.com")).containsExactlyInAnyOrder("Help", "Sales");
            agentRow("carol@example.com").findElement(By.xpath(".//button[text()='Deactivate']")).click();
            assertThat(settled(By.cssSelector(".notice")).getText())
                    .isEqualTo("deactivated carol@example.com; 1 open tickets unassigned");
            assertThat(browser.findElement(By.cssSelector("table.agents")).getText()).doesNotContain("carol@example.com");
        });
        try (DeskSession s = DeskSession.open(gw.config)) {
            assertThat(s.desk().credentials().signIn("carol@example.com", PASSWORD.toCharArray())).isEmpty();
        }
        assertThat(ticketDetail(salesTicket).ticket().assignee()).isEmpty();
        assertThat(ticketDetail(salesTicket).events()).anyMatch(e -> e.detail().contains("carol@example.com deactivated"));
    }

    @Test
    void anAgentWhoIsNoAdminCannotChangeTheRosterEvenWithHerToken() throws Exception {
        String cookie = "mailtee_session=" + browser.manage().getCookieNamed("mailtee_session").getValue();
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/tickets")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([0-9a-f]+)\".*", "$1");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/offices")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "csrf=" + csrf + "&name=Rogue&address=rogue%40example.com")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        try (DeskSession s = DeskSession.open(gw.config)) {
            assertThat(s.desk().offices()).noneMatch(o -> o.name().equals("Rogue"));
        }
    }

    private WebElement agentRow(String email) {
        return settled(By.xpath("//table[contains(@class, 'agents')]//tr[td[1][normalize-space()='" + email + "']]"));
    }

    private List<String> officesOf(String email) {
        try (DeskSession s = DeskSession.open(gw.config)) {
            return s.desk().offices().stream().filter(o -> o.agents().contains(email)).map(o -> o.name()).toList();
        }
    }

    private interface BrowserSteps {
        void run() throws Exception;
    }

    /** Runs the steps signed in as the admin, then signs Alice back in for the other tests. */
    private void asAdmin(BrowserSteps steps) throws Exception {
        signOut();
        signIn(browser, "root@example.com", PASSWORD);
        try {
            steps.run();
        } finally {
            signOut();
            signIn(browser, "alice@example.com", PASSWORD);
        }
    }

    private void signOut() {
        browser.get(base + "/tickets");
        browser.findElement(By.cssSelector("form.who button")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().endsWith("/signin"));
    }

    private void choose(String select, String option) {
        browser.findElement(By.xpath("//select[@name='" + select + "']/option[normalize-space()='" + option + "']")).click();
    }

    /** The table row that mentions {@code text} on the current page. */
    private WebElement rowOf(String text) {
        return settled(By.xpath("//tr[td[contains(., '" + text + "')]]"));
    }

    private List<String> heldSenders() {
        try (DeskSession s = DeskSession.open(gw.config)) {
            return s.desk().views().held().stream().map(TicketViews.HeldView::sender).toList();
        }
    }

    private String queueList() {
        Cli c = Cli.run("queue", "list", "-c", dir.resolve("mailtee.yaml").toString());
        assertThat(c.exit()).as(c.err()).isZero();
        return c.out();
    }

    /** The element once the page that shows it has loaded (a click returns before navigation ends). */
    private WebElement settled(By by) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser.findElement(by), e -> true);
    }

    private UUID awaitTicketSent(String from, String subject) throws Exception {
        send(from, "help@example.com", "From: " + from + "\r\nTo: help@example.com\r\nSubject: " + subject
                + "\r\n\r\nbody\r\n");
        return awaitTicket(subject);
    }

    private void signIn(WebDriver b, String email, String password) {
        b.get(base + "/signin");
        b.findElement(By.name("email")).sendKeys(email);
        b.findElement(By.name("password")).sendKeys(password);
        b.findElement(By.cssSelector("form button")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> b.getCurrentUrl().endsWith("/tickets"));
    }

    private void send(String from, String to, String message) throws Exception {
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail(from, List.of(to), message)).startsWith("250");
        }
    }

    private UUID awaitTicket(String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> tickets().stream()
                .filter(t -> t.subject().equals(subject)).findFirst(), java.util.Optional::isPresent).get().id();
    }

    private List<TicketViews.Summary> tickets() {
        try (DeskSession s = DeskSession.open(gw.config)) {
            return s.desk().views().list();
        }
    }

    private TicketViews.Detail ticketDetail(UUID id) {
        try (DeskSession s = DeskSession.open(gw.config)) {
            return s.desk().views().show(id).orElseThrow();
        }
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ":[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)").matcher(message);
        return m.find() ? m.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip() : "";
    }
}
