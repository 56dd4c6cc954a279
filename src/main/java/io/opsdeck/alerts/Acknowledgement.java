package io.opsdeck.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * An {@code ACK!} silence covering an alert: who acknowledged it, since when, and how long it still holds.
 *
 * @param by           the silence's createdBy
 * @param since        the silence's startsAt
 * @param endsAt       the silence's endsAt
 * @param timeLeft     endsAt minus the snapshot time, never negative
 * @param expiringSoon less than two minutes left
 */
public record Acknowledgement(String silenceId, String by, Instant since, Instant endsAt, String comment,
                              Duration timeLeft, boolean expiringSoon) {

    /** An acknowledgement is "expiring soon" below this much time left. */
    public static final Duration EXPIRING_SOON = Duration.ofMinutes(2);

    /** The comment prefix other tools (and OpsDeck) recognise as an acknowledgement. */
    public static final String PREFIX = "ACK!";

    /** Whether a silence comment marks an acknowledgement. */
    public static boolean isAckComment(String comment) {
        return comment != null && comment.startsWith(PREFIX);
    }
}
