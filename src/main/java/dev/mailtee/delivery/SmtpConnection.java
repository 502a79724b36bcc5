package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import dev.mailtee.config.TlsPolicy;
import dev.mailtee.mail.BodyType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One client connection to a destination, driven step by step (MAIL, RCPT, DATA) so a proxy can
 * answer its own client with each of the server's replies. Built on Angus Mail's transport for
 * EHLO, STARTTLS and AUTH; we own the socket so a transaction can be abandoned mid-DATA without
 * the server ever seeing the final dot.
 */
public final class SmtpConnection implements AutoCloseable {
    private final Destination destination;
    private final Socket socket;
    private final Transport transport;
    private SMTPOutputStream data;

    private SmtpConnection(Destination destination, Socket socket, Transport transport) {
        this.destination = destination;
        this.socket = socket;
        this.transport = transport;
    }

    /** Connects, says EHLO, starts TLS and authenticates as the destination asks. */
    public static SmtpConnection open(Destination d, String heloName) throws SmtpFailure {
        try {
            return connect(d, heloName, d.tls());
        } catch (SmtpFailure e) {
            // Postfix "may": a failed handshake falls back to plain text rather than not delivering.
            if (d.tls() == TlsPolicy.OPPORTUNISTIC && e.getMessage().contains("TLS")) {
                return connect(d, heloName, TlsPolicy.OFF);
            }
            throw e;
        }
    }

    private static SmtpConnection connect(Destination d, String heloName, TlsPolicy tls) throws SmtpFailure {
        Properties props = new Properties();
        props.put("mail.smtp.localhost", heloName);
        props.put("mail.smtp.timeout", String.valueOf(d.commandTimeout().toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(d.commandTimeout().toMillis()));
        props.put("mail.mime.allowutf8", "true");
        props.put("mail.smtp.auth", String.valueOf(d.auth().isPresent()));
        OutboundTls.apply(new Destination(d.address(), d.connectTimeout(), d.commandTimeout(), tls,
                d.verifyCertificate(), d.caFile(), d.auth()), props);
        Session session = Session.getInstance(props);
        URLName url = new URLName("smtp", d.address().host(), d.address().port(), null,
                d.auth().map(Destination.Credentials::username).orElse(null),
                d.auth().map(Destination.Credentials::password).orElse(null));
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(d.address().host(), d.address().port()), (int) d.connectTimeout().toMillis());
            socket.setSoTimeout((int) d.commandTimeout().toMillis());
            socket.setTcpNoDelay(true);
            Transport t = new Transport(session, url);
            t.connect(socket);
            if (d.auth().isPresent() && !t.supportsExtension("AUTH")) {
                throw new MessagingException("server offers no AUTH but credentials are configured");
            }
            return new SmtpConnection(d, socket, t);
        } catch (IOException | MessagingException | IllegalStateException e) {
            closeQuietly(socket);
            throw new SmtpFailure(d.name() + ": " + describe(e), e);
        }
    }

    public Destination destination() {
        return destination;
    }

    public Reply mailFrom(String sender, BodyType body) {
        return command("MAIL FROM:<" + sender + ">" + body.mailParameters());
    }

    public Reply rcptTo(String recipient) {
        return command("RCPT TO:<" + recipient + ">");
    }

    /** Sends DATA; on 354 the body goes to {@link #body()}, then {@link #endData()}. */
    public Reply data() {
        try {
            data = transport.openData();
            return new Reply(354, "go ahead");
        } catch (SMTPSendFailedException e) {
            return Reply.parse(e.getReturnCode(), transport.getLastServerResponse());
        } catch (MessagingException e) {
            abort();
            return Reply.noConnection("connection lost: " + describe(e));
        }
    }

    /** The body stream: dot-stuffs and ends lines with CRLF (RFC 5321 §4.5.2). */
    public OutputStream body() {
        return data;
    }

    public Reply endData() {
        try {
            data.ensureAtBOL();
            data.flush();
        } catch (IOException e) {
            return Reply.noConnection("connection lost while sending data: " + e.getMessage());
        }
        data = null;
        return command(".");
    }

    public Reply rset() {
        return command("RSET");
    }

    /** Drops the connection without QUIT, so a half-sent message is never accepted. */
    public void abort() {
        closeQuietly(socket);
    }

    public boolean isOpen() {
        return !socket.isClosed() && transport.isConnected();
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the server went away first: nothing to do
        }
        closeQuietly(socket);
    }

    private Reply command(String line) {
        try {
            int code = transport.simpleCommand(line);
            return Reply.parse(code, transport.getLastServerResponse());
        } catch (MessagingException e) {
            abort();
            return Reply.noConnection("connection lost: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof javax.net.ssl.SSLException) msg = "TLS: " + msg;
        String top = e.getMessage();
        return top != null && !top.equals(msg) && !(root == e) ? top + ": " + msg : msg;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Angus's transport with its protected DATA command opened up. */
    private static final class Transport extends SMTPTransport {
        Transport(Session session, URLName url) {
            super(session, url);
        }

        synchronized SMTPOutputStream openData() throws MessagingException {
            return (SMTPOutputStream) data();
        }
    }
}
