package io.opsdeck.console;

import java.time.Instant;
import java.util.Objects;

/**
 * One change in an alert's life as the agent recorded it: firing, acknowledged, resolved; who did it and why.
 *
 * @param actor   {@code webhook}, a poller, or the person who acknowledged or resent
 * @param details free text from the agent (untrusted: plain text only)
 */
public record AlertEvent(String fingerprint, String state, Instant at, String actor, String details) {

    public AlertEvent {
        Objects.requireNonNull(at, "at");
        fingerprint = Objects.requireNonNullElse(fingerprint, "");
        state = Objects.requireNonNullElse(state, "");
        actor = Objects.requireNonNullElse(actor, "");
        details = Objects.requireNonNullElse(details, "");
    }
}
