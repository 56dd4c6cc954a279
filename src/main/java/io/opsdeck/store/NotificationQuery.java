package io.opsdeck.store;

/** Search filters for the outbox; null fields match everything. */
public record NotificationQuery(String alert, String channel, String recipient, String status, Long since, int limit) {

    public static NotificationQuery all() {
        return new NotificationQuery(null, null, null, null, null, 100);
    }
}
