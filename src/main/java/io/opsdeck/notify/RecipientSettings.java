package io.opsdeck.notify;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A person (or team) receiving notifications: their email address, the channels they want, the lowest
 * severity they care about (default info) and their quiet hours.
 */
public record RecipientSettings(String name, String email, List<String> channels, String minSeverity, QuietHours quietHours) {

    public RecipientSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a recipient needs a name");
        }
        channels = channels == null ? List.of() : List.copyOf(channels);
        minSeverity = minSeverity == null ? "info" : minSeverity;
    }

    public Severity minimum() {
        return Severity.of(minSeverity);
    }

    /**
     * Hours (in IANA zone {@code zone}) when notifications wait until the quiet hours end.
     * {@code start} after {@code end} spans midnight. Criticals bypass quiet hours unless
     * {@code criticalBypass} is false.
     */
    public record QuietHours(String start, String end, String zone, Boolean criticalBypass) {
        public QuietHours {
            try {
                LocalTime.parse(start);
                LocalTime.parse(end);
                ZoneId.of(zone == null ? "UTC" : zone);
            } catch (DateTimeException | NullPointerException e) {
                throw new IllegalArgumentException("quiet_hours: start/end must be HH:MM and zone an IANA time zone ("
                        + e.getMessage() + ")");
            }
            zone = zone == null ? "UTC" : zone;
            criticalBypass = criticalBypass == null || criticalBypass;
        }
    }
}
