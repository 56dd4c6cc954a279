package io.opsdeck.simulate;

/** A scenario file that cannot be used; the message starts with {@code file:line:} where the line is known. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
