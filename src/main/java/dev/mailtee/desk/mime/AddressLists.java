package dev.mailtee.desk.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Address-list fields (From, To, Cc, Reply-To, ...) into mailboxes; groups are flattened
 * (RFC 5322 3.4), mailboxes without an address are dropped.
 */
final class AddressLists {

    private AddressLists() {
    }

    static List<NamedAddress> parse(byte[] rawValue) {
        List<NamedAddress> mailboxes = parseList(rawValue);
        // "From: a@example.com b@example.com" (no commas) would come out as one address.
        boolean runTogether = mailboxes.stream().anyMatch(m -> m.address().indexOf('@') != m.address().lastIndexOf('@'));
        return runTogether ? parseEachWord(rawValue) : mailboxes;
    }

    private static List<NamedAddress> parseList(byte[] rawValue) {
        byte[] utf8 = TextDecoding.asUtf8(rawValue);
        List<NamedAddress> mailboxes = new ArrayList<>();
        for (Address address : LenientAddressParser.DEFAULT
                .parseAddressList(new ByteArrayBuffer(utf8, true), new ParserCursor(0, utf8.length))) {
            var members = address instanceof Group group ? group.getMailboxes()
                    : List.of((org.apache.james.mime4j.dom.address.Mailbox) address);
            members.forEach(member -> toMailbox(member).ifPresent(mailboxes::add));
        }
        return mailboxes;
    }

    private static List<NamedAddress> parseEachWord(byte[] rawValue) {
        String value = TextDecoding.utf8OrWindows1252(rawValue);
        return Arrays.stream(value.split("[\\s,;]+")).filter(word -> word.indexOf('@') > 0)
                .flatMap(word -> parseList(word.getBytes(StandardCharsets.UTF_8)).stream()).toList();
    }

    private static Optional<NamedAddress> toMailbox(org.apache.james.mime4j.dom.address.Mailbox parsed) {
        String local = parsed.getLocalPart() == null ? "" : parsed.getLocalPart().strip();
        String domain = parsed.getDomain() == null ? "" : parsed.getDomain().strip();
        String name = parsed.getName() == null ? "" : parsed.getName();
        if (local.isEmpty()) {
            return Optional.empty();
        }
        int space = local.lastIndexOf(' ');
        if (space > 0 && name.isEmpty() && !local.startsWith("\"")) {
            // "From: Big Bug bb@bug.com": words before an unbracketed address are a name.
            name = local.substring(0, space);
            local = local.substring(space + 1);
        }
        String address = domain.isEmpty() ? local : local + "@" + domain;
        return Optional.of(new NamedAddress(address, HeaderText.decodeWords(name)));
    }
}
