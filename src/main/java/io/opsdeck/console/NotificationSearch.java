package io.opsdeck.console;

import java.time.Instant;

/**
 * What to look for in the agent's notification history; null or blank fields match everything.
 *
 * <pre>{@code
 * NotificationSearch q = NotificationSearch.recent().withStatus("dead").withSince(now.minus(Duration.ofDays(1)));
 * NotificationPage page = history.search(q);
 * if (page.more()) { history.search(q.after(page)); }
 * }</pre>
 *
 * @param alert     part of the alert's name, or its fingerprint
 * @param since     created at or after; null: no lower bound
 * @param until     created before; null: up to now
 * @param beforeSeq page cursor: only rows older than this; null: the newest
 * @param limit     rows per page (1..1000)
 */
public record NotificationSearch(String alert, String channel, String recipient, String status, Instant since,
                                 Instant until, Long beforeSeq, int limit) {

    /** Rows per page unless told otherwise. */
    public static final int DEFAULT_LIMIT = 200;

    public NotificationSearch {
        alert = clean(alert);
        channel = clean(channel);
        recipient = clean(recipient);
        status = clean(status);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 notifications, not " + limit);
        }
    }

    /** Everything, newest first, {@link #DEFAULT_LIMIT} per page. */
    public static NotificationSearch recent() {
        return new NotificationSearch(null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public NotificationSearch withAlert(String value) {
        return new NotificationSearch(value, channel, recipient, status, since, until, null, limit);
    }

    public NotificationSearch withChannel(String value) {
        return new NotificationSearch(alert, value, recipient, status, since, until, null, limit);
    }

    public NotificationSearch withRecipient(String value) {
        return new NotificationSearch(alert, channel, value, status, since, until, null, limit);
    }

    public NotificationSearch withStatus(String value) {
        return new NotificationSearch(alert, channel, recipient, value, since, until, null, limit);
    }

    public NotificationSearch withSince(Instant value) {
        return new NotificationSearch(alert, channel, recipient, status, value, until, null, limit);
    }

    public NotificationSearch withUntil(Instant value) {
        return new NotificationSearch(alert, channel, recipient, status, since, value, null, limit);
    }

    public NotificationSearch withLimit(int value) {
        return new NotificationSearch(alert, channel, recipient, status, since, until, null, value);
    }

    /** The same search, the page after {@code page}. */
    public NotificationSearch after(NotificationPage page) {
        return new NotificationSearch(alert, channel, recipient, status, since, until, page.nextBefore(), limit);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
