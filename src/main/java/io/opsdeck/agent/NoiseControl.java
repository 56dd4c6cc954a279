package io.opsdeck.agent;

import io.opsdeck.notify.Alert;
import io.opsdeck.store.AlertState;
import io.opsdeck.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, inside the intake transaction, whether an alert change is worth a message: repeat suppression,
 * acknowledged alerts, flapping, digest severities and per-channel rate limits (overflow goes to the digest).
 * Only the store's writer thread calls it, so its counters need no locking.
 */
final class NoiseControl {

    /** The verdict for one alert change. */
    enum Verdict { NOTIFY, SUPPRESS_REPEAT, SUPPRESS_ACKNOWLEDGED, FLAPPING_SUMMARY, SUPPRESS_FLAPPING }

    static final String FLAP_ACTOR = "opsdeck-flapping";

    private final AgentSettings.NoiseSettings settings;
    private final Map<String, Integer> rateLimits;
    private final Set<String> digestSeverities;
    private final Store store;
    private final Map<String, Deque<Long>> sent = new HashMap<>();

    NoiseControl(Store store, AgentSettings settings) {
        this.store = store;
        this.settings = settings.noise();
        this.rateLimits = settings.channels().stream().collect(Collectors.toMap(c -> c.name(), c -> c.rateLimitPerMinute()));
        this.digestSeverities = settings.noise().digestSeverities().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
    }

    Verdict judge(Connection c, Alert alert, Optional<AlertState> previous, java.time.Duration repeatOverride, long now)
            throws SQLException {
        String prev = previous.map(AlertState::state).orElse(null);
        if (!alert.resolved() && "acknowledged".equals(prev)) {
            return Verdict.SUPPRESS_ACKNOWLEDGED;
        }
        long window = settings.flapWindow().toMillis();
        int changes = prev == null ? 1 : store.history().changesSince(c, alert.fingerprint(), now - window);
        if (changes >= settings.flapChanges()) {
            boolean reported = store.history().history(c, alert.fingerprint()).stream()
                    .anyMatch(h -> FLAP_ACTOR.equals(h.actor()) && h.at() >= now - window);
            return reported ? Verdict.SUPPRESS_FLAPPING : Verdict.FLAPPING_SUMMARY;
        }
        long repeat = (repeatOverride != null ? repeatOverride : settings.repeatInterval()).toMillis();
        if (!alert.resolved() && "firing".equals(prev) && previous.get().lastNotifiedAt() != null
                && now - previous.get().lastNotifiedAt() < repeat) {
            return Verdict.SUPPRESS_REPEAT;
        }
        return Verdict.NOTIFY;
    }

    /** Low severities wait for the digest. */
    boolean digest(Alert alert) {
        return digestSeverities.contains(alert.severity().lower());
    }

    /** True when the channel already sent its per-minute allowance; otherwise counts this one. */
    boolean overLimit(String channel, long now) {
        int limit = rateLimits.getOrDefault(channel, 0);
        if (limit <= 0) {
            return false;
        }
        Deque<Long> times = sent.computeIfAbsent(channel, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - 60_000) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return true;
        }
        times.addLast(now);
        return false;
    }

    List<String> digestSeverities() {
        return List.copyOf(digestSeverities);
    }
}
