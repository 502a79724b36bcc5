package dev.mailtee.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.CommandRegistry;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * A real SMTP server on loopback for tests: records every message (envelope, MAIL parameters,
 * raw bytes) and answers as the test tells it to (refuse a recipient, fail DATA, stall).
 */
public final class SmtpSink implements AutoCloseable {
    public record Received(String sender, String mailLine, List<String> recipients, byte[] data, boolean tls) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<String, RejectException> rcptVerdict = r -> null;
    private volatile RejectException dataVerdict;
    private volatile Duration dataDelay = Duration.ZERO;
    private volatile String dropAt;
    private final SMTPServer server;

    private SmtpSink(int port, SSLContext tls, String user, String password) {
        SMTPServer.Builder b = SMTPServer.port(port).bindAddress(loopback()).hostName("sink.test")
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .insertReceivedHeaders(false).maxMessageSize(200_000_000).messageHandlerFactory(this::handler);
        if (tls != null) b.enableTLS().startTlsSocketFactory(tls);
        if (user != null) {
            b.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, ctx) -> {
                if (!u.equals(user) || !p.equals(password)) throw new org.subethamail.smtp.auth.LoginFailedException();
            }));
        }
        server = b.build();
        server.getCommandHandler().addCommand(new RecordingMail());
        server.start();
    }

    public static SmtpSink start() {
        return new SmtpSink(0, null, null, null);
    }

    /** Starts on a given port (to bring a "down" destination back where the gateway expects it). */
    public static SmtpSink startOn(int port) {
        return new SmtpSink(port, null, null, null);
    }

    public static SmtpSink startTls(SSLContext tls, String user, String password) {
        return new SmtpSink(0, tls, user, password);
    }

    public int port() {
        return server.getPortAllocated();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    public List<Received> messages() {
        return List.copyOf(received);
    }

    public SmtpSink refuseRecipients(Function<String, RejectException> verdict) {
        this.rcptVerdict = verdict;
        return this;
    }

    public SmtpSink answerData(int code, String text) {
        this.dataVerdict = new RejectException(code, text);
        return this;
    }

    /** Closes the connection without a reply when this recipient is proposed. */
    public SmtpSink dropConnectionAt(String recipient) {
        this.dropAt = recipient;
        return this;
    }

    public SmtpSink stallData(Duration delay) {
        this.dataDelay = delay;
        return this;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private final ThreadLocal<String> lastMailLine = new ThreadLocal<>();

    private MessageHandler handler(MessageContext ctx) {
        String mailLine = lastMailLine.get();
        return new MessageHandler() {
            private String sender;
            private final List<String> rcpts = new ArrayList<>();

            @Override
            public void from(String from) {
                sender = from;
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                if (recipient.equals(dropAt)) {
                    try {
                        ((Session) ctx).getSocket().close();
                    } catch (IOException ignored) {
                        // closing is the point
                    }
                    throw new org.subethamail.smtp.DropConnectionException(421, "gone");
                }
                RejectException no = rcptVerdict.apply(recipient);
                if (no != null) throw no;
                rcpts.add(recipient);
            }

            @Override
            public String data(InputStream data) throws RejectException, IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                data.transferTo(out);
                sleep(dataDelay);
                if (dataVerdict != null) throw dataVerdict;
                received.add(new Received(sender, mailLine, List.copyOf(rcpts), out.toByteArray(), ((Session) ctx).isTLSStarted()));
                return null;
            }

            @Override
            public void done() {}
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Remembers the raw MAIL line (to check ESMTP parameters), then does what SubEthaSMTP does. */
    private final class RecordingMail extends BaseCommand {
        RecordingMail() {
            super("MAIL", "record");
        }

        @Override
        public void execute(String line, Session s) throws IOException, org.subethamail.smtp.DropConnectionException {
            lastMailLine.set(line);
            CommandRegistry.MAIL.getCommand().execute(line, s);
        }
    }
}
