package io.opsdeck.store;

/** One state change of an alert: firing, acknowledged, silenced or resolved, when and by whom. */
public record HistoryEntry(long seq, String fingerprint, String state, long at, String actor, String details) {
}
