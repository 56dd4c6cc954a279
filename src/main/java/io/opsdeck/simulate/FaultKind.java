package io.opsdeck.simulate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The faults a simulated host can suffer, the roles each applies to, and their parameters with defaults. */
public enum FaultKind {
    DOWN(EnumSet.allOf(Role.class), Map.of()),
    CPU_SATURATION(EnumSet.allOf(Role.class), Map.of()),
    /** Available memory shrinks at {@code bytes_per_second}, or steadily enough to be exhausted after {@code exhaust_in}. */
    MEMORY_LEAK(EnumSet.allOf(Role.class), params("exhaust_in", "30m", "bytes_per_second", "")),
    /** A filesystem fills at a steady rate: {@code bytes_per_second}, or enough to be full after {@code fill_in}. */
    DISK_FILL(EnumSet.allOf(Role.class), params("mountpoint", "/var", "fill_in", "30m", "bytes_per_second", "")),
    NETWORK_ERRORS(EnumSet.allOf(Role.class), Map.of("errors_per_second", "25")),
    PG_CONNECTION_EXHAUSTION(EnumSet.of(Role.DB), Map.of()),
    PG_DEADLOCKS(EnumSet.of(Role.DB), Map.of("per_second", "0.5")),
    /** Only on replicas (db-2 and later); the lag grows by {@code seconds_per_second}. */
    REPLICATION_LAG(EnumSet.of(Role.DB), Map.of("seconds_per_second", "1")),
    REDIS_MEMORY_PRESSURE(EnumSet.of(Role.DB), Map.of()),
    HTTP_5XX_BURST(EnumSet.of(Role.WEB, Role.ML), Map.of("ratio", "0.25")),
    LATENCY_SPIKE(EnumSet.of(Role.WEB, Role.ML), Map.of("factor", "10")),
    GPU_OVERHEATING(EnumSet.of(Role.ML), Map.of("gpu", "0")),
    QUEUE_BACKLOG(EnumSet.of(Role.ML), Map.of("tasks_per_second", "8"));

    private final Set<Role> roles;
    private final Map<String, String> defaults;

    FaultKind(Set<Role> roles, Map<String, String> defaults) {
        this.roles = roles;
        this.defaults = defaults;
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The wire name, e.g. {@code disk_fill}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Parameter names with their defaults (an empty default means "derived from the others"). */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** The kind with this wire name, or an error listing the known kinds. */
    @JsonCreator
    public static FaultKind of(String id) {
        for (FaultKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw SimulationException.badRequest("unknown fault kind '" + id + "'; known kinds: " + known());
    }

    static String known() {
        return Arrays.stream(values()).map(FaultKind::id).collect(Collectors.joining(", "));
    }
}
