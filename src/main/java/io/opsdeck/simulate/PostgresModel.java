package io.opsdeck.simulate;

import static io.opsdeck.simulate.Out.meta;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/** postgres_exporter: database statistics, connections by state and replication of one PostgreSQL server. */
final class PostgresModel implements ModuleModel {

    private static final String[] DATNAMES = {"app", "postgres"};
    private static final String[] STATES = {"active", "idle", "idle in transaction"};
    private static final double MAX_CONNECTIONS = 100;
    private static final MetricMetadata UP = meta("pg_up", "Whether the last scrape of metrics from PostgreSQL was able to connect to the server (1 for yes, 0 for no).");
    private static final MetricMetadata BACKENDS = meta("pg_stat_database_numbackends", "Number of backends currently connected to this database.");
    /** postgres_exporter names these counters without _total, so they stay untyped here to keep the names. */
    private static final MetricMetadata[] STATS = {
        meta("pg_stat_database_xact_commit", "Number of transactions in this database that have been committed"),
        meta("pg_stat_database_xact_rollback", "Number of transactions in this database that have been rolled back"),
        meta("pg_stat_database_deadlocks", "Number of deadlocks detected in this database"),
        meta("pg_stat_database_blks_hit", "Number of times disk blocks were found already in the buffer cache"),
        meta("pg_stat_database_blks_read", "Number of disk blocks read in this database")};
    private static final MetricMetadata SIZE = meta("pg_database_size_bytes", "Disk space used by the database");
    private static final MetricMetadata MAX_CONN = meta("pg_settings_max_connections", "Sets the maximum number of concurrent connections.");
    private static final MetricMetadata ACTIVITY = meta("pg_stat_activity_count", "number of connections in this state");
    private static final MetricMetadata MAX_TX = meta("pg_stat_activity_max_tx_duration", "max duration in seconds any active transaction has been running");
    private static final MetricMetadata LAG = meta("pg_replication_lag_seconds", "Replication lag behind master in seconds");
    private static final MetricMetadata REPLICA = meta("pg_replication_is_replica", "Indicates if the server is a replica");

    private final Host h;
    private final double[][] stats = new double[DATNAMES.length][STATS.length];
    private final Labels[] datLabels = new Labels[DATNAMES.length];
    private final Labels[][] stateLabels = new Labels[DATNAMES.length][STATES.length];

    PostgresModel(Host h) {
        this.h = h;
        for (int d = 0; d < DATNAMES.length; d++) {
            datLabels[d] = Labels.of("datname", DATNAMES[d]);
            for (int s = 0; s < STATES.length; s++) {
                stateLabels[d][s] = Labels.of("datname", DATNAMES[d], "state", STATES[s]);
            }
        }
        step(h.bootTime, h.t0 - h.bootTime);
    }

    @Override
    public void step(double t, double dt) {
        double load = h.load(t);
        double replicaFactor = h.isReplica() ? 0.2 : 1;
        Fault deadlocks = h.fault(FaultKind.PG_DEADLOCKS);
        double deadlockRate = deadlocks == null ? 0 : deadlocks.number("per_second");
        double tps = 800 * load * replicaFactor * (1 + 0.1 * h.noise(600, t));
        double[] app = stats[0];
        app[0] += tps * dt;
        app[1] += (tps * 0.005 + deadlockRate) * dt;
        app[2] += deadlockRate * dt;
        app[3] += tps * 60 * dt;
        app[4] += tps * 0.6 * (1 + 0.3 * h.noise(601, t)) * dt;
        double[] sys = stats[1];
        sys[0] += 0.5 * dt;
        sys[3] += 40 * dt;
        sys[4] += 0.1 * dt;
    }

    /** Connections of the app database by state: active, idle, idle in transaction. */
    private double[] connections(double t) {
        if (h.fault(FaultKind.PG_CONNECTION_EXHAUSTION) != null) {
            return new double[] {62, MAX_CONNECTIONS - 62 - 30 - 3 - 2, 30};
        }
        double load = h.load(t);
        return new double[] {Math.round(4 + 18 * load + 2 * h.noise(602, t)), Math.round(16 + 4 * h.noise(603, t)),
            Math.round(1.5 + 1.5 * h.noise(604, t))};
    }

    @Override
    public void render(double t, Out out) {
        out.gauge(UP).point(Labels.EMPTY, 1);
        double[] app = connections(t);
        double[][] conns = {app, {0, 2, 0}};
        out.gauge(BACKENDS);
        for (int d = 0; d < DATNAMES.length; d++) {
            out.point(datLabels[d], conns[d][0] + conns[d][1] + conns[d][2]);
        }
        for (int k = 0; k < STATS.length; k++) {
            out.untyped(STATS[k]);
            for (int d = 0; d < DATNAMES.length; d++) {
                out.point(datLabels[d], Math.floor(stats[d][k]));
            }
        }
        out.gauge(SIZE).point(datLabels[0], Math.floor((50 + (t - h.t0) / Noise.DAY) * 1024.0 * 1024 * 1024))
                .point(datLabels[1], 8_749_871);
        out.gauge(MAX_CONN).point(Labels.EMPTY, MAX_CONNECTIONS);
        out.gauge(ACTIVITY);
        for (int d = 0; d < DATNAMES.length; d++) {
            for (int s = 0; s < STATES.length; s++) {
                out.point(stateLabels[d][s], conns[d][s]);
            }
        }
        boolean exhausted = h.fault(FaultKind.PG_CONNECTION_EXHAUSTION) != null;
        double active = 0.3 + 0.25 * h.noise(605, t) + (h.fault(FaultKind.PG_DEADLOCKS) != null ? 4 : 0);
        double idleTx = exhausted ? 300 + h.fault(FaultKind.PG_CONNECTION_EXHAUSTION).age(t) : 2 + h.noise(606, t);
        out.gauge(MAX_TX).point(stateLabels[0][0], active).point(stateLabels[0][1], 0).point(stateLabels[0][2], idleTx)
                .point(stateLabels[1][0], 0).point(stateLabels[1][1], 0).point(stateLabels[1][2], 0);
        double lag = 0;
        if (h.isReplica()) {
            Fault f = h.fault(FaultKind.REPLICATION_LAG);
            lag = 0.15 + 0.1 * h.noise(607, t) + (f == null ? 0 : f.number("seconds_per_second") * f.age(t));
        }
        out.gauge(LAG).point(Labels.EMPTY, lag);
        out.gauge(REPLICA).point(Labels.EMPTY, h.isReplica() ? 1 : 0);
    }
}
