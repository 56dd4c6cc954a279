package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One silence or acknowledgement change OpsDeck made, for the audit log.
 *
 * @param silenceId  the silence created, changed or expired
 * @param replacedId for an edit that made Alertmanager create a new silence: the old id; otherwise {@code null}
 * @param endsAt     the silence's end after the action ({@code at} for an expiry)
 */
public record AlertAction(Kind kind, String cluster, String silenceId, String replacedId, String actor,
                          List<Matcher> matchers, String comment, Instant at, Instant endsAt) {

    /** What was done. */
    public enum Kind { ACKNOWLEDGE, UNACKNOWLEDGE, SILENCE_CREATE, SILENCE_EDIT, SILENCE_EXTEND, SILENCE_EXPIRE }

    public AlertAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(silenceId, "silenceId");
        actor = actor == null ? "" : actor;
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        comment = comment == null ? "" : comment;
        Objects.requireNonNull(at, "at");
    }
}
