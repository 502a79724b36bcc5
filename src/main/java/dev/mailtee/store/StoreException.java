package dev.mailtee.store;

/** The store could not be read or written; callers answer with a temporary failure. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
