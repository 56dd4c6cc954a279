package io.opsdeck.alerts;

import java.time.Instant;

/**
 * A (non-acknowledgement) silence muting an alert.
 *
 * @param endsAt  until when, or {@code null} when the silence was not in the same fetch (created meanwhile)
 */
public record SilenceRef(String id, Instant endsAt, String createdBy, String comment) {
}
