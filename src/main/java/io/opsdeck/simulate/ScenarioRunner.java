package io.opsdeck.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plays a {@link Scenario} against a fleet on the fleet's clock. {@link #tick()} applies every step that is due;
 * a server calls it every second, tests call it after moving their clock. When a looping scenario starts over,
 * faults it raised and has not cleared are cleared first, so every cycle starts clean.
 */
public final class ScenarioRunner {

    private final Scenario scenario;
    private final Fleet fleet;
    private final Instant start;
    private final Set<String> raised = new LinkedHashSet<>();
    private long cycle;
    private int next;

    public ScenarioRunner(Scenario scenario, Fleet fleet) {
        scenario.check(fleet);
        this.scenario = scenario;
        this.fleet = fleet;
        this.start = fleet.clock().instant();
    }

    /** Applies due steps and returns a line describing each, in order. */
    public synchronized List<String> tick() {
        List<String> applied = new ArrayList<>();
        Instant now = fleet.clock().instant();
        while (true) {
            if (next == scenario.steps().size()) {
                if (!scenario.loop()) {
                    return applied;
                }
                Instant cycleEnd = start.plus(scenario.period().multipliedBy(cycle + 1));
                if (now.isBefore(cycleEnd)) {
                    return applied;
                }
                for (String key : raised) {
                    String[] hk = key.split(" ", 2);
                    if (fleet.clear(hk[0], hk[1])) {
                        applied.add("cycle end: cleared " + hk[1] + " on " + hk[0]);
                    }
                }
                raised.clear();
                cycle++;
                next = 0;
            }
            Scenario.Step step = scenario.steps().get(next);
            Duration due = scenario.period().multipliedBy(cycle).plus(step.at());
            if (now.isBefore(start.plus(due))) {
                return applied;
            }
            try {
                applied.add(apply(step));
            } catch (SimulationException e) {
                applied.add(scenario.source() + ":" + step.line() + ": step failed: " + e.getMessage());
            }
            next++;
        }
    }

    private String apply(Scenario.Step s) {
        switch (s.type()) {
            case "fault" -> {
                fleet.raise(s.host(), s.name(), s.params());
                raised.add(s.host() + " " + s.name());
                return "raised " + s.name() + " on " + s.host() + (s.params().isEmpty() ? "" : " " + s.params());
            }
            case "clear" -> {
                if (s.name().isEmpty()) {
                    raised.removeIf(k -> k.startsWith(s.host() + " "));
                    return "cleared " + fleet.clearAll(s.host()) + " on " + s.host();
                }
                fleet.clear(s.host(), s.name());
                raised.remove(s.host() + " " + s.name());
                return "cleared " + s.name() + " on " + s.host();
            }
            default -> {
                ActionResult r = fleet.act(s.host(), s.name());
                return "action " + s.name() + " on " + s.host() + ": " + r.effect();
            }
        }
    }
}
