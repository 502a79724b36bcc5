package dev.mailtee.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the YAML tree into validated records; gosmtp-dup's five keys mean what they meant there. */
final class ConfigReader {
    private static final long DEFAULT_MAX_SIZE = 10_240_000; // Postfix message_size_limit
    /** Leases are renewed every quarter of their length: shorter ones would renew more than they deliver. */
    private static final Duration MIN_LEASE = Duration.ofSeconds(10);
    private final ConfigNode root;
    private final Map<String, Destination> seen = new HashMap<>();
    private Duration relayTimeout;

    ConfigReader(ConfigNode root) {
        this.root = root.allowOnly("smtp", "relay", "routes", "queue", "http", "data_dir", "desk");
    }

    MailteeConfig read() {
        ConfigNode relay = root.section("relay")
                .allowOnly("destination_primary", "destination_backups", "timeout_seconds");
        relayTimeout = relay.has("timeout_seconds")
                ? Duration.ofSeconds(relay.integer("timeout_seconds", 0, 1)) : null;
        List<Route> routes = new ArrayList<>();
        for (ConfigNode item : root.items("routes")) routes.add(route(item));
        relayRoute(relay).ifPresent(routes::add);
        // with nowhere else to send mail, every accepted message becomes a ticket
        if (routes.isEmpty()) routes.add(new Route(RecipientPattern.ANY, Optional.empty(), List.of(), Optional.empty(), true));
        return new MailteeConfig(root.source(), smtp(root.section("smtp")), new Router(routes),
                queue(root.section("queue")), http(root.section("http")),
                Path.of(root.string("data_dir", "data")), new DeskConfigReader(root.section("desk"), this::outbound).read());
    }

    private SmtpConfig smtp(ConfigNode n) {
        n.allowOnly("listen", "domain", "max_message_size", "max_recipients", "max_connections",
                "max_connections_per_ip", "timeout", "max_hops", "allowed_networks", "relay_domains",
                "received_header");
        List<Network> networks = new ArrayList<>();
        for (String s : n.strings("allowed_networks", List.of("127.0.0.0/8", "::1/128"))) {
            try {
                networks.add(Network.parse(s));
            } catch (IllegalArgumentException e) {
                throw n.fail("allowed_networks", e.getMessage());
            }
        }
        return new SmtpConfig(
                n.parsed("listen", new HostPort("127.0.0.1", 2525), HostPort::parse),
                n.string("domain", LocalHost.name()),
                n.number("max_message_size", DEFAULT_MAX_SIZE, 1024, Integer.MAX_VALUE),
                n.integer("max_recipients", 1000, 1),
                n.integer("max_connections", 100, 1),
                n.integer("max_connections_per_ip", 50, 1),
                n.duration("timeout", Duration.ofSeconds(300)),
                n.integer("max_hops", 50, 1),
                networks,
                n.strings("relay_domains", List.of()),
                n.bool("received_header", true));
    }

    private QueueConfig queue(ConfigNode n) {
        n.allowOnly("min_backoff", "max_backoff", "max_lifetime", "concurrency", "lease");
        QueueConfig q = new QueueConfig(n.duration("min_backoff", Duration.ofSeconds(300)),
                n.duration("max_backoff", Duration.ofSeconds(4000)),
                n.duration("max_lifetime", Duration.ofDays(5)),
                n.integer("concurrency", 10, 1),
                n.duration("lease", Duration.ofMinutes(5)));
        if (q.lease().compareTo(MIN_LEASE) < 0) throw n.fail("lease", "must be at least " + MIN_LEASE.toSeconds() + "s");
        if (q.minBackoff().isZero()) throw n.fail("min_backoff", "must be more than 0");
        if (q.maxBackoff().compareTo(q.minBackoff()) < 0) throw n.fail("max_backoff", "is less than min_backoff");
        return q;
    }

    private HttpConfig http(ConfigNode n) {
        n.allowOnly("enabled", "listen", "secure_cookies");
        return new HttpConfig(n.bool("enabled", true), n.parsed("listen", new HostPort("127.0.0.1", 8080), HostPort::parse),
                n.bool("secure_cookies", false));
    }

    private Optional<Route> relayRoute(ConfigNode relay) {
        Optional<Destination> primary = relay.has("destination_primary")
                ? Optional.of(destination(relay, "destination_primary")) : Optional.empty();
        List<Destination> backups = new ArrayList<>();
        List<String> listed = relay.strings("destination_backups", List.of());
        for (int i = 0; i < listed.size(); i++) {
            String text = listed.get(i);
            backups.add(remember(relay, "destination_backups[" + i + "]", plainDestination(relay, "destination_backups", text)));
        }
        if (primary.isEmpty() && backups.isEmpty()) return Optional.empty();
        return Optional.of(new Route(RecipientPattern.ANY, primary, backups));
    }

    private Route route(ConfigNode n) {
        n.allowOnly("match", "primary", "backups", "transform", "copies_to", "relay", "unique_copy", "desk");
        List<String> match = n.strings("match", List.of());
        if (match.isEmpty()) throw n.fail("match", "is required: domains, .subdomains, addresses or \"*\"");
        Optional<Destination> primary = n.has("primary") ? Optional.of(destination(n, "primary")) : Optional.empty();
        List<Destination> backups = new ArrayList<>();
        for (ConfigNode item : n.items("backups")) {
            backups.add(remember(item, "", item.asPlain().map(text -> plainDestination(item, "", text))
                    .orElseGet(() -> destinationFrom(item))));
        }
        Optional<UniqueCopies> copies = uniqueCopies(n);
        boolean desk = n.bool("desk", false);
        if (primary.isEmpty() && backups.isEmpty() && copies.isEmpty() && !desk) {
            throw n.fail("", "a route needs a primary or backups (or transform: unique-copy, or desk: true)");
        }
        return new Route(new RecipientPattern(match), primary, backups, copies, desk);
    }

    private Optional<UniqueCopies> uniqueCopies(ConfigNode n) {
        if (!n.has("transform")) {
            for (String key : List.of("copies_to", "relay", "unique_copy")) {
                if (n.has(key)) throw n.fail(key, "only goes with transform: unique-copy");
            }
            return Optional.empty();
        }
        if (!"unique-copy".equals(n.string("transform", ""))) throw n.fail("transform", "must be unique-copy (the only transform)");
        List<String> to = n.strings("copies_to", List.of());
        if (to.isEmpty()) throw n.fail("copies_to", "is required with transform: unique-copy (the helpdesk addresses)");
        for (String address : to) {
            if (dev.mailtee.mail.MailboxAddress.parse(address) instanceof dev.mailtee.mail.MailboxAddress.Parsed.Invalid bad) {
                throw n.fail("copies_to", "'" + address + "' is not an address: " + bad.reason());
            }
        }
        if (!n.has("relay")) throw n.fail("relay", "is required with transform: unique-copy (host:port or a mapping)");
        return Optional.of(new UniqueCopies(to, destination(n, "relay"), copySettings(n.section("unique_copy"))));
    }

    private static dev.mailtee.transform.UniqueCopy.Settings copySettings(ConfigNode n) {
        n.allowOnly("sentinel", "tag_length", "message_id_host");
        var defaults = dev.mailtee.transform.UniqueCopy.Settings.defaults();
        try {
            return new dev.mailtee.transform.UniqueCopy.Settings(n.string("sentinel", defaults.sentinelName()),
                    n.integer("tag_length", defaults.tagLength(), 1), n.string("message_id_host", defaults.messageIdHost()));
        } catch (IllegalArgumentException e) {
            throw n.fail("", e.getMessage());
        }
    }

    /** The desk's outbound relay: a destination like any route's, so it shares its queue runner. */
    private Destination outbound(ConfigNode parent, String key) {
        return destination(parent, key);
    }

    private Destination destination(ConfigNode parent, String key) {
        Destination d = parent.isMapping(key) ? destinationFrom(parent.section(key))
                : plainDestination(parent, key, parent.plain(key).orElseThrow(() -> parent.fail(key, "must be host:port or a mapping")));
        return remember(parent, key, d);
    }

    private Destination plainDestination(ConfigNode parent, String key, String text) {
        HostPort address;
        try {
            address = HostPort.parse(text);
        } catch (IllegalArgumentException e) {
            throw parent.fail(key, e.getMessage());
        }
        return new Destination(address, relayTimeoutOr(Duration.ofSeconds(30)), relayTimeoutOr(Duration.ofSeconds(300)),
                TlsPolicy.OPPORTUNISTIC, true, Optional.empty(), Optional.empty());
    }

    private Destination destinationFrom(ConfigNode n) {
        n.allowOnly("address", "connect_timeout", "command_timeout", "tls", "verify_certificate", "ca_file",
                "username", "password");
        if (!n.has("address")) throw n.fail("address", "is required (host:port)");
        TlsPolicy tls = n.choice("tls", TlsPolicy.OPPORTUNISTIC, TlsPolicy.class);
        Optional<Path> ca = n.has("ca_file") ? Optional.of(Path.of(n.string("ca_file", ""))) : Optional.empty();
        if (ca.isPresent() && !Files.isReadable(ca.get())) throw n.fail("ca_file", "cannot read " + ca.get());
        if (ca.isPresent() && tls == TlsPolicy.OFF) throw n.fail("ca_file", "is set but tls is off");
        return new Destination(n.parsed("address", null, HostPort::parse),
                n.duration("connect_timeout", relayTimeoutOr(Duration.ofSeconds(30))),
                n.duration("command_timeout", relayTimeoutOr(Duration.ofSeconds(300))),
                tls, n.bool("verify_certificate", true), ca, credentials(n));
    }

    private static Optional<Destination.Credentials> credentials(ConfigNode n) {
        String user = n.string("username", null);
        String pass = n.string("password", null);
        if (user == null && pass == null) return Optional.empty();
        if (user == null || user.isBlank()) throw n.fail("username", "is required when a password is set (no empty AUTH)");
        if (pass == null || pass.isEmpty()) throw n.fail("password", "is required when a username is set (no empty AUTH)");
        return Optional.of(new Destination.Credentials(user, pass));
    }

    /** One address, one set of options: two different settings for the same server would be ambiguous. */
    private Destination remember(ConfigNode n, String key, Destination d) {
        Destination earlier = seen.putIfAbsent(d.name(), d);
        if (earlier != null && !earlier.equals(d)) {
            throw n.fail(key, "destination " + d.name() + " is configured twice with different options");
        }
        return d;
    }

    private Duration relayTimeoutOr(Duration fallback) {
        return relayTimeout != null ? relayTimeout : fallback;
    }
}
