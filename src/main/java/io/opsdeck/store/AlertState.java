package io.opsdeck.store;

/** The latest known state of one alert (by fingerprint), with its labels as JSON. */
public record AlertState(String fingerprint, String state, String alertname, String severity, String labels,
        long changedAt, Long lastNotifiedAt) {
}
