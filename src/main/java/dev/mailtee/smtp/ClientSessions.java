package dev.mailtee.smtp;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The open client connections: admits them (per-IP limit, none while shutting down), keeps each
 * one's {@link ClientState}, and starts a {@link Transaction} for every MAIL.
 */
final class ClientSessions implements SessionHandler, MessageHandlerFactory {
    private final Relay relay;
    private final Map<Session, ClientState> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> perIp = new ConcurrentHashMap<>();
    private volatile boolean draining;

    ClientSessions(Relay relay) {
        this.relay = relay;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        if (draining) return SessionAcceptance.failure(421, "4.3.2 Shutting down, try again later");
        InetAddress ip = session.getRemoteAddress().getAddress();
        int limit = relay.smtp().maxConnectionsPerIp();
        int count = perIp.merge(ip, 1, Integer::sum);
        if (count > limit) {
            perIp.merge(ip, -1, Integer::sum);
            return SessionAcceptance.failure(421, "4.7.0 Too many connections from " + ip.getHostAddress());
        }
        open.put(session, new ClientState());
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        ClientState state = open.remove(session);
        if (state == null) return; // refused at accept(): it was never counted
        if (session.getMessageHandler() instanceof TransactionHandler h) h.done(); // before the connection is reused
        state.close();
        perIp.computeIfPresent(session.getRemoteAddress().getAddress(), (k, v) -> v <= 1 ? null : v - 1);
    }

    @Override
    public MessageHandler create(MessageContext context) {
        Session session = (Session) context;
        return new TransactionHandler(new Transaction(relay, session, open.computeIfAbsent(session, s -> new ClientState())));
    }

    void drain() {
        draining = true;
    }

    boolean isDraining() {
        return draining;
    }

    /** Transactions between MAIL and their final reply: a graceful stop waits for these. */
    long transactionsInProgress() {
        return open.keySet().stream().filter(Session::isMailTransactionInProgress).count();
    }
}
