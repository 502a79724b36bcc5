package dev.mailtee.intake;

import dev.mailtee.config.Destination;
import dev.mailtee.config.Route;
import dev.mailtee.config.UniqueCopies;
import dev.mailtee.mail.BodyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one message owes, built recipient by recipient from their routes: the recipients queued
 * for each backup destination and for the desk, and the unique-copy plans of their helpdesks.
 * (A route's primary is not here: it is delivered while the sender waits, see {@link SyncTarget}.)
 */
public final class Routing {
    private final String queueId;
    private final String sender;
    private final BodyType body;
    private final List<String> recipients = new ArrayList<>();
    private final Map<String, List<String>> queued = new LinkedHashMap<>();
    private final Set<UniqueCopies> copies = new LinkedHashSet<>();

    public Routing(String queueId, String sender, BodyType body) {
        this.queueId = queueId;
        this.sender = sender;
        this.body = body;
    }

    /** {@code recipient} goes where {@code route} says, besides its primary. */
    public void add(String recipient, Route route) {
        recipients.add(recipient);
        for (Destination d : route.backups()) queued.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(recipient);
        route.copies().ifPresent(copies::add);
        if (route.desk()) queued.computeIfAbsent(Route.DESK, k -> new ArrayList<>()).add(recipient);
    }

    public String queueId() {
        return queueId;
    }

    public List<String> recipients() {
        return List.copyOf(recipients);
    }

    /** How many destinations get the original through the queue. */
    public int queuedDestinations() {
        return queued.size();
    }

    /** How many routes ask for unique copies. */
    public int copyRoutes() {
        return copies.size();
    }

    String sender() {
        return sender;
    }

    BodyType body() {
        return body;
    }

    Map<String, List<String>> queued() {
        return queued;
    }

    List<UniqueCopies> copies() {
        return List.copyOf(copies);
    }

    /** Whether anything goes through the queue, so the message must be spooled. */
    boolean owesQueuedCopies() {
        return !queued.isEmpty() || !copies.isEmpty();
    }
}
