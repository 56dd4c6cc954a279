package io.opsdeck.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks a fault's parameters against its kind and fills in defaults and derived rates. */
final class FaultParams {

    private FaultParams() {
    }

    static Map<String, String> resolve(Host host, FaultKind kind, Map<String, String> given, double t) {
        if (!kind.roles().contains(host.role)) {
            Set<String> roles = new TreeSet<>();
            kind.roles().forEach(r -> roles.add(r.label()));
            throw SimulationException.badRequest("fault " + kind.id() + " does not apply to " + host.name + " (role "
                    + host.role.label() + "); it applies to roles: " + String.join(", ", roles));
        }
        for (String name : given.keySet()) {
            if (!kind.defaults().containsKey(name)) {
                throw SimulationException.badRequest("fault " + kind.id() + " has no parameter '" + name + "'"
                        + (kind.defaults().isEmpty() ? "; it takes none" : "; parameters: "
                        + String.join(", ", new TreeSet<>(kind.defaults().keySet()))));
            }
        }
        Map<String, String> p = new LinkedHashMap<>(kind.defaults());
        given.forEach((k, v) -> p.put(k, v == null ? "" : v.trim()));
        try {
            check(host, kind, p, t);
        } catch (IllegalArgumentException e) {
            throw SimulationException.badRequest("fault " + kind.id() + " on " + host.name + ": " + e.getMessage());
        }
        return p;
    }

    private static void check(Host host, FaultKind kind, Map<String, String> p, double t) {
        switch (kind) {
            case DISK_FILL -> {
                String mount = p.get("mountpoint");
                if (!mount.equals("/") && !mount.equals("/var")) {
                    throw new IllegalArgumentException("mountpoint '" + mount + "' cannot fill; use / or /var");
                }
                derive(p, "fill_in", host.nodeFilesystemAvail(mount, t));
            }
            case MEMORY_LEAK -> derive(p, "exhaust_in", host.memAvailableWithoutLeak(t) - host.memTotal * 0.015);
            case REPLICATION_LAG -> {
                if (!host.isReplica()) {
                    throw new IllegalArgumentException(host.name + " is the primary; replication lag applies to replicas"
                            + " (db-2 and later)");
                }
                positive(p, "seconds_per_second");
            }
            case GPU_OVERHEATING -> {
                String gpu = p.get("gpu");
                if (!gpu.equals("0") && !gpu.equals("1") && !gpu.equals("all")) {
                    throw new IllegalArgumentException("gpu '" + gpu + "' does not exist; use 0, 1 or all");
                }
            }
            case HTTP_5XX_BURST -> {
                double ratio = positive(p, "ratio");
                if (ratio > 1) {
                    throw new IllegalArgumentException("ratio " + ratio + " must be between 0 and 1");
                }
            }
            case NETWORK_ERRORS -> positive(p, "errors_per_second");
            case PG_DEADLOCKS -> positive(p, "per_second");
            case LATENCY_SPIKE -> positive(p, "factor");
            case QUEUE_BACKLOG -> positive(p, "tasks_per_second");
            default -> {
                // no parameters
            }
        }
    }

    /** Fills {@code bytes_per_second} from a duration to exhaust {@code amount}, unless given explicitly. */
    private static void derive(Map<String, String> p, String durationParam, double amount) {
        if (p.get("bytes_per_second").isEmpty()) {
            double seconds = Quantities.duration(p.get(durationParam)).toMillis() / 1000.0;
            if (seconds <= 0) {
                throw new IllegalArgumentException(durationParam + " must be longer than 0s");
            }
            p.put("bytes_per_second", Double.toString(Math.max(0, amount) / seconds));
        } else {
            double rate = Quantities.bytes(p.get("bytes_per_second"));
            if (rate < 0) {
                throw new IllegalArgumentException("bytes_per_second must not be negative");
            }
            p.put("bytes_per_second", Double.toString(rate));
            p.remove(durationParam);
        }
    }

    private static double positive(Map<String, String> p, String name) {
        double v = Quantities.number(name, p.get(name));
        if (!(v > 0)) {
            throw new IllegalArgumentException("parameter " + name + " must be greater than 0, got " + p.get(name));
        }
        return v;
    }
}
