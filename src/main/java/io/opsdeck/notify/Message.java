package io.opsdeck.notify;

import java.util.List;

/**
 * What a notification is about: {@code kind} alert (one alert), digest (several), escalation (one alert,
 * tier {@code tier}) or flapping (one alert and its change count in {@code note}).
 */
public record Message(String kind, List<Alert> alerts, int tier, String note) {

    public Message {
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a message is about at least one alert");
        }
    }

    public static Message of(Alert alert) {
        return new Message("alert", List.of(alert), 0, null);
    }

    public Alert first() {
        return alerts.get(0);
    }

    /** The highest severity among the alerts. */
    public Severity severity() {
        return alerts.stream().map(Alert::severity).max(Enum::compareTo).orElse(Severity.WARNING);
    }
}
