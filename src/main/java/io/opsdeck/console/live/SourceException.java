package io.opsdeck.console.live;

/** A failed check whose message is already one clear, secret-free sentence. */
final class SourceException extends Exception {

    SourceException(String message) {
        super(message);
    }

    SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
