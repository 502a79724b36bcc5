package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"support@kayako.example", "first.last+tag@sub.example.org", "\"john doe\"@example.org",
        "\"a\\\"b\"@example.org", "jörg@exämple.de", "user@[192.0.2.1]", "o'brien@example.ie"})
    void acceptsMailboxes(String address) {
        assertThat(MailboxAddress.parse(address)).isInstanceOfSatisfying(MailboxAddress.Parsed.Valid.class,
                valid -> assertThat(valid.address().toString()).isEqualTo(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.org", "user@", "a b@example.org", "a..b@example.org", ".a@example.org",
        "user@-bad-.org", "user@exa mple.org", "user@example.org\r\nBcc: x@y.z", "<user@example.org>",
        "user@example..org", "\"unterminated@example.org"})
    void refusesWhatIsNotAMailbox(String address) {
        assertThat(MailboxAddress.parse(address)).isInstanceOf(MailboxAddress.Parsed.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 300})
    void refusesPartsLongerThanSmtpAllows(int length) {
        String address = length == 65 ? "a".repeat(65) + "@example.org" : "a@" + "b".repeat(length - 4) + ".org";

        assertThat(MailboxAddress.parse(address)).isInstanceOf(MailboxAddress.Parsed.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b"})
    void cannotBeBuiltInvalid(String localPart) {
        assertThatThrownBy(() -> new MailboxAddress(localPart, "example.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
