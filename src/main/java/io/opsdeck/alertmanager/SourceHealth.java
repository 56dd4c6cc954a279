package io.opsdeck.alertmanager;

import java.time.Instant;

/**
 * How one Alertmanager of a fleet answered lately.
 *
 * @param lastSuccess time of the last good answer, {@code null} if it never answered
 * @param lastAttempt time of the last call, {@code null} if never called
 * @param lastError   the last call's error message, {@code null} when that call succeeded
 */
public record SourceHealth(String source, String cluster, String url, Instant lastSuccess, Instant lastAttempt,
                           String lastError) {

    static SourceHealth unknown(String source, String cluster, String url) {
        return new SourceHealth(source, cluster, url, null, null, null);
    }

    /** The last call succeeded (a source never called counts as healthy until proven otherwise). */
    public boolean healthy() {
        return lastError == null;
    }

    SourceHealth succeeded(Instant at) {
        return new SourceHealth(source, cluster, url, at, at, null);
    }

    SourceHealth failed(Instant at, String error) {
        return new SourceHealth(source, cluster, url, lastSuccess, at, error);
    }
}
