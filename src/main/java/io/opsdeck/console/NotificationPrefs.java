package io.opsdeck.console;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a role wants to hear about new alerts.
 *
 * @param notifyOn severities that raise a desktop notification (the simple filter until the filter language lands)
 * @param soundOn  severities that also play a sound
 */
public record NotificationPrefs(Set<Severity> notifyOn, Set<Severity> soundOn) {

    public NotificationPrefs {
        notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
        soundOn = soundOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(soundOn));
    }

    /** Critical and warning notify; only critical makes a sound. */
    public static NotificationPrefs defaults() {
        return new NotificationPrefs(EnumSet.of(Severity.CRITICAL, Severity.WARNING), EnumSet.of(Severity.CRITICAL));
    }
}
