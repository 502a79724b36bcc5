package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import dev.mailtee.config.TlsPolicy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.util.WriteTimeoutSocket;
import java.util.Properties;

/**
 * Opens connections to one destination. The mail session and TLS context are built once here,
 * not per connection, and idle connections are cached for a few seconds (as Postfix's scache):
 * a relay needs a connection to its primary for every client connection.
 */
public final class SmtpConnector {
    private static final int CACHE_SIZE = 32;
    private static final Duration CACHE_TIME = Duration.ofSeconds(5);

    private record Idle(SmtpConnection connection, long since) {}

    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final Destination destination;
    private final Session session;
    private final Session plainFallback;
    private final URLName url;
    private final ScheduledExecutorService writeTimer;

    /** A connector with its own write-timeout timer (a daemon thread), for one-shot use. */
    public SmtpConnector(Destination d, String heloName) {
        this(d, heloName, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-write-timeout");
            t.setDaemon(true);
            return t;
        }));
    }

    /** {@code writeTimer} aborts a write the server does not take within the command timeout. */
    public SmtpConnector(Destination d, String heloName, ScheduledExecutorService writeTimer) {
        this.destination = d;
        this.writeTimer = writeTimer;
        this.session = Session.getInstance(properties(d, heloName, d.tls()));
        this.plainFallback = d.tls() == TlsPolicy.OPPORTUNISTIC
                ? Session.getInstance(properties(d, heloName, TlsPolicy.OFF)) : null;
        this.url = new URLName("smtp", d.address().host(), d.address().port(), null,
                d.auth().map(Destination.Credentials::username).orElse(null),
                d.auth().map(Destination.Credentials::password).orElse(null));
    }

    public Destination destination() {
        return destination;
    }

    /** A cached idle connection (newest first) or a new one; {@link #isCached} tells which. */
    public SmtpConnection borrow() throws SmtpFailure {
        Idle i;
        while ((i = idle.pollFirst()) != null) {
            if (System.nanoTime() - i.since() < CACHE_TIME.toNanos() && i.connection().isOpen()) return i.connection();
            i.connection().close();
        }
        return open();
    }

    /** Gives back a connection that is between transactions, for the next client to use. */
    public void release(SmtpConnection c) {
        if (!c.isOpen() || idle.size() >= CACHE_SIZE) {
            c.close();
            return;
        }
        idle.addFirst(new Idle(c, System.nanoTime()));
    }

    /** Closes every cached connection (at shutdown). */
    public void closeIdle() {
        Idle i;
        while ((i = idle.pollFirst()) != null) i.connection().close();
    }

    /** Connects, says EHLO, starts TLS and authenticates as the destination asks. */
    public SmtpConnection open() throws SmtpFailure {
        try {
            return connect(session);
        } catch (SmtpFailure e) {
            // Postfix "may": a failed handshake falls back to plain text rather than not delivering.
            if (plainFallback != null && e.getMessage().contains("TLS")) return connect(plainFallback);
            throw e;
        }
    }

    private SmtpConnection connect(Session s) throws SmtpFailure {
        Destination d = destination;
        Socket socket;
        try {
            // Angus applies its write timeout only to sockets it opens itself: wrap ours the same way
            socket = new WriteTimeoutSocket(new Socket(), (int) d.commandTimeout().toMillis(), writeTimer);
        } catch (IOException e) {
            throw new SmtpFailure(d.name() + ": " + e.getMessage(), e);
        }
        try {
            socket.connect(new InetSocketAddress(d.address().host(), d.address().port()), (int) d.connectTimeout().toMillis());
            socket.setSoTimeout((int) d.commandTimeout().toMillis());
            socket.setTcpNoDelay(true);
            SmtpConnection.Transport t = new SmtpConnection.Transport(s, url);
            t.connect(socket);
            if (d.auth().isPresent() && !t.supportsExtension("AUTH")) {
                throw new MessagingException("server offers no AUTH but credentials are configured");
            }
            return new SmtpConnection(d, socket, t);
        } catch (IOException | MessagingException | IllegalStateException e) {
            SmtpConnection.closeQuietly(socket);
            throw new SmtpFailure(d.name() + ": " + SmtpConnection.describe(e), e);
        }
    }

    private static Properties properties(Destination d, String heloName, TlsPolicy tls) {
        Properties props = new Properties();
        props.put("mail.smtp.localhost", heloName);
        props.put("mail.smtp.timeout", String.valueOf(d.commandTimeout().toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(d.commandTimeout().toMillis()));
        props.put("mail.mime.allowutf8", "true");
        props.put("mail.smtp.auth", String.valueOf(d.auth().isPresent()));
        OutboundTls.apply(d, tls, props);
        return props;
    }
}
