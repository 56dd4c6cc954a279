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

    /**
     * This prefs' choice for one severity: a notification when {@code notifyOn} lists it, and the severity's
     * default {@link AlertSound} when {@code soundOn} does. The Settings view starts from these.
     */
    public SeverityChoice choice(Severity severity) {
        return new SeverityChoice(notifyOn.contains(severity),
                soundOn.contains(severity) ? AlertSound.forSeverity(severity) : AlertSound.NONE);
    }

    /** Critical and warning notify; only critical makes a sound. */
    public static NotificationPrefs defaults() {
        return new NotificationPrefs(EnumSet.of(Severity.CRITICAL, Severity.WARNING), EnumSet.of(Severity.CRITICAL));
    }
}
