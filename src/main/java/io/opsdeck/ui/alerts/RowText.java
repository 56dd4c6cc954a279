package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.SilenceRef;
import io.opsdeck.alerts.Severity;
import io.opsdeck.ui.common.AgeText;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SeverityIcons;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.kordamp.ikonli.javafx.FontIcon;

/** Words and icons for a row: its state (who acked and for how long, silenced until, inhibited by, stale) and severity. */
final class RowText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

    private RowText() {
    }

    /**
     * "The filter hides 2 unacknowledged firing alerts the top bar counts: 1 warning, 1 info." (a severity the list
     * calls other is info there, as in the top bar); empty when it hides none.
     */
    static String hiddenFiring(java.util.Map<Severity, Integer> hidden, Messages messages) {
        int critical = hidden.getOrDefault(Severity.CRITICAL, 0);
        int warning = hidden.getOrDefault(Severity.WARNING, 0);
        int info = hidden.getOrDefault(Severity.INFO, 0) + hidden.getOrDefault(Severity.OTHER, 0);
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (critical > 0) {
            parts.add(messages.format("alerts.hiddenFiring.critical", critical));
        }
        if (warning > 0) {
            parts.add(messages.format("alerts.hiddenFiring.warning", warning));
        }
        if (info > 0) {
            parts.add(messages.format("alerts.hiddenFiring.info", info));
        }
        return parts.isEmpty() ? "" : messages.format("alerts.hiddenFiring", critical + warning + info, String.join(", ", parts));
    }

    static String state(AlertRow row, Instant now, Messages messages) {
        String text = switch (row.state()) {
            case FIRING -> messages.get("alerts.state.firing");
            case ACKNOWLEDGED -> row.acknowledgement().map(a -> messages.format("alerts.state.acked", a.by(),
                    AgeText.of(a.since() == null || a.since().isAfter(now) ? Duration.ZERO : Duration.between(a.since(), now)),
                    left(Duration.between(now, a.endsAt())))
                    + (expiringSoon(row, now) ? " · " + messages.get("alerts.state.ackExpiring") : ""))
                    .orElse(messages.get("alerts.state.firing"));
            case SILENCED -> row.silencedBy().stream().map(SilenceRef::endsAt).max(Instant::compareTo)
                    .map(end -> messages.format("alerts.state.silenced", TIME.format(end)))
                    .orElse(messages.get("alerts.state.firing"));
            case INHIBITED -> messages.format("alerts.state.inhibited", row.inhibitedBy().stream()
                    .map(i -> i.alertname() == null || i.alertname().isEmpty() ? i.fingerprint() : i.alertname())
                    .distinct().collect(Collectors.joining(", ")));
            case RESOLVED -> messages.format("alerts.state.resolvedAt", TIME.format(row.alert().endsAt()));
        };
        return row.stale() ? text + " · " + messages.get("alerts.state.stale") : text;
    }

    /** Acknowledged, with less than {@link io.opsdeck.alerts.Acknowledgement#EXPIRING_SOON} left at {@code now}. */
    static boolean expiringSoon(AlertRow row, Instant now) {
        return row.acknowledgement().map(a -> Duration.between(now, a.endsAt())
                .compareTo(io.opsdeck.alerts.Acknowledgement.EXPIRING_SOON) < 0).orElse(false);
    }

    /** The group's label values, e.g. {@code HostDown}; empty when the alerts lack the label. */
    static String groupTitle(io.opsdeck.alerts.RowGroup g) {
        return String.join(", ", g.key().values().stream().filter(v -> !v.isEmpty()).toList());
    }

    static String left(Duration d) {
        if (d.isNegative()) {
            return "0m";
        }
        long m = d.toMinutes();
        return m >= 60 ? (m / 60) + "h " + (m % 60) + "m" : Math.max(m, 0) + "m";
    }

    static String until(Instant end) {
        return TIME.format(end);
    }

    static FontIcon icon(Severity s) {
        return SeverityIcons.icon(switch (s) {
            case CRITICAL -> io.opsdeck.console.Severity.CRITICAL;
            case WARNING -> io.opsdeck.console.Severity.WARNING;
            case INFO, OTHER -> io.opsdeck.console.Severity.INFO;
        });
    }

    static String age(AlertRow row, Instant now, Messages messages) {
        Instant start = row.alert().startsAt();
        Instant end = row.alert().endsAt();
        // a resolved alert's age since it started keeps growing after it ended: say how long it fired instead
        if (row.resolved() && start != null && end != null && !end.isBefore(start)) {
            return messages.format("alerts.age.lasted", AgeText.of(Duration.between(start, end)));
        }
        return AgeText.of(row.age(now));
    }
}
