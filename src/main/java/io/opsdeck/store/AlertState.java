package io.opsdeck.store;

/**
 * The latest known state of one alert (by fingerprint), with its labels as JSON.
 *
 * @param alertmanager the Alertmanager it came from (webhook {@code externalURL} or polled URL, no trailing slash);
 *                     null when not known (rows from before the agent recorded it)
 */
public record AlertState(String fingerprint, String state, String alertname, String severity, String labels,
        long changedAt, Long lastNotifiedAt, String alertmanager) {

    /** A state whose Alertmanager is not known. */
    public AlertState(String fingerprint, String state, String alertname, String severity, String labels,
                      long changedAt, Long lastNotifiedAt) {
        this(fingerprint, state, alertname, severity, labels, changedAt, lastNotifiedAt, null);
    }
}
