package io.opsdeck.remediation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Switches people flip at run time, kept in the store and audited: {@code auto} (automatic runs at all),
 * {@code dry_run} (global dry-run mode) and {@code plan.NAME} (a plan enabled; the circuit breaker turns it off
 * after too many failures in a row, and only a person turns it back on).
 */
final class Toggles {

    private static final List<String> FAILURES = List.of("failed", "timeout", "verification_failed", "rolled_back", "rollback_failed");

    private final RemediationEngine engine;
    private final Map<String, Boolean> values = new ConcurrentHashMap<>();

    Toggles(RemediationEngine engine) {
        this.engine = engine;
        engine.store.remediation().toggles().forEach((k, v) -> values.put(k, Boolean.parseBoolean(v)));
    }

    boolean auto() {
        return values.getOrDefault("auto", engine.settings.autoEnabled());
    }

    boolean dryRun() {
        return values.getOrDefault("dry_run", engine.settings.dryRun());
    }

    boolean planEnabled(String plan) {
        return values.getOrDefault("plan." + plan, true);
    }

    Map<String, Boolean> all() {
        Map<String, Boolean> out = new TreeMap<>();
        out.put("auto", auto());
        out.put("dry_run", dryRun());
        engine.plans.keySet().forEach(p -> out.put("plan." + p, planEnabled(p)));
        return out;
    }

    void set(String name, boolean value, String actor) {
        boolean known = name.equals("auto") || name.equals("dry_run")
                || (name.startsWith("plan.") && engine.plans.containsKey(name.substring(5)));
        if (!known) {
            throw new IllegalArgumentException("unknown toggle '" + name + "'; known: " + all().keySet());
        }
        long now = engine.clock.millis();
        Boolean before = all().get(name);
        engine.store.writeAndWait(c -> {
            engine.store.remediation().putToggle(c, name, String.valueOf(value), actor, now);
            engine.audit.append(c, now, "toggle", actor, name.startsWith("plan.") ? name.substring(5) : null, null,
                    Map.of("toggle", name, "from", before, "to", value));
            return null;
        });
        values.put(name, value);
    }

    /** Circuit breaker: N failures in a row disable the plan until a person re-enables it. */
    void afterFinish(RemediationPlan plan, String result) {
        if (!FAILURES.contains(result) || !planEnabled(plan.name())) {
            return;
        }
        int n = engine.settings.limits().breakerFailures();
        List<String> recent = engine.store.read(c -> engine.store.remediation().recentResults(c, plan.name(), n));
        if (recent.size() == n && recent.stream().allMatch(FAILURES::contains)) {
            set("plan." + plan.name(), false, "circuit-breaker");
            engine.events.accept(new RemediationEvent("circuit_breaker", plan.name(), null, "plan " + plan.name() + " failed " + n
                    + " times in a row and is disabled until someone re-enables it (toggle plan." + plan.name() + ")"));
        }
    }
}
