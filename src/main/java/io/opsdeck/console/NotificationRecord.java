package io.opsdeck.console;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One notification the agent sent (or tried to, or held back), as its history keeps it. Every text field is as
 * the agent stored it: alert text is untrusted and shown only as plain text.
 *
 * @param status      pending, delivering, delivered, dead (dead letter: gave up), suppressed or held
 * @param attempts    delivery attempts so far
 * @param lastError   the last failure or the reason it was held back; empty when none
 * @param subject     the rendered subject line
 * @param text        the rendered message as the channel got it (plain text)
 * @param deliveredAt null until delivered
 */
public record NotificationRecord(String id, long seq, String fingerprint, String alertname, String severity,
                                 String alertStatus, String channel, String recipient, String status, int attempts,
                                 String lastError, Instant createdAt, Instant deliveredAt, String subject, String text,
                                 List<String> links) {

    public static final String DEAD = "dead";
    /** The statuses the agent uses, for filters; {@code dead} is the dead letter. */
    public static final List<String> STATUSES = List.of("pending", "delivering", "delivered", DEAD, "suppressed", "held");

    public NotificationRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        fingerprint = Objects.requireNonNullElse(fingerprint, "");
        alertname = Objects.requireNonNullElse(alertname, "");
        severity = Objects.requireNonNullElse(severity, "");
        alertStatus = Objects.requireNonNullElse(alertStatus, "");
        channel = Objects.requireNonNullElse(channel, "");
        recipient = Objects.requireNonNullElse(recipient, "");
        status = Objects.requireNonNullElse(status, "").toLowerCase(Locale.ROOT);
        lastError = Objects.requireNonNullElse(lastError, "");
        subject = Objects.requireNonNullElse(subject, "");
        text = Objects.requireNonNullElse(text, "");
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Gave up after its last attempt. */
    public boolean deadLetter() {
        return DEAD.equals(status);
    }
}
