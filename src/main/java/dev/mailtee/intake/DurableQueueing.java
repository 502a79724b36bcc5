package dev.mailtee.intake;

import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.queue.Accepted;
import dev.mailtee.queue.DeliveryQueue;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The daemon's {@link Queueing}: its store's delivery queue, and its runners. A class of its
 * own so that {@link Intake}, which the pipe commands load too, names no store type.
 */
public record DurableQueueing(DeliveryQueue queue, Consumer<Set<String>> runners) implements Queueing {
    @Override
    public SpooledMessage spool(String queueId) {
        return queue.spool().create(queueId);
    }

    @Override
    public void enqueue(List<Accepted> messages) throws IOException {
        queue.enqueue(messages);
    }

    @Override
    public void wake(Set<String> destinations) {
        runners.accept(destinations);
    }
}
