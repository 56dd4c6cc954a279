package io.opsdeck.console;

import java.util.Locale;
import java.util.Optional;

/**
 * The sounds bundled with the console (one WAV file each under {@code io/opsdeck/ui/sounds/}), or none. By default
 * critical alarms, warning beeps twice and info once, low.
 */
public enum AlertSound {
    NONE, ALARM, DOUBLE, SINGLE, CHIME;

    /** Lower-case name, as stored in the preferences file and used for the bundled file's name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sound a severity plays unless the operator chose another. */
    public static AlertSound forSeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> ALARM;
            case WARNING -> DOUBLE;
            case INFO -> SINGLE;
        };
    }

    /** The sound with this {@link #id()}, ignoring case; empty for anything else. */
    public static Optional<AlertSound> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (AlertSound s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
