package io.opsdeck.console;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One desktop notification the agent routed to consoles. Texts are untrusted (they carry alert labels):
 * show them as plain text only.
 *
 * @param id          the agent's sequence number; strictly increasing, the stream's resume position
 * @param kind        alert, digest, escalation or flapping
 * @param fingerprint the alert's Alertmanager fingerprint (the first alert's for a digest)
 * @param alertname   the {@code alertname} label, may be empty
 * @param severity    parsed from the alert's severity
 * @param alertStatus firing, resolved or acknowledged
 * @param subject     the rendered one-line title
 * @param text        the rendered body, may be empty
 * @param createdAt   when the agent queued it
 * @param labels      the alert's labels (the first alert's for a digest); empty from an agent that does not send them
 */
public record AgentNotification(long id, String kind, String fingerprint, String alertname, Severity severity,
                                String alertStatus, String subject, String text, Instant createdAt,
                                Map<String, String> labels) {

    /** A notification without labels. */
    public AgentNotification(long id, String kind, String fingerprint, String alertname, Severity severity,
                             String alertStatus, String subject, String text, Instant createdAt) {
        this(id, kind, fingerprint, alertname, severity, alertStatus, subject, text, createdAt, Map.of());
    }

    public AgentNotification {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(createdAt, "createdAt");
        kind = kind == null ? "alert" : kind;
        alertname = alertname == null ? "" : alertname;
        alertStatus = alertStatus == null ? "firing" : alertStatus;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** About something that needs attention now (firing, escalated, flapping), not a resolution or an acknowledgement. */
    public boolean firing() {
        return "firing".equals(alertStatus);
    }

    /** The shape the shell's notifiers show: the subject stands in for the summary. */
    public ActiveAlert asActiveAlert() {
        return new ActiveAlert(fingerprint, alertname, severity, labels.getOrDefault("instance", ""), subject, createdAt,
                AlertState.ACTIVE, "", labels);
    }
}
