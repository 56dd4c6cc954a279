package io.opsdeck.alerts;

import io.opsdeck.alertmanager.MergedSilence;
import java.time.Duration;

/**
 * One silence of the inventory.
 *
 * @param matchedAlerts  current alerts of its cluster it matches (suppressed ones included)
 * @param matchesNothing an active or pending silence that matches no current alert
 * @param expiringSoon   active, and ends within the inventory's "soon"
 * @param timeLeft       until its end, zero once expired
 */
public record InventoryEntry(MergedSilence silence, int matchedAlerts, boolean matchesNothing, boolean expiringSoon,
                             boolean acknowledgement, Duration timeLeft) {

    public SilenceId id() {
        return new SilenceId(silence.cluster(), silence.silence().id());
    }
}
