package io.opsdeck.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which alerts in a new snapshot deserve a desktop notification: ones not seen before, still
 * unacknowledged, whose severity the role's prefs list. Not thread-safe: feed it from one thread.
 */
public final class NotificationPolicy {

    private final Set<String> seen = new HashSet<>();
    private boolean first = true;

    /**
     * Returns the alerts to notify about. The first snapshot only primes the memory, so starting the console
     * does not replay every standing alert as a burst of notifications.
     */
    public List<ActiveAlert> newAlerts(List<ActiveAlert> snapshot, NotificationPrefs prefs) {
        List<ActiveAlert> fresh = new ArrayList<>();
        Set<String> now = new HashSet<>();
        for (ActiveAlert a : snapshot) {
            now.add(a.fingerprint());
            if (!first && !seen.contains(a.fingerprint()) && a.unacknowledged() && prefs.notifyOn().contains(a.severity())) {
                fresh.add(a);
            }
        }
        seen.retainAll(now);
        seen.addAll(now);
        first = false;
        return fresh;
    }
}
