package dev.mailtee.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

/** The inbound SMTP server: SubEthaSMTP on virtual threads, with our transaction commands. */
public final class SmtpListener {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpListener.class);
    private final SMTPServer server;
    private final ClientSessions sessions;

    public SmtpListener(Relay relay) {
        this.sessions = new ClientSessions(relay);
        var smtp = relay.smtp();
        InetAddress bind;
        try {
            bind = InetAddress.getByName(smtp.listen().host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("smtp.listen: unknown host " + smtp.listen().host(), e);
        }
        this.server = SMTPServer.port(smtp.listen().port())
                .bindAddress(bind)
                .hostName(smtp.domain())
                .softwareName("mailtee")
                .messageHandlerFactory(sessions)
                .sessionHandler(sessions)
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .maxConnections(smtp.maxConnections())
                .maxRecipients(smtp.maxRecipients())
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, smtp.maxMessageSize()))
                .connectionTimeout((int) smtp.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .build();
        Commands.install(server.getCommandHandler(), sessions);
    }

    public void start() {
        server.start();
        LOG.info("SMTP listening on {}:{}", server.getBindAddress().map(InetAddress::getHostAddress).orElse("*"),
                server.getPortAllocated());
    }

    public int port() {
        return server.getPortAllocated();
    }

    /**
     * Graceful stop: refuse new connections and MAIL commands with 421, let transactions in
     * progress reach their final reply (up to {@code grace}), then close everything.
     */
    public void stop(Duration grace) {
        sessions.drain();
        long deadline = System.nanoTime() + grace.toNanos();
        while (sessions.transactionsInProgress() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop();
    }
}
