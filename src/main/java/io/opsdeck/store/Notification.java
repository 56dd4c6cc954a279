package io.opsdeck.store;

/**
 * One row of the outbox: a notification for one channel and recipient, with its delivery state.
 * {@code payload} is the alert as JSON, {@code rendered} the channel's rendered message as JSON.
 */
public record Notification(
        String id,
        long seq,
        String idempotencyKey,
        String kind,
        String fingerprint,
        String alertname,
        String severity,
        String alertStatus,
        String channel,
        String channelType,
        String recipient,
        String payload,
        String rendered,
        String status,
        int attempts,
        long nextAttemptAt,
        String lastError,
        long createdAt,
        long updatedAt,
        Long deliveredAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERING = "delivering";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";
    /** Kept for the record but not sent (repeat suppression, rate-limit overflow into a digest). */
    public static final String SUPPRESSED = "suppressed";

    /** A new pending notification; the store assigns {@code seq} on insert. */
    public static Notification pending(String id, String idempotencyKey, String kind, String fingerprint,
            String alertname, String severity, String alertStatus, String channel, String channelType,
            String recipient, String payload, String rendered, long notBefore, long now) {
        return new Notification(id, 0, idempotencyKey, kind, fingerprint, alertname, severity, alertStatus, channel,
                channelType, recipient, payload, rendered, PENDING, 0, notBefore, null, now, now, null);
    }

    /** Waiting for the next digest (low severity or over the channel's rate limit). */
    public static final String HELD = "held";

    /** The same row with another status and reason. */
    public Notification with(String newStatus, String reason) {
        return new Notification(id, seq, idempotencyKey, kind, fingerprint, alertname, severity, alertStatus, channel,
                channelType, recipient, payload, rendered, newStatus, attempts, nextAttemptAt, reason, createdAt,
                updatedAt, deliveredAt);
    }

    public Notification withStatus(String newStatus) {
        return new Notification(id, seq, idempotencyKey, kind, fingerprint, alertname, severity, alertStatus, channel,
                channelType, recipient, payload, rendered, newStatus, attempts, nextAttemptAt, lastError, createdAt,
                updatedAt, deliveredAt);
    }
}
