package dev.mailtee.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @Test
    void theDefaultsAreTheSeedsWithThisHost() {
        UniqueCopy.Settings defaults = UniqueCopy.Settings.defaults();

        assertThat(defaults.sentinelName()).isEqualTo("X-Kayako-Dup");
        assertThat(defaults.tagLength()).isEqualTo(4);
        assertThat(LocalHostName.isIdRight(defaults.messageIdHost())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad host", "host@x", "a..b", ".a", "<x>", "[1.2.3.4"})
    void aHostThatCannotFollowTheAtOfAMessageIdIsRefused(String host) {
        assertThatThrownBy(() -> new UniqueCopy.Settings("X-Kayako-Dup", 4, host)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mx1", "gw.example.net", "[192.0.2.1]"})
    void hostsThatCanAreAccepted(String host) {
        assertThat(new UniqueCopy.Settings("X-Kayako-Dup", 4, host).messageIdHost()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Dup", "X-Dup:", "Subject", "to", "MESSAGE-ID", "References"})
    void aSentinelThatIsNoFieldOrIsRewrittenIsRefused(String name) {
        assertThatThrownBy(() -> new UniqueCopy.Settings(name, 4, "gw.example.net")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 33})
    void aTagLengthOutOfRangeIsRefused(int length) {
        assertThatThrownBy(() -> new UniqueCopy.Settings("X-Kayako-Dup", length, "gw.example.net"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
