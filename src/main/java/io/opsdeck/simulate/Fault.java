package io.opsdeck.simulate;

import java.time.Instant;
import java.util.Map;

/** An active fault: which host, what kind, its parameters (defaults filled in) and when it started. */
public record Fault(String host, FaultKind kind, Map<String, String> params, Instant since) {

    public Fault {
        params = Map.copyOf(params);
    }

    double number(String name) {
        return Quantities.number(name, params.get(name));
    }

    double seconds(String name) {
        return Quantities.duration(params.get(name)).toMillis() / 1000.0;
    }

    /** Seconds since the fault started at simulated time {@code t}. */
    double age(double t) {
        return Math.max(0, t - since.toEpochMilli() / 1000.0);
    }
}
