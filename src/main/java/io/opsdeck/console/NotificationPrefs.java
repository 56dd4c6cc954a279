package io.opsdeck.console;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How a role wants to hear about new alerts, as configured; the operator's changes in Settings override it per
 * severity.
 *
 * @param notifyOn severities that raise a desktop notification
 * @param soundOn  severities that play a sound
 * @param sounds   which sound a severity of {@code soundOn} plays; missing ones play {@link AlertSound#forSeverity}
 */
public record NotificationPrefs(Set<Severity> notifyOn, Set<Severity> soundOn, Map<Severity, AlertSound> sounds) {

    public NotificationPrefs {
        notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
        soundOn = soundOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(soundOn));
        sounds = sounds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sounds));
    }

    /** Each severity of {@code soundOn} plays its default sound. */
    public NotificationPrefs(Set<Severity> notifyOn, Set<Severity> soundOn) {
        this(notifyOn, soundOn, Map.of());
    }

    /**
     * This prefs' choice for one severity: a notification when {@code notifyOn} lists it, and its configured (else
     * default) {@link AlertSound} when {@code soundOn} does. The Settings view starts from these.
     */
    public SeverityChoice choice(Severity severity) {
        AlertSound sound = soundOn.contains(severity)
                ? sounds.getOrDefault(severity, AlertSound.forSeverity(severity)) : AlertSound.NONE;
        return new SeverityChoice(notifyOn.contains(severity), sound);
    }

    /** Critical and warning notify; only critical makes a sound. */
    public static NotificationPrefs defaults() {
        return new NotificationPrefs(EnumSet.of(Severity.CRITICAL, Severity.WARNING), EnumSet.of(Severity.CRITICAL));
    }
}
