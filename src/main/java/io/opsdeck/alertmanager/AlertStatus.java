package io.opsdeck.alertmanager;

import java.util.List;
import java.util.Objects;

/**
 * Why an alert is or is not being notified.
 *
 * @param silencedBy  ids of the silences that match it
 * @param inhibitedBy fingerprints of the alerts that inhibit it
 */
public record AlertStatus(AlertState state, List<String> silencedBy, List<String> inhibitedBy) {

    public AlertStatus {
        Objects.requireNonNull(state, "state");
        silencedBy = silencedBy == null ? List.of() : List.copyOf(silencedBy);
        inhibitedBy = inhibitedBy == null ? List.of() : List.copyOf(inhibitedBy);
    }
}
