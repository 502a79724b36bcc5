package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web desk over plain HTTP: field changes and replies through the API (the reply reaches the
 * customer threaded), attachments and inline cid: images behind the ticket's office check, and
 * the Secure cookie flag.
 */
class DeskWebHttpTest {
    private static final String PASSWORD = "long enough password";
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private SmtpSink customers;
    private RunningGateway gw;
    private String base;
    private String alice;
    private String bob;
    private String root;

    @BeforeEach
    void start() throws Exception {
        customers = SmtpSink.start();
        gw = new RunningGateway(dir, "smtp:\n  listen: \"127.0.0.1:0\"\n  domain: gw.test\n"
                + "desk:\n  offices: [{name: Help, address: help@example.com, default: true},"
                + " {name: Billing, address: billing@example.com}]\n  outbound: \"" + customers.address() + "\"\n"
                + "queue:\n  min_backoff: 1s\n  max_backoff: 2s\n");
        try (DeskSession s = DeskSession.open(gw.config)) {
            s.desk().addAgent("alice@example.com", "Alice", List.of("Help"), false);
            s.desk().addAgent("bob@example.com", "Bob", List.of("Billing"), false);
            s.desk().addAgent("root@example.com", "", List.of(), true);
            for (String who : List.of("alice", "bob")) {
                s.desk().credentials().setPassword(who + "@example.com", PASSWORD.toCharArray());
            }
            alice = s.desk().credentials().issueToken(staffId(s, "alice@example.com"));
            bob = s.desk().credentials().issueToken(staffId(s, "bob@example.com"));
            root = s.desk().credentials().issueToken(staffId(s, "root@example.com"));
        }
        base = "http://127.0.0.1:" + gw.httpPort();
    }

    @AfterEach
    void stop() {
        gw.close();
        customers.close();
    }

    @Test
    void fieldChangesThroughTheApiAreCheckedAndRecorded() throws Exception {
        String id = ticketFor("Fields please", "From: jane@customer.test\r\nTo: help@example.com\r\n"
                + "Subject: Fields please\r\n\r\nx\r\n");
        HttpResponse<String> r = patch(id, alice, "{\"status\":\"pending\",\"priority\":\"high\",\"assignee\":null}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("status set to pending", "priority set to high", "unassigned");
        assertThat(patch(id, alice, "{\"status\":\"snoozed\"}").statusCode()).isEqualTo(400);
        assertThat(patch(id, alice, "{\"office\":\"" + officeId("Billing") + "\"}").statusCode()).isEqualTo(400);
        assertThat(patch(id, bob, "{\"status\":\"closed\"}").statusCode()).isEqualTo(404);

        JsonNode ticket = json(get(base + "/api/tickets/" + id, alice));
        assertThat(ticket.at("/ticket/status").asString()).isEqualTo("pending");
        assertThat(ticket.at("/ticket/priority").asString()).isEqualTo("high");
        assertThat(ticket.at("/ticket/assignee").isNull()).isTrue();
        assertThat(ticket.get("events").toString()).contains("open → pending", "normal → high");

        assertThat(patch(id, root, "{\"office\":\"" + officeId("Billing") + "\"}").body()).contains("moved to Billing");
        assertThat(get(base + "/api/tickets/" + id, alice).statusCode()).isEqualTo(404);
        assertThat(get(base + "/api/tickets/" + id, bob).statusCode()).isEqualTo(200);
    }

    @Test
    void aReplyThroughTheApiReachesTheCustomerThreaded() throws Exception {
        String id = ticketFor("Broken key", "From: Jane <jane@customer.test>\r\nTo: help@example.com\r\n"
                + "Subject: Broken key\r\nMessage-ID: <key-1@customer.test>\r\n\r\nThe E key sticks.\r\n");
        assertThat(post(base + "/api/tickets/" + id + "/reply", alice, "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(post(base + "/api/tickets/" + id + "/reply", bob, "{\"text\":\"hi\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> r = post(base + "/api/tickets/" + id + "/reply", alice, "{\"text\":\"A new keyboard is on its way.\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        SmtpSink.Received mail = await().atMost(Duration.ofSeconds(20)).until(() -> customers.messages().stream()
                .filter(m -> m.text().contains("A new keyboard")).findFirst(), Optional::isPresent).get();
        String plus = "help+" + id + "@example.com";
        assertThat(mail.recipients()).containsExactly("jane@customer.test");
        assertThat(header(mail.text(), "Reply-To")).contains(plus);
        assertThat(header(mail.text(), "In-Reply-To")).isEqualTo("<key-1@customer.test>");
        assertThat(header(mail.text(), "References")).contains("<key-1@customer.test>");
        assertThat(header(mail.text(), "Subject")).contains("Broken key");
        assertThat(json(get(base + "/api/tickets/" + id, alice)).get("events").toString()).contains("agent-reply");
    }

    @Test
    void attachmentsAndInlineImagesAreServedOnlyToTheTicketsOffice() throws Exception {
        String id = ticketFor("Logo broken", "From: jane@customer.test\r\nTo: help@example.com\r\nSubject: Logo broken\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
                + "--mix\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
                + "--rel\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>Our logo: <img src=\"cid:logo@customer.test\" alt=\"logo\"></p>\r\n"
                + "--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@customer.test>\r\n"
                + "Content-Disposition: inline; filename=\"logo.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString(PNG) + "\r\n--rel--\r\n"
                + "--mix\r\nContent-Type: text/plain; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\n"
                + "secret notes\r\n--mix--\r\n");
        JsonNode atts = json(get(base + "/api/tickets/" + id, alice)).at("/messages/0/attachments");
        String notes = attachmentId(atts, "notes.txt");
        String logo = attachmentId(atts, "logo.png");

        HttpResponse<byte[]> file = getBytes(base + "/api/tickets/" + id + "/attachments/" + notes, "Authorization",
                "Bearer " + alice);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).startsWith("secret notes");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").contains("notes.txt");
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
        assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        assertThat(getBytes(base + "/api/tickets/" + id + "/attachments/" + notes, "Authorization", "Bearer " + bob)
                .statusCode()).isEqualTo(404);

        String aliceCookie = signIn("alice@example.com");
        String imageUrl = "/tickets/" + id + "/attachments/" + logo;
        HttpResponse<byte[]> page = getBytes(base + "/tickets/" + id, "Cookie", aliceCookie);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("src=\"" + imageUrl + "\"")
                .doesNotContain("cid:logo");
        HttpResponse<byte[]> image = getBytes(base + imageUrl, "Cookie", aliceCookie);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
        assertThat(getBytes(base + imageUrl, "Cookie", signIn("bob@example.com")).statusCode()).isEqualTo(404);
        assertThat(getBytes(base + imageUrl, "Cookie", "mailtee_session=nobody").statusCode()).isEqualTo(302);
    }

    @Test
    void anAgentOfTwoOfficesPagesThroughBothNewestFirst() throws Exception {
        String carl;
        try (DeskSession s = DeskSession.open(gw.config)) {
            s.desk().addAgent("carl@example.com", "", List.of("Help", "Billing"), false);
            carl = s.desk().credentials().issueToken(staffId(s, "carl@example.com"));
        }
        for (String[] m : new String[][] {{"help", "p1"}, {"billing", "p2"}, {"help", "p3"}, {"billing", "p4"}}) {
            ticketFor(m[1], m[0] + "@example.com", "From: jane@customer.test\r\nTo: " + m[0] + "@example.com\r\nSubject: " + m[1] + "\r\n\r\nx\r\n");
        }
        JsonNode first = json(get(base + "/api/tickets?limit=3", carl));
        assertThat(subjects(first)).containsExactly("p4", "p3", "p2");
        JsonNode second = json(get(base + "/api/tickets?limit=3&before=" + first.get("nextBefore").asLong(), carl));
        assertThat(subjects(second)).containsExactly("p1");
        assertThat(second.get("nextBefore").isNull()).isTrue();
        assertThat(subjects(json(get(base + "/api/tickets?limit=3", alice)))).containsExactly("p3", "p1");
        assertThat(subjects(json(get(base + "/api/tickets?office=" + officeId("Billing"), alice)))).isEmpty();
    }

    private static List<String> subjects(JsonNode page) {
        List<String> out = new java.util.ArrayList<>();
        page.get("tickets").forEach(t -> out.add(t.get("subject").asString()));
        return out;
    }

    @Test
    void theSessionCookieIsSecureOnlyWhenConfigured() throws Exception {
        assertThat(sessionCookie(base)).doesNotContainIgnoringCase("secure");
        Path other = dir.resolve("secure");
        java.nio.file.Files.createDirectories(other);
        try (RunningGateway secure = new RunningGateway(other, "smtp:\n  listen: \"127.0.0.1:0\"\n"
                + "http:\n  listen: \"127.0.0.1:0\"\n  secure_cookies: true\n")) {
            assertThat(sessionCookie("http://127.0.0.1:" + secure.httpPort())).containsIgnoringCase("; Secure")
                    .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        }
    }

    private String sessionCookie(String site) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(site + "/signin")).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Set-Cookie").orElseThrow();
    }

    /** Signs in through the form and returns the new session's Cookie header value. */
    private String signIn(String email) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = form.body().replaceAll("(?s).*name=\"csrf\" value=\"([0-9a-f]+)\".*", "$1");
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "csrf=" + csrf + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(302);
        return done.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private String ticketFor(String subject, String message) throws Exception {
        return ticketFor(subject, "help@example.com", message);
    }

    private String ticketFor(String subject, String to, String message) throws Exception {
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("jane@customer.test", List.of(to), message)).startsWith("250");
        }
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode t : json(get(base + "/api/tickets", root)).get("tickets")) {
                if (t.get("subject").asString().equals(subject)) return Optional.of(t.get("id").asString());
            }
            return Optional.<String>empty();
        }, Optional::isPresent).get();
    }

    private String officeId(String name) {
        try (DeskSession s = DeskSession.open(gw.config)) {
            return s.desk().offices().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
        }
    }

    private static String staffId(DeskSession s, String email) {
        return s.desk().staff().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow().id();
    }

    private static String attachmentId(JsonNode attachments, String filename) {
        for (JsonNode a : attachments) if (a.get("filename").asString().equals(filename)) return a.get("id").asString();
        throw new AssertionError("no attachment " + filename + " in " + attachments);
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String url, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> patch(String id, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets/" + id)).header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ":[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)").matcher(message);
        return m.find() ? m.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip() : "";
    }
}
