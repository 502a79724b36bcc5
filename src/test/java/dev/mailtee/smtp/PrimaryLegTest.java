package dev.mailtee.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.config.Destination;
import dev.mailtee.config.HostPort;
import dev.mailtee.config.TlsPolicy;
import dev.mailtee.delivery.SmtpConnectors;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.Reply;
import dev.mailtee.testing.SmtpSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/** The proxied primary's states, against real SMTP servers on loopback. */
class PrimaryLegTest {
    private static final String SENDER = "ana@example.org";
    private static final byte[] MESSAGE = "Subject: hello\r\nMessage-ID: <m1@example.org>\r\n\r\nHello.\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    SmtpSink sink;
    Destination primary;
    SmtpConnectors connectors;
    ClientState client;

    @BeforeEach
    void start() {
        sink = SmtpSink.start();
        primary = destination(sink.port());
        connectors = new SmtpConnectors(List.of(primary), "gateway.test");
        client = new ClientState();
    }

    @AfterEach
    void stop() {
        client.close();
        connectors.closeIdle();
        sink.close();
    }

    private PrimaryLeg leg() {
        return new PrimaryLeg(client, connectors);
    }

    private Reply propose(PrimaryLeg leg, String rcpt) {
        return leg.propose(primary, SENDER, BodyType.SEVEN_BIT, rcpt);
    }

    private static void send(PrimaryLeg leg, byte[] message) throws IOException {
        OutputStream body = leg.body();
        body.write(message);
        body.flush();
    }

    @Test
    void recipientsThePrimaryAcceptsAreAcceptedAndItsAnswerToTheDotIsTheAnswer() throws IOException {
        PrimaryLeg leg = leg();
        assertThat(propose(leg, "a@example.net").code()).isEqualTo(250);
        assertThat(propose(leg, "b@example.net").code()).isEqualTo(250);
        assertThat(leg.destinationName()).isEqualTo(primary.name());
        assertThat(leg.beforeData()).isEmpty();
        send(leg, MESSAGE);
        Optional<Reply> answer = leg.finish();

        assertThat(answer).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        assertThat(sink.messages()).singleElement().satisfies(m -> {
            assertThat(m.sender()).isEqualTo(SENDER);
            assertThat(m.recipients()).containsExactly("a@example.net", "b@example.net");
            assertThat(m.data()).isEqualTo(MESSAGE);
        });
        assertThat(client.hasOpen(connectors.forDestination(primary))).as("kept for the next transaction").isTrue();
    }

    @Test
    void aRecipientThePrimaryRefusesIsRefusedWithItsCodeAndTheOthersGoOn() throws IOException {
        sink.refuseRecipients(r -> r.startsWith("nobody") ? new RejectException(550, "5.1.1 no such user") : null);
        PrimaryLeg leg = leg();
        Reply refused = propose(leg, "nobody@example.net");
        assertThat(refused.code()).isEqualTo(550);
        assertThat(refused.text()).contains("no such user");
        assertThat(propose(leg, "a@example.net").code()).isEqualTo(250);
        assertThat(leg.beforeData()).isEmpty();
        send(leg, MESSAGE);
        assertThat(leg.finish()).hasValueSatisfying(r -> assertThat(r.isPositive()).isTrue());
        assertThat(sink.messages()).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly("a@example.net"));
    }

    @Test
    void anUnreachablePrimaryIsATemporaryFailure() throws IOException {
        Destination down = destination(freePort());
        PrimaryLeg leg = new PrimaryLeg(client, new SmtpConnectors(List.of(down), "gateway.test"));
        Reply r = leg.propose(down, SENDER, BodyType.SEVEN_BIT, "a@example.net");
        assertThat(r.code()).isEqualTo(451);
        assertThat(r.text()).startsWith("4.4.1 Primary unreachable, try again later");
        assertThat(leg.beforeData()).as("nothing to wait for").isEmpty();
        assertThat(leg.finish()).isEmpty();
    }

    @Test
    void aPrimaryLostAfterAcceptingRecipientsBreaksTheTransaction() {
        sink.dropConnectionAt("b@example.net");
        PrimaryLeg leg = leg();
        assertThat(propose(leg, "a@example.net").code()).isEqualTo(250);
        Reply lost = propose(leg, "b@example.net");
        assertThat(lost.code()).isEqualTo(451);
        assertThat(lost.text()).startsWith("4.4.2 Primary " + primary.name());

        Reply later = propose(leg, "c@example.net");
        assertThat(later.code()).isEqualTo(451);
        assertThat(later.text()).isEqualTo("4.4.2 Primary connection lost in this transaction, try again later");
        assertThat(leg.beforeData()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(451));
        assertThat(leg.destinationName()).isEmpty();
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void aPrimaryLostBeforeAcceptingAnyoneIsOpenedAfreshForTheNextRecipient() throws IOException {
        sink.dropConnectionAt("first@example.net");
        PrimaryLeg leg = leg();
        assertThat(propose(leg, "first@example.net").code()).isEqualTo(451);
        assertThat(propose(leg, "a@example.net").code()).isEqualTo(250);
        assertThat(leg.beforeData()).isEmpty();
        send(leg, MESSAGE);
        assertThat(leg.finish()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        assertThat(sink.messages()).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly("a@example.net"));
    }

    @Test
    void doneResetsAHalfDoneTransactionSoTheConnectionIsCleanForTheNextOne() throws IOException {
        PrimaryLeg abandoned = leg();
        assertThat(propose(abandoned, "old@example.net").code()).isEqualTo(250);
        abandoned.done(); // RSET
        abandoned.done(); // the session's end calls it again: it acts once
        assertThat(client.hasOpen(connectors.forDestination(primary))).isTrue();

        PrimaryLeg next = leg();
        assertThat(propose(next, "new@example.net").code()).isEqualTo(250);
        assertThat(next.beforeData()).isEmpty();
        send(next, MESSAGE);
        assertThat(next.finish()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        assertThat(sink.messages()).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly("new@example.net"));
    }

    @Test
    void doneMidDataDropsTheConnectionSoThePrimaryKeepsNothing() throws IOException {
        PrimaryLeg leg = leg();
        propose(leg, "a@example.net");
        assertThat(leg.beforeData()).isEmpty();
        send(leg, "Subject: half".getBytes(StandardCharsets.US_ASCII));
        leg.done();
        assertThat(client.hasOpen(connectors.forDestination(primary))).isFalse();

        PrimaryLeg next = leg();
        propose(next, "b@example.net");
        next.beforeData();
        send(next, MESSAGE);
        next.finish();
        assertThat(sink.messages()).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly("b@example.net"));
    }

    @Test
    void abandonedMidDataThePrimaryKeepsNothing() throws IOException {
        PrimaryLeg leg = leg();
        propose(leg, "a@example.net");
        leg.beforeData();
        send(leg, MESSAGE);
        leg.abandon();
        assertThat(leg.finish()).isEmpty();
        assertThat(client.hasOpen(connectors.forDestination(primary))).isFalse();
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void aPrimaryThatAcceptedNoRecipientIsLeftOutOfTheMessage() throws IOException {
        sink.refuseRecipients(r -> new RejectException(550, "5.1.1 no"));
        PrimaryLeg leg = leg();
        assertThat(propose(leg, "a@example.net").code()).isEqualTo(550);
        assertThat(leg.beforeData()).isEmpty();
        send(leg, MESSAGE); // into the null stream
        assertThat(leg.finish()).isEmpty();
        assertThat(leg.destinationName()).isEmpty();
        assertThat(client.hasOpen(connectors.forDestination(primary))).as("reset, not dropped").isTrue();
    }

    @Test
    void theDotRefusedIsTheAnswerAndThatConnectionIsNotReused() throws IOException {
        sink.answerData(554, "5.7.1 content refused");
        PrimaryLeg leg = leg();
        propose(leg, "a@example.net");
        assertThat(leg.beforeData()).isEmpty();
        send(leg, MESSAGE);
        assertThat(leg.finish()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(554);
            assertThat(r.text()).contains("content refused");
        });
        assertThat(client.hasOpen(connectors.forDestination(primary))).isFalse();
    }

    @Test
    void dataRefusedByThePrimaryIsTheClientsAnswerBefore354() {
        SMTPServer refusing = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("refusing.test")
                .executorService(Executors.newVirtualThreadPerTaskExecutor()).build();
        refusing.getCommandHandler().addCommand(new BaseCommand("DATA", "refuses") {
            @Override
            public void execute(String line, Session s) throws IOException {
                s.sendResponse("554 5.3.2 not accepting messages now");
            }
        });
        refusing.start();
        try {
            Destination d = destination(refusing.getPortAllocated());
            PrimaryLeg leg = new PrimaryLeg(client, new SmtpConnectors(List.of(d), "gateway.test"));
            assertThat(leg.propose(d, SENDER, BodyType.SEVEN_BIT, "a@example.net").code()).isEqualTo(250);
            assertThat(leg.beforeData()).hasValueSatisfying(r -> {
                assertThat(r.code()).isEqualTo(554);
                assertThat(r.text()).isEqualTo("5.3.2 not accepting messages now");
            });
            assertThat(leg.finish()).as("the primary ended its transaction").isEmpty();
        } finally {
            refusing.stop();
        }
    }

    @Test
    void recipientsForAnotherPrimaryWaitForANewTransaction() {
        try (SmtpSink other = SmtpSink.start()) {
            Destination second = destination(other.port());
            PrimaryLeg leg = new PrimaryLeg(client, new SmtpConnectors(List.of(primary, second), "gateway.test"));
            assertThat(leg.propose(primary, SENDER, BodyType.SEVEN_BIT, "a@example.net").code()).isEqualTo(250);
            Reply r = leg.propose(second, SENDER, BodyType.SEVEN_BIT, "b@example.org");
            assertThat(r.code()).isEqualTo(452);
            assertThat(r.text()).isEqualTo("4.5.3 Recipients for another primary: send them in a new transaction");
            leg.done();
        }
    }

    private static Destination destination(int port) {
        return new Destination(new HostPort("127.0.0.1", port), Duration.ofSeconds(2), Duration.ofSeconds(5), TlsPolicy.OFF,
                false, Optional.empty(), Optional.empty());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
