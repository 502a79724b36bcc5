package dev.mailtee.smtp;

import dev.mailtee.mail.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.Session;

/**
 * The transaction commands, replacing SubEthaSMTP's own: its EHLO lacks PIPELINING, its MAIL
 * drops ESMTP parameters, and its DATA leaves the transaction open and the rest of the message
 * unread after a refusal. Every path here ends a DATA with the transaction reset.
 */
final class Commands {
    private Commands() {}

    static void install(CommandHandler handler, ClientSessions sessions) {
        handler.addCommand(new Ehlo());
        handler.addCommand(new Mail(sessions));
        handler.addCommand(new Rcpt());
        handler.addCommand(new Data());
        handler.addCommand(new Bdat());
    }

    private static Transaction transaction(Session s) {
        return ((TransactionHandler) s.getMessageHandler()).transaction();
    }

    /** EHLO (RFC 5321 §4.1.1.1) with the extensions we implement, no CHUNKING. */
    static final class Ehlo extends BaseCommand {
        Ehlo() {
            super("EHLO", "Introduce yourself.", "<hostname>");
        }

        @Override
        public void execute(String line, Session s) throws IOException {
            String[] args = getArgs(line);
            if (args.length < 2) {
                s.sendResponse("501 5.5.4 Syntax: EHLO hostname");
                return;
            }
            s.resetMailTransaction();
            s.setHelo(args[1]);
            StringBuilder b = new StringBuilder("250-").append(s.getServer().getHostName());
            b.append("\r\n250-PIPELINING\r\n250-SIZE ").append(s.getServer().getMaxMessageSize());
            if (s.getServer().getEnableTLS() && !s.isTLSStarted()) b.append("\r\n250-STARTTLS");
            b.append("\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 SMTPUTF8");
            s.sendResponse(b.toString());
        }
    }

    static final class Mail extends BaseCommand {
        private final ClientSessions sessions;

        Mail(ClientSessions sessions) {
            super("MAIL", "Specifies the sender.", "FROM: <sender> [ <parameters> ]");
            this.sessions = sessions;
        }

        @Override
        public void execute(String line, Session s) throws IOException, DropConnectionException {
            if (sessions.isDraining()) throw new DropConnectionException(421, "4.3.2 Shutting down, try again later");
            if (s.isMailTransactionInProgress()) {
                s.sendResponse("503 5.5.1 Sender already specified");
                return;
            }
            Optional<PathArgument> path = PathArgument.parse(line, "FROM");
            if (path.isEmpty()) {
                s.sendResponse("501 5.5.4 Syntax: MAIL FROM:<address>");
                return;
            }
            s.startMailTransaction();
            Reply r = transaction(s).mailFrom(path.get());
            if (!r.isPositive()) s.resetMailTransaction();
            s.sendResponse(r.toString());
        }
    }

    static final class Rcpt extends BaseCommand {
        Rcpt() {
            super("RCPT", "Specifies the recipient.", "TO: <recipient> [ <parameters> ]");
        }

        @Override
        public void execute(String line, Session s) throws IOException {
            if (!s.isMailTransactionInProgress()) {
                s.sendResponse("503 5.5.1 Need MAIL before RCPT");
                return;
            }
            if (s.getRecipientCount() >= s.getServer().getMaxRecipients()) {
                s.sendResponse("452 4.5.3 Too many recipients");
                return;
            }
            Optional<PathArgument> path = PathArgument.parse(line, "TO");
            if (path.isEmpty()) {
                s.sendResponse("501 5.5.4 Syntax: RCPT TO:<address>");
                return;
            }
            Reply r = transaction(s).rcptTo(path.get());
            if (r.isPositive()) s.addRecipient(path.get().address());
            s.sendResponse(r.toString());
        }
    }

    static final class Data extends BaseCommand {
        Data() {
            super("DATA", "Following text is collected as the message. End data with <CR><LF>.<CR><LF>");
        }

        @Override
        public void execute(String line, Session s) throws IOException {
            if (!s.isMailTransactionInProgress()) {
                s.sendResponse("503 5.5.1 Need MAIL command");
                return;
            }
            if (s.getRecipientCount() == 0) {
                s.sendResponse("554 5.5.1 No valid recipients"); // RFC 2920 §3.1: after pipelined refusals
                return;
            }
            Transaction t = transaction(s);
            Optional<Reply> early = t.beforeData();
            if (early.isPresent()) {
                s.resetMailTransaction();
                s.sendResponse(early.get().toString());
                return;
            }
            s.sendResponse("354 End data with <CR><LF>.<CR><LF>");
            if (!(s.getRawInput() instanceof java.io.BufferedInputStream raw)) {
                throw new IllegalStateException("SubEthaSMTP's session input is no longer a BufferedInputStream");
            }
            InputStream in = new DotReader(raw);
            Reply r;
            try {
                r = t.receive(in);
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } finally {
                s.resetMailTransaction();
            }
            s.sendResponse(r.toString());
        }
    }

    /** CHUNKING is not advertised, so BDAT is a command out of sequence (RFC 3030 §2). */
    static final class Bdat extends BaseCommand {
        Bdat() {
            super("BDAT", "Not supported; use DATA.");
        }

        @Override
        public void execute(String line, Session s) throws IOException {
            s.sendResponse("502 5.5.1 BDAT not supported, use DATA");
        }
    }
}
