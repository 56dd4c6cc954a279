package io.opsdeck.simulate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

/** Remediation actions with the effect the real fix would have on the simulated host. */
public enum RemediationAction {
    /** Restarts the host's main service: new process start time, clears a memory leak, 5xx burst and latency spike. */
    RESTART_SERVICE,
    /** Deletes old files: stops a disk fill and frees the space it took. */
    CLEAN_DISK,
    /** Adds Celery workers: the queue backlog drains over a few minutes. */
    SCALE_WORKERS,
    /** Cancels long-running queries: frees connections and ends a deadlock storm. */
    CANCEL_QUERIES,
    /** Restarts the inference server: clears latency spike, 5xx burst and memory leak on ML hosts. */
    RESTART_INFERENCE,
    /** FLUSHALL on Redis: keys and memory drop to nearly zero and memory pressure ends. */
    FLUSH_REDIS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RemediationAction of(String id) {
        for (RemediationAction a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        List<String> known = new ArrayList<>();
        for (RemediationAction a : values()) {
            known.add(a.id());
        }
        throw SimulationException.badRequest("unknown action '" + id + "'; known actions: " + String.join(", ", known));
    }

    ActionResult apply(Host host, EnumMap<FaultKind, Fault> faults, double t) {
        List<String> cleared = new ArrayList<>();
        String effect = switch (this) {
            case RESTART_SERVICE -> {
                require(host, Role.WEB, Role.DB, Role.ML);
                host.serviceStart = t;
                clear(faults, cleared, FaultKind.MEMORY_LEAK, FaultKind.HTTP_5XX_BURST, FaultKind.LATENCY_SPIKE);
                yield "service restarted; process_start_time_seconds is now " + (long) t;
            }
            case CLEAN_DISK -> {
                clear(faults, cleared, FaultKind.DISK_FILL);
                yield cleared.isEmpty() ? "nothing to clean: no filesystem was filling" : "disk cleaned; space freed";
            }
            case SCALE_WORKERS -> {
                require(host, Role.ML);
                Fault backlog = faults.remove(FaultKind.QUEUE_BACKLOG);
                if (backlog != null) {
                    host.startQueueDrain(backlog, t);
                    cleared.add(FaultKind.QUEUE_BACKLOG.id());
                }
                yield "workers scaled; the queue drains over the next minutes";
            }
            case CANCEL_QUERIES -> {
                require(host, Role.DB);
                clear(faults, cleared, FaultKind.PG_CONNECTION_EXHAUSTION, FaultKind.PG_DEADLOCKS);
                yield "long-running queries cancelled";
            }
            case RESTART_INFERENCE -> {
                require(host, Role.ML);
                host.serviceStart = t;
                clear(faults, cleared, FaultKind.LATENCY_SPIKE, FaultKind.HTTP_5XX_BURST, FaultKind.MEMORY_LEAK);
                yield "inference server restarted";
            }
            case FLUSH_REDIS -> {
                require(host, Role.DB);
                host.redisFlushedAt = t;
                clear(faults, cleared, FaultKind.REDIS_MEMORY_PRESSURE);
                yield "redis flushed; keys and memory emptied";
            }
        };
        return new ActionResult(host.name, id(), cleared, effect);
    }

    private void require(Host host, Role... roles) {
        for (Role r : roles) {
            if (host.role == r) {
                return;
            }
        }
        throw SimulationException.badRequest("action " + id() + " does not apply to " + host.name + " (role "
                + host.role.label() + ")");
    }

    private static void clear(EnumMap<FaultKind, Fault> faults, List<String> cleared, FaultKind... kinds) {
        for (FaultKind k : kinds) {
            if (faults.remove(k) != null) {
                cleared.add(k.id());
            }
        }
    }
}
