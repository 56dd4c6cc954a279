package io.opsdeck.console;

/** Alertmanager's alert states; a resolved alert simply leaves the feed. */
public enum AlertState {
    /** Firing and not silenced or inhibited. */
    ACTIVE,
    /** Silenced or inhibited: somebody has acknowledged it. */
    SUPPRESSED,
    /** Received but not yet processed by Alertmanager. */
    UNPROCESSED
}
