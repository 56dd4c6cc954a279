package io.opsdeck.simulate.demo;

/** The demo cannot start; the message says what is wrong and what to do about it. */
public final class DemoException extends RuntimeException {

    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
