package io.opsdeck.alertmanager;

/**
 * A call to an Alertmanager failed. The message is one sentence naming the source and its URL (never credentials
 * or query strings); {@link #httpStatus()} and {@link #detail()} carry what Alertmanager answered, if anything.
 */
public final class AlertmanagerException extends RuntimeException {

    /** What went wrong, so callers can decide whether another HA peer is worth trying. */
    public enum Kind {
        /** No connection: refused, unknown host, reset. */
        UNREACHABLE,
        /** No complete answer within the client's timeout. */
        TIMEOUT,
        /** Alertmanager answered an HTTP error status. */
        HTTP_ERROR,
        /** The answer was not the JSON the API promises (HTML page, malformed or too large). */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final String source;
    private final String url;
    private final int httpStatus;
    private final String detail;

    AlertmanagerException(Kind kind, String source, String url, int httpStatus, String detail, String message,
                          Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.source = source;
        this.url = url;
        this.httpStatus = httpStatus;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** The client's name, e.g. {@code am-eu-1}. */
    public String source() {
        return source;
    }

    /** The URL called, without user info or query. */
    public String url() {
        return url;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Alertmanager's own error text (e.g. {@code start time must be before end time}), or empty. */
    public String detail() {
        return detail;
    }

    /** A 4xx answer: the request itself is wrong, so asking another peer would not help. */
    public boolean isRequestRejected() {
        return kind == Kind.HTTP_ERROR && httpStatus >= 400 && httpStatus < 500;
    }
}
