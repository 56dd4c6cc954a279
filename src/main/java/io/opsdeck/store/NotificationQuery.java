package io.opsdeck.store;

/**
 * Search filters for the outbox; null fields match everything. Results come newest first.
 *
 * @param alert     a fingerprint (exact) or part of the alert's name (case-insensitive)
 * @param since     created at or after (epoch ms)
 * @param until     created before (epoch ms)
 * @param beforeSeq only rows older than this sequence number: the next page after the last row seen
 * @param limit     at most this many rows (1..10000)
 */
public record NotificationQuery(String alert, String channel, String recipient, String status, Long since, Long until,
                                Long beforeSeq, int limit) {

    /** Without an upper time bound or a page cursor. */
    public NotificationQuery(String alert, String channel, String recipient, String status, Long since, int limit) {
        this(alert, channel, recipient, status, since, null, null, limit);
    }

    public static NotificationQuery all() {
        return new NotificationQuery(null, null, null, null, null, 100);
    }
}
