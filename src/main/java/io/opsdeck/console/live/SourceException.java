package io.opsdeck.console.live;

/** A failed check whose message is already one clear, secret-free sentence. */
final class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    SourceException(String message) {
        super(message);
    }

    SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
