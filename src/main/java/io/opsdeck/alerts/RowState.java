package io.opsdeck.alerts;

import java.util.Locale;

/**
 * OpsDeck's view of an alert's state, finer than Alertmanager's active/suppressed: an acknowledgement (an
 * {@code ACK!} silence) is kept apart from other silences, and recently resolved alerts come from the history.
 * When several apply, the first in this order wins: acknowledged, silenced, inhibited.
 */
public enum RowState {
    /** Active: neither silenced nor inhibited. */
    FIRING,
    /** Covered by an active silence whose comment starts with {@code ACK!}. */
    ACKNOWLEDGED,
    /** Covered by another active silence. */
    SILENCED,
    /** Inhibited by other alerts and not silenced. */
    INHIBITED,
    /** Resolved recently, reported by the {@link AlertHistorySource}. */
    RESOLVED;

    /** The word the filter language uses: {@code firing}, {@code acked}, {@code silenced}, ... */
    public String word() {
        return this == ACKNOWLEDGED ? "acked" : name().toLowerCase(Locale.ROOT);
    }

    /** Whether Alertmanager calls this state suppressed. */
    public boolean suppressed() {
        return this == ACKNOWLEDGED || this == SILENCED || this == INHIBITED;
    }

    @Override
    public String toString() {
        return word();
    }
}
