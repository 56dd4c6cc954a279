package io.opsdeck.remediation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limits every execution passes: target allow/deny lists, rate limits (global and per plan, sliding hour),
 * cooldown per target, and for automatic runs the fleet brake. Admission is one synchronized step, so a burst of
 * a thousand alerts cannot overshoot a limit. The windows are re-seeded from the store on start.
 */
final class SafetyGuard {

    private static final long HOUR = 3_600_000L;

    private final RemediationSettings.Limits limits;
    private final List<Pattern> allow;
    private final List<Pattern> deny;
    private final Deque<Long> global = new ArrayDeque<>();
    private final Map<String, Deque<Long>> perPlan = new HashMap<>();
    private final Map<String, Long> lastOnTarget = new HashMap<>();
    private final Map<String, Long> affected = new HashMap<>();

    SafetyGuard(RemediationSettings settings) {
        this.limits = settings.limits();
        this.allow = settings.targets().allow().stream().map(Pattern::compile).toList();
        this.deny = settings.targets().deny().stream().map(Pattern::compile).toList();
    }

    /** Null when the target may be acted on at all, else why not. */
    String targetProblem(String target) {
        if (deny.stream().anyMatch(p -> p.matcher(target).matches())) {
            return "target " + target + " is on the deny list";
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matcher(target).matches())) {
            return "target " + target + " is not on the allow list";
        }
        return null;
    }

    /** Notes targets with firing alerts that plans answer (the fleet brake counts them). */
    synchronized void noteAffected(Iterable<String> targets, long now) {
        for (String t : targets) {
            affected.put(t, now);
        }
    }

    /** The share of the fleet affected within the brake window, when above the brake share; else null. */
    synchronized String fleetBrake(int fleetSize, long now) {
        long since = now - limits.fleetBrakeWindow().toMillis();
        affected.values().removeIf(at -> at < since);
        double share = (double) affected.size() / Math.max(fleetSize, 1);
        if (share > limits.fleetBrakeShare()) {
            return String.format(java.util.Locale.ROOT, "fleet brake: %d of %d targets (%.0f%%) affected within %ds, above %.0f%%; "
                    + "nothing runs automatically", affected.size(), fleetSize, share * 100, limits.fleetBrakeWindow().toSeconds(),
                    limits.fleetBrakeShare() * 100);
        }
        return null;
    }

    /** Admits one execution (recording it) or returns why not; {@code automatic} adds the fleet brake. */
    synchronized String admit(String plan, String target, boolean automatic, int fleetSize, long now) {
        String problem = targetProblem(target);
        if (problem != null) {
            return problem;
        }
        if (automatic && (problem = fleetBrake(fleetSize, now)) != null) {
            return problem;
        }
        Deque<Long> planWindow = perPlan.computeIfAbsent(plan, k -> new ArrayDeque<>());
        trim(global, now);
        trim(planWindow, now);
        if (global.size() >= limits.perHour()) {
            return "rate limit: " + limits.perHour() + " actions per hour reached";
        }
        if (planWindow.size() >= limits.perPlanPerHour()) {
            return "rate limit: " + limits.perPlanPerHour() + " actions per hour reached for plan " + plan;
        }
        Long last = lastOnTarget.get(target);
        if (last != null && now - last < limits.cooldown().toMillis()) {
            return "cooldown: " + target + " was acted on " + (now - last) / 1000 + "s ago (cooldown " + limits.cooldown().toSeconds() + "s)";
        }
        record(plan, target, now);
        return null;
    }

    synchronized void record(String plan, String target, long at) {
        global.addLast(at);
        perPlan.computeIfAbsent(plan, k -> new ArrayDeque<>()).addLast(at);
        lastOnTarget.merge(target, at, Math::max);
    }

    private static void trim(Deque<Long> window, long now) {
        for (Iterator<Long> it = window.iterator(); it.hasNext();) {
            if (it.next() <= now - HOUR) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
