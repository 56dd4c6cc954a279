package io.opsdeck.alerts;

import java.time.Instant;
import java.util.List;

/**
 * Where recently resolved alerts and an alert's past occurrences come from. The agent implements it from its
 * store; {@link #none()} is the stand-in until then (and for consoles without an agent).
 */
public interface AlertHistorySource {

    /** Alerts that resolved at or after {@code since}, newest first. */
    List<ResolvedAlert> recentlyResolved(Instant since);

    /** Past occurrences of one alert (by cluster and fingerprint), newest first, at most {@code limit}. */
    List<ResolvedAlert> history(String cluster, String fingerprint, int limit);

    /** A history that knows nothing. */
    static AlertHistorySource none() {
        return NoHistory.INSTANCE;
    }

    /** The empty history. */
    enum NoHistory implements AlertHistorySource {
        INSTANCE;

        @Override
        public List<ResolvedAlert> recentlyResolved(Instant since) {
            return List.of();
        }

        @Override
        public List<ResolvedAlert> history(String cluster, String fingerprint, int limit) {
            return List.of();
        }
    }
}
