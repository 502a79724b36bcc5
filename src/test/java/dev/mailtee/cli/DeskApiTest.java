package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API with bearer tokens, the security headers, and the sign-in rate limit, over plain HTTP. */
class DeskApiTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokensWorkTicketsOfTheirOfficesOnlyAndSignInIsRateLimited(@TempDir Path dir) throws Exception {
        try (SmtpSink sink = SmtpSink.start(); RunningGateway gw = new RunningGateway(dir, "smtp:\n  listen: \"127.0.0.1:0\"\n"
                + "  domain: gw.test\ndesk:\n  offices: [{name: Help, address: help@example.com, default: true},"
                + " {name: Billing, address: billing@example.com}]\n  outbound: \"" + sink.address() + "\"\n")) {
            String alice;
            String admin;
            try (DeskSession s = DeskSession.open(gw.config)) {
                s.desk().addAgent("alice@example.com", "", List.of("Help"), false);
                s.desk().addAgent("root@example.com", "", List.of(), true);
                s.desk().credentials().setPassword("alice@example.com", "long enough password".toCharArray());
                alice = s.desk().credentials().issueToken(id(s, "alice@example.com"));
                admin = s.desk().credentials().issueToken(id(s, "root@example.com"));
            }
            try (SmtpClient c = gw.client()) {
                c.sendMail("a@customer.test", List.of("help@example.com"), "From: a@customer.test\r\nSubject: help one\r\n\r\nx\r\n");
                c.sendMail("b@customer.test", List.of("billing@example.com"), "From: b@customer.test\r\nSubject: bill two\r\n\r\ny\r\n");
            }
            String base = "http://127.0.0.1:" + gw.httpPort();
            await().atMost(Duration.ofSeconds(20)).until(() -> get(base + "/api/tickets", admin).body().contains("bill two"));

            HttpResponse<String> list = get(base + "/api/tickets", alice);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("help one").doesNotContain("bill two");
            String billing = get(base + "/api/tickets?q=bill", admin).body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
            assertThat(get(base + "/api/tickets/" + billing, alice).statusCode()).isEqualTo(404);
            assertThat(post(base + "/api/tickets/" + billing + "/note", alice, "{\"text\":\"sneaky\"}").statusCode()).isEqualTo(404);
            assertThat(post(base + "/api/tickets/" + billing + "/note", admin, "{\"text\":\"checked\"}").statusCode()).isEqualTo(200);
            assertThat(get(base + "/api/tickets/" + billing, admin).body()).contains("checked");
            assertThat(get(base + "/api/tickets", "mt_wrong").statusCode()).isEqualTo(401);
            assertThat(get(base + "/api/queue", alice).statusCode()).isEqualTo(403);
            assertThat(get(base + "/api/queue", admin).statusCode()).isEqualTo(200);

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe"));
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
            String session = cookie.substring(0, cookie.indexOf(';'));
            String csrf = page.body().replaceAll("(?s).*name=\"csrf\" value=\"([0-9a-f]+)\".*", "$1");
            for (int i = 0; i < 5; i++) assertThat(signIn(base, session, csrf, "wrong password!").statusCode()).isEqualTo(401);
            assertThat(signIn(base, session, csrf, "long enough password").statusCode()).isEqualTo(429);
        }
    }

    private static String id(DeskSession s, String email) {
        return s.desk().staff().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow().id();
    }

    private HttpResponse<String> signIn(String base, String session, String csrf, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "csrf=" + csrf + "&email=alice%40example.com&password=" + password.replace(" ", "+"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
