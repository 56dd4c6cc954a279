package io.opsdeck.util;

import java.util.Objects;

/**
 * A password, token or webhook URL. Its {@link #toString()} is always {@code Secret[****]}, so records that hold
 * one can be logged safely. Equality is identity on purpose: comparing two secrets must not become a way to learn
 * a value, and nothing in OpsDeck needs value equality.
 *
 * <pre>{@code
 * Secret token = Secret.of(System.getenv("TOKEN"));
 * request.header("Authorization", "Bearer " + token.reveal());
 * }</pre>
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a value; {@code null} is not a secret and is rejected. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The plain value; call only where it is sent on the wire. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
