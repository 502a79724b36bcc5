package dev.mailtee.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Reads the {@code desk:} section. */
final class DeskConfigReader {
    private final ConfigNode n;
    private final BiFunction<ConfigNode, String, Destination> destinations;

    DeskConfigReader(ConfigNode n, BiFunction<ConfigNode, String, Destination> destinations) {
        this.n = n.allowOnly("offices", "own_addresses", "acknowledge", "acknowledge_limit", "acknowledge_window",
                "notify_agents", "max_attachment_size", "max_attachments_size", "outbound");
        this.destinations = destinations;
    }

    DeskConfig read() {
        long perAttachment = n.number("max_attachment_size", 25L << 20, 0, Long.MAX_VALUE);
        long perMessage = n.number("max_attachments_size", 50L << 20, 0, Long.MAX_VALUE);
        List<String> own = n.strings("own_addresses", List.of());
        for (int i = 0; i < own.size(); i++) {
            if (!isAddress(own.get(i))) throw n.fail("own_addresses[" + i + "]", "'" + own.get(i) + "' is not an address");
        }
        return new DeskConfig(offices(), own, n.bool("acknowledge", true), n.integer("acknowledge_limit", 3, 0),
                n.duration("acknowledge_window", Duration.ofHours(1)), n.bool("notify_agents", true),
                perAttachment, perMessage,
                n.has("outbound") ? Optional.of(destinations.apply(n, "outbound")) : Optional.empty());
    }

    private List<DeskConfig.Office> offices() {
        List<DeskConfig.Office> offices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        boolean haveDefault = false;
        for (ConfigNode item : n.items("offices")) {
            item.allowOnly("name", "address", "default");
            String name = item.string("name", "").strip();
            String address = item.string("address", "").strip();
            if (name.isEmpty()) throw item.fail("name", "is required");
            if (!isAddress(address)) throw item.fail("address", "is required: the office's inbound address, like support@example.com");
            if (address.substring(0, address.indexOf('@')).contains("+")) {
                throw item.fail("address", "must not contain '+': replies come to <local>+<ticket>@<domain>");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) throw item.fail("name", "office " + name + " is declared twice");
            if (!addresses.add(address.toLowerCase(Locale.ROOT))) throw item.fail("address", address + " is declared twice");
            boolean isDefault = item.bool("default", false);
            if (isDefault && haveDefault) throw item.fail("default", "only one office can be the default");
            haveDefault |= isDefault;
            offices.add(new DeskConfig.Office(name, address, isDefault));
        }
        return offices;
    }

    private static boolean isAddress(String s) {
        int at = s.lastIndexOf('@');
        return at > 0 && at < s.length() - 1 && !s.contains(" ") && !s.contains("<");
    }
}
