package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.Reply;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One client connection to a destination (opened by its {@link SmtpConnector}), driven step by step (MAIL, RCPT, DATA) so a proxy can
 * answer its own client with each of the server's replies. Built on Angus Mail's transport for
 * EHLO, STARTTLS and AUTH; we own the socket so a transaction can be abandoned mid-DATA without
 * the server ever seeing the final dot.
 */
public final class SmtpConnection implements AutoCloseable {
    private final Destination destination;
    private final Socket socket;
    private final Transport transport;
    private SMTPOutputStream data;

    SmtpConnection(Destination destination, Socket socket, Transport transport) {
        this.destination = destination;
        this.socket = socket;
        this.transport = transport;
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
            abort();
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

    /** Still connected as far as we know (no NOOP round trip: a dead kept connection shows at the next command). */
    public boolean isOpen() {
        return !socket.isClosed();
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

    static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof javax.net.ssl.SSLException) msg = "TLS: " + msg;
        String top = e.getMessage();
        return top != null && !top.equals(msg) && !(root == e) ? top + ": " + msg : msg;
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Angus's transport with its protected DATA command opened up. */
    static final class Transport extends SMTPTransport {
        Transport(Session session, URLName url) {
            super(session, url);
        }

        synchronized SMTPOutputStream openData() throws MessagingException {
            return (SMTPOutputStream) data();
        }
    }
}
