package dev.mailtee.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtee.config.Destination;
import dev.mailtee.config.HostPort;
import dev.mailtee.config.TlsPolicy;
import dev.mailtee.mail.BodyType;
import dev.mailtee.testing.SmtpSink;
import dev.mailtee.testing.TestCertificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS policies and AUTH against real TLS servers on loopback. */
class OutboundTlsAuthTest {
    @TempDir
    static Path dir;
    static TestCertificate cert;

    @BeforeAll
    static void certificate() throws Exception {
        cert = TestCertificate.create(dir);
    }

    private static Destination dest(SmtpSink sink, TlsPolicy tls, boolean verify, Optional<Path> ca, String user, String pass) {
        return new Destination(new HostPort("127.0.0.1", sink.port()), Duration.ofSeconds(5), Duration.ofSeconds(5), tls,
                verify, ca, user == null ? Optional.empty() : Optional.of(new Destination.Credentials(user, pass)));
    }

    private static Outcome send(Destination d) throws SmtpFailure {
        try (SmtpConnection c = SmtpConnection.open(d, "gw.test")) {
            return CopySender.send(c, "a@client.test", BodyType.SEVEN_BIT, List.of("b@dest.test"),
                    new ByteArrayInputStream("Subject: t\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void requiredTlsVerifiedAgainstAConfiguredCaWithAuth() throws Exception {
        try (SmtpSink sink = SmtpSink.startTls(cert.serverContext(), "relay", "s3cret")) {
            Outcome o = send(dest(sink, TlsPolicy.REQUIRED, true, Optional.of(cert.pem()), "relay", "s3cret"));
            assertThat(o).isInstanceOf(Outcome.Delivered.class);
            assertThat(sink.messages()).singleElement().matches(SmtpSink.Received::tls);
        }
    }

    @Test
    void requiredTlsRefusesACertificateItCannotVerify() throws Exception {
        try (SmtpSink sink = SmtpSink.startTls(cert.serverContext(), null, null)) {
            assertThatThrownBy(() -> send(dest(sink, TlsPolicy.REQUIRED, true, Optional.empty(), null, null)))
                    .isInstanceOf(SmtpFailure.class).hasMessageContaining("TLS");
            assertThat(sink.messages()).isEmpty();
        }
    }

    @Test
    void requiredTlsToAServerWithoutStartTlsIsNotSentInClear() {
        try (SmtpSink sink = SmtpSink.start()) {
            assertThatThrownBy(() -> send(dest(sink, TlsPolicy.REQUIRED, true, Optional.empty(), null, null)))
                    .isInstanceOf(SmtpFailure.class).hasMessageContaining("STARTTLS");
            assertThat(sink.messages()).isEmpty();
        }
    }

    @Test
    void opportunisticTlsEncryptsWhenOfferedAndSendsInClearOtherwise() throws Exception {
        try (SmtpSink tls = SmtpSink.startTls(cert.serverContext(), null, null); SmtpSink plain = SmtpSink.start()) {
            assertThat(send(dest(tls, TlsPolicy.OPPORTUNISTIC, true, Optional.empty(), null, null))).isInstanceOf(Outcome.Delivered.class);
            assertThat(send(dest(plain, TlsPolicy.OPPORTUNISTIC, true, Optional.empty(), null, null))).isInstanceOf(Outcome.Delivered.class);
            assertThat(tls.messages()).singleElement().matches(SmtpSink.Received::tls);
            assertThat(plain.messages()).singleElement().matches(m -> !m.tls());
        }
    }

    @Test
    void wrongPasswordOrMissingAuthSupportFailsClearly() throws Exception {
        try (SmtpSink auth = SmtpSink.startTls(cert.serverContext(), "relay", "s3cret"); SmtpSink noAuth = SmtpSink.start()) {
            assertThatThrownBy(() -> send(dest(auth, TlsPolicy.REQUIRED, true, Optional.of(cert.pem()), "relay", "wrong")))
                    .isInstanceOf(SmtpFailure.class);
            assertThatThrownBy(() -> send(dest(noAuth, TlsPolicy.OFF, true, Optional.empty(), "relay", "s3cret")))
                    .isInstanceOf(SmtpFailure.class).hasMessageContaining("no AUTH");
            assertThat(auth.messages()).isEmpty();
            assertThat(noAuth.messages()).isEmpty();
        }
    }
}
