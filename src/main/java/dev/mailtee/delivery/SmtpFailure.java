package dev.mailtee.delivery;

/** A connection could not be opened or broke: always a temporary condition (4xx to a client). */
public final class SmtpFailure extends Exception {
    public SmtpFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
