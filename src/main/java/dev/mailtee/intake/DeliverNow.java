package dev.mailtee.intake;

import dev.mailtee.mail.SpooledMessage;

/** A pipe command's destination: it gets the message before the command exits, and nothing is queued. */
@FunctionalInterface
public interface DeliverNow<R> {
    R deliver(SpooledMessage message);
}
