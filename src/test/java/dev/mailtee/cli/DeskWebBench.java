package dev.mailtee.cli;

import dev.mailtee.config.ConfigLoader;
import dev.mailtee.config.MailteeConfig;
import dev.mailtee.store.Durability;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * bench/desk-web.sh's driver (not a test): fills an embedded store with N tickets straight
 * through SQL, starts the gateway on it, signs an agent in, then times the desk's pages over
 * loopback HTTP, each kind of request interleaved with the others, and prints p50/p99.
 * Usage: DeskWebBench TICKETS REQUESTS WORKDIR
 */
final class DeskWebBench {
    private static final String PASSWORD = "bench password 1";
    private static final String[] WORDS = {"printer", "invoice", "login", "password", "vpn", "refund", "export",
        "keyboard", "screen", "license", "upgrade", "shipping", "delivery", "account", "backup", "report", "error",
        "mailbox", "calendar", "phone"};
    private static final String[] VERBS = {"fails", "is slow", "missing", "broken", "question", "not working",
        "charged twice", "keeps crashing", "after update", "request"};

    private DeskWebBench() {}

    public static void main(String[] args) throws Exception {
        int tickets = Integer.parseInt(args[0]);
        int requests = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Path yaml = Files.writeString(work.resolve("bench.yaml"), "smtp:\n  listen: \"127.0.0.1:0\"\n"
                + "http:\n  listen: \"127.0.0.1:0\"\ndesk:\n  offices: [{name: Support, address: support@example.com, "
                + "default: true}, {name: Billing, address: billing@example.com}, {name: Sales, address: sales@example.com}]\n"
                + "data_dir: \"" + work.resolve("data") + "\"\n");
        MailteeConfig config = new ConfigLoader(Map.of()).read(yaml);
        List<String> offices = prepare(config, tickets);
        try (Gateway gw = Gateway.start(config)) {
            Pages pages = new Pages("http://127.0.0.1:" + gw.httpPort());
            pages.signIn("agent@example.com");
            Random random = new Random(7);
            Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
            kinds.put("/healthz (HTTP floor, no desk work)", i -> "/healthz");
            kinds.put("ticket list, first page", i -> "/tickets");
            kinds.put("ticket list, office + status filter", i -> "/tickets?office=" + offices.get(i % 2) + "&status=open");
            kinds.put("ticket list, deep page (keyset, before=#" + tickets / 20 + ")", i -> "/tickets?before=" + tickets / 20);
            kinds.put("ticket list, text search 'keyboard fails'", i -> "/tickets?q=keyboard+fails");
            kinds.put("ticket list, text search, no match", i -> "/tickets?q=zebra" + (i % 7));
            kinds.put("ticket view (random ticket, 1–3 messages)", i -> "/tickets/" + pages.ticketIn(random));
            pages.collectTicketIds(tickets);
            Map<String, long[]> times = pages.time(kinds, requests, 30);
            System.out.printf(Locale.ROOT, "%n%d tickets, %d timed requests per kind (after 30 warm-up), agent of 2 of 3 offices%n%n",
                    tickets, requests);
            System.out.println("| request | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|");
            times.forEach((kind, t) -> System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", kind,
                    pct(t, 50), pct(t, 99), t[t.length - 1] / 1e6));
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Creates the schema, the staff, and N tickets (one message and one event each, every 10th a 3-message thread). */
    private static List<String> prepare(MailteeConfig config, int tickets) throws SQLException {
        try (DeskSession s = DeskSession.open(config)) {
            s.desk().addAgent("agent@example.com", "Bench Agent", List.of("Support", "Billing"), false);
            s.desk().credentials().setPassword("agent@example.com", PASSWORD.toCharArray());
            List<String> offices = s.desk().offices().stream().map(o -> o.id()).toList();
            String agent = s.desk().staff().getFirst().id();
            long t0 = System.nanoTime();
            s.db().write(Durability.SYNCED, c -> {
                fill(c, tickets, offices, agent);
                return null;
            });
            System.out.printf(Locale.ROOT, "filled %d tickets in %.1f s%n", tickets, (System.nanoTime() - t0) / 1e9);
            return offices;
        }
    }

    private static void fill(Connection c, int tickets, List<String> offices, String agent) throws SQLException {
        Random r = new Random(42);
        long start = System.currentTimeMillis() - tickets * 60_000L;
        List<String> customers = customers(c, 5000, start);
        try (PreparedStatement t = c.prepareStatement("INSERT INTO desk_ticket (id, number, subject, status, priority, "
                + "office_id, requester_id, assignee_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement m = c.prepareStatement("INSERT INTO desk_message (id, ticket_id, author_id, direction, "
                + "origin, message_id, in_reply_to, refs, subject, visible_text, full_text, created_at) "
                + "VALUES (?, ?, ?, ?, 'mail', ?, '', '', ?, ?, ?, ?)");
             PreparedStatement e = c.prepareStatement("INSERT INTO desk_event (seq, ticket_id, kind, detail, created_at) "
                + "VALUES (?, ?, 'created', ?, ?)")) {
            for (int n = 1; n <= tickets; n++) {
                String id = UUID.randomUUID().toString();
                String subject = WORDS[r.nextInt(WORDS.length)] + " " + VERBS[r.nextInt(VERBS.length)] + " (" + n + ")";
                String requester = customers.get(r.nextInt(customers.size()));
                long at = start + n * 60_000L;
                int roll = r.nextInt(10);
                String status = roll < 7 ? "closed" : roll < 9 ? "open" : "pending";
                bind(t, id, n, subject, status, roll == 0 ? "high" : "normal", offices.get(n % offices.size()), requester,
                        r.nextBoolean() ? agent : null, at, at);
                t.addBatch();
                for (int k = 0; k < (n % 10 == 0 ? 3 : 1); k++) {
                    boolean in = k % 2 == 0;
                    String text = in ? "Hello, my " + subject + ". Please help.\n\nThanks" : "We are looking into it.";
                    bind(m, UUID.randomUUID().toString(), id, in ? requester : agent, in ? "inbound" : "outbound",
                            "<" + UUID.randomUUID() + "@bench.test>", subject, text, text, at + k);
                    m.addBatch();
                }
                bind(e, (long) n, id, "from bench", at);
                e.addBatch();
                if (n % 5000 == 0) flush(t, m, e);
            }
            flush(t, m, e);
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE desk_counter SET value = ? WHERE name IN ('ticket_number', 'event_seq')")) {
            u.setLong(1, tickets);
            u.executeUpdate();
        }
    }

    private static List<String> customers(Connection c, int n, long at) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO desk_person (id, email, email_key, name, role, created_at) "
                + "VALUES (?, ?, ?, ?, 'customer', ?)")) {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                String email = "customer" + i + "@example" + (i % 50) + ".test";
                bind(p, id, email, email, "Customer " + i, at);
                p.addBatch();
                ids.add(id);
            }
            p.executeBatch();
        }
        return ids;
    }

    private static void bind(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) p.setObject(i + 1, values[i]);
    }

    private static void flush(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement b : batches) b.executeBatch();
    }

    /** A signed-in browser session, reduced to what the timing needs. */
    private static final class Pages {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final List<String> ticketIds = new ArrayList<>();
        private String cookie = "";

        Pages(String base) {
            this.base = base;
        }

        void signIn(String email) throws Exception {
            HttpResponse<String> form = get("/signin");
            cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String csrf = form.body().replaceAll("(?s).*name=\"csrf\" value=\"([0-9a-f]+)\".*", "$1");
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                            "csrf=" + csrf + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (done.statusCode() != 302) throw new IllegalStateException("sign-in failed: " + done.statusCode());
            cookie = done.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        }

        /** Ticket ids the agent may open, read from list pages spread over the whole range. */
        void collectTicketIds(int tickets) throws Exception {
            for (int before = tickets + 1; before > 1 && ticketIds.size() < 500; before -= Math.max(1, tickets / 20)) {
                var m = java.util.regex.Pattern.compile("href=\"/tickets/([0-9a-f-]{36})\"").matcher(get("/tickets?before="
                        + before).body());
                while (m.find()) ticketIds.add(m.group(1));
            }
        }

        String ticketIn(Random r) {
            return ticketIds.get(r.nextInt(ticketIds.size()));
        }

        Map<String, long[]> time(Map<String, IntFunction<String>> kinds, int requests, int warmUp) throws Exception {
            Map<String, long[]> out = new LinkedHashMap<>();
            kinds.keySet().forEach(k -> out.put(k, new long[requests]));
            for (int i = -warmUp; i < requests; i++) {
                for (var kind : kinds.entrySet()) {
                    String path = kind.getValue().apply(Math.abs(i));
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = get(path);
                    long took = System.nanoTime() - t0;
                    if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
                    if (i >= 0) out.get(kind.getKey())[i] = took;
                }
            }
            out.values().forEach(Arrays::sort);
            return out;
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
