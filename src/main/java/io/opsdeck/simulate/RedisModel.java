package io.opsdeck.simulate;

import static io.opsdeck.simulate.Out.meta;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/** redis_exporter: memory, clients, keyspace and evictions of one Redis server. */
final class RedisModel implements ModuleModel {

    private static final double MAX_MEMORY = 4.0 * 1024 * 1024 * 1024;
    /** After FLUSHALL the cache refills over two hours. */
    private static final double REFILL_SECONDS = 7200;
    private static final MetricMetadata UP = meta("redis_up", "Information about the Redis instance");
    private static final MetricMetadata USED = meta("redis_memory_used_bytes", "memory_used_bytes metric");
    private static final MetricMetadata MAX = meta("redis_memory_max_bytes", "memory_max_bytes metric");
    private static final MetricMetadata CLIENTS = meta("redis_connected_clients", "connected_clients metric");
    private static final MetricMetadata HITS = meta("redis_keyspace_hits", "keyspace_hits_total metric");
    private static final MetricMetadata MISSES = meta("redis_keyspace_misses", "keyspace_misses_total metric");
    private static final MetricMetadata KEYS = meta("redis_db_keys", "Total number of keys by DB");
    private static final MetricMetadata REJECTED = meta("redis_rejected_connections", "rejected_connections_total metric");
    private static final MetricMetadata EVICTED = meta("redis_evicted_keys", "evicted_keys_total metric");
    private static final MetricMetadata UPTIME = meta("redis_uptime_in_seconds", "uptime_in_seconds metric");
    private static final Labels DB0 = Labels.of("db", "db0");
    private static final Labels DB1 = Labels.of("db", "db1");

    private final Host h;
    private double hits;
    private double misses;
    private double rejected;
    private double evicted;

    RedisModel(Host h) {
        this.h = h;
        step(h.redisStart, h.t0 - h.redisStart);
    }

    /** 0 right after a flush, 1 once the cache has refilled. */
    private double fill(double t) {
        return Double.isNaN(h.redisFlushedAt) ? 1 : Noise.clamp((t - h.redisFlushedAt) / REFILL_SECONDS, 0, 1);
    }

    private boolean pressure() {
        return h.fault(FaultKind.REDIS_MEMORY_PRESSURE) != null;
    }

    @Override
    public void step(double t, double dt) {
        double ops = 6000 * h.load(t) * (1 + 0.1 * h.noise(700, t));
        double missRatio = 0.04 + 0.9 * (1 - fill(t));
        hits += ops * (1 - missRatio) * dt;
        misses += ops * missRatio * dt;
        if (pressure()) {
            evicted += 180 * dt;
            rejected += 0.5 * dt;
        }
    }

    @Override
    public void render(double t, Out out) {
        double fill = fill(t);
        double used = pressure() ? MAX_MEMORY * (0.975 + 0.01 * h.noise(701, t))
                : 1.2e6 + MAX_MEMORY * (0.45 + 0.1 * h.load(t) + 0.02 * h.noise(702, t)) * fill;
        out.gauge(UP).point(Labels.EMPTY, 1);
        out.gauge(USED).point(Labels.EMPTY, Math.floor(used));
        out.gauge(MAX).point(Labels.EMPTY, MAX_MEMORY);
        out.gauge(CLIENTS).point(Labels.EMPTY, Math.round(40 + 30 * h.load(t)));
        out.counter(HITS).point(Labels.EMPTY, Math.floor(hits));
        out.counter(MISSES).point(Labels.EMPTY, Math.floor(misses));
        out.gauge(KEYS).point(DB0, Math.round(1_200_000 * fill * (1 + 0.02 * h.noise(703, t))))
                .point(DB1, Math.round(3_000 * fill));
        out.counter(REJECTED).point(Labels.EMPTY, Math.floor(rejected));
        out.counter(EVICTED).point(Labels.EMPTY, Math.floor(evicted));
        out.gauge(UPTIME).point(Labels.EMPTY, Math.floor(t - h.redisStart));
    }
}
