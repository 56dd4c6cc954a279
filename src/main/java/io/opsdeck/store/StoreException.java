package io.opsdeck.store;

/** A storage failure; the message names the operation and the database file, never a secret. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
