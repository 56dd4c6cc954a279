package io.opsdeck.simulate;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated machine: its fixed profile (derived from the seed and its name), the faults it suffers and its
 * exporters. Gauges are pure functions of (seed, host, time, faults); counters are integrated on a fixed grid of
 * {@link #STEP} seconds starting at the fleet's start, so their values depend only on the simulated time too.
 */
final class Host {

    static final double STEP = 5.0;
    /** Beyond this gap (e.g. a suspended laptop) counters catch up in at most this many coarser steps. */
    private static final int MAX_CATCH_UP_STEPS = 720;

    final String name;
    final Role role;
    final int number;
    final long seed;
    final int cpus;
    final double memTotal;
    final double phase;
    final double baseUtil;
    final double t0;
    final double bootTime;
    /** Start of the main service (app, inference, postgres); a restart moves it. */
    double serviceStart;
    double redisStart;
    double redisFlushedAt = Double.NaN;
    double queueDrainAt = Double.NaN;
    double queueDrainFrom;

    private final EnumMap<FaultKind, Fault> faults = new EnumMap<>(FaultKind.class);
    private final EnumMap<Module, ModuleModel> models = new EnumMap<>(Module.class);
    private double next;

    Host(String name, Role role, int number, long fleetSeed, double t0) {
        this.name = name;
        this.role = role;
        this.number = number;
        this.seed = Noise.mix(fleetSeed * 0x9e3779b97f4a7c15L + name.hashCode());
        SplittableRandom r = new SplittableRandom(seed);
        this.cpus = 4 + r.nextInt(5);
        this.memTotal = switch (role) {
            case WEB -> 16;
            case DB -> 64;
            case ML -> 128;
        } * 1024.0 * 1024 * 1024;
        this.phase = r.nextDouble(-1800, 1800);
        this.baseUtil = switch (role) {
            case WEB -> 0.35;
            case DB -> 0.30;
            case ML -> 0.45;
        } + r.nextDouble(-0.05, 0.05);
        this.t0 = t0;
        this.bootTime = Math.floor(t0 - r.nextDouble(2, 40) * Noise.DAY);
        this.serviceStart = Math.floor(t0 - r.nextDouble(0.1, 0.95) * (t0 - bootTime));
        this.redisStart = serviceStart;
        this.next = t0;
        for (Module m : role.modules()) {
            models.put(m, switch (m) {
                case NODE -> new NodeModel(this);
                case APP -> new AppModel(this);
                case POSTGRES -> new PostgresModel(this);
                case REDIS -> new RedisModel(this);
                case DCGM -> new DcgmModel(this);
                case INFERENCE -> new InferenceModel(this);
                case CELERY -> new CeleryModel(this);
            });
        }
    }

    // ---- conditions: pure functions of time and faults ----

    /** Per-step noise in [-1, 1) for a channel. */
    double noise(long channel, double t) {
        return Noise.signed(seed, channel, (long) Math.floor(t / STEP));
    }

    /** Traffic factor in about [0.1, 1]: the daily cycle plus noise. */
    double load(double t) {
        return Noise.clamp(Noise.daily(t, phase) + 0.04 * noise(1, t), 0.05, 1.0);
    }

    /** Whether {@code kind} is active at time t (faults do not act before they started). */
    boolean active(FaultKind kind, double t) {
        Fault f = faults.get(kind);
        return f != null && t >= f.since().toEpochMilli() / 1000.0;
    }

    Fault fault(FaultKind kind) {
        return faults.get(kind);
    }

    /** CPU busy fraction, 0..1: follows load, pinned near 1 under cpu_saturation. */
    double cpuUtil(double t) {
        if (active(FaultKind.CPU_SATURATION, t)) {
            return 0.97 + 0.02 * noise(2, t);
        }
        return Noise.clamp(baseUtil * load(t) * 1.6 + 0.03 * noise(2, t), 0.02, 0.92);
    }

    /** Saturation beyond 60% CPU, 0..1: drives latency and errors. */
    double saturation(double t) {
        return Noise.clamp((cpuUtil(t) - 0.6) / 0.4, 0, 1);
    }

    double memAvailableWithoutLeak(double t) {
        return memTotal * (0.62 - 0.12 * load(t) + 0.01 * noise(3, t));
    }

    double memAvailable(double t) {
        double avail = memAvailableWithoutLeak(t);
        Fault leak = faults.get(FaultKind.MEMORY_LEAK);
        if (leak != null) {
            avail -= leak.number("bytes_per_second") * leak.age(t);
        }
        return Math.max(memTotal * 0.015, avail);
    }

    boolean isReplica() {
        return role == Role.DB && number > 1;
    }

    // ---- state changes, all under the host's lock ----

    /** The exporter's snapshot at t; a host with the {@code down} fault refuses with 503. */
    synchronized MetricSnapshots render(Module module, double t) {
        if (active(FaultKind.DOWN, t)) {
            throw new SimulationException(503, name + " is down (fault 'down')");
        }
        advanceTo(t);
        Out out = new Out();
        models.get(module).render(t, out);
        return out.done();
    }

    private void advanceTo(double t) {
        double dt = Math.max(STEP, (t - next) / MAX_CATCH_UP_STEPS);
        while (next + dt <= t) {
            for (ModuleModel m : models.values()) {
                m.step(next, dt);
            }
            next += dt;
        }
    }

    synchronized Fault inject(FaultKind kind, Map<String, String> params, Instant now) {
        double t = now.toEpochMilli() / 1000.0;
        advanceTo(t);
        Fault f = new Fault(name, kind, FaultParams.resolve(this, kind, params, t), now);
        faults.put(kind, f);
        return f;
    }

    synchronized boolean clear(FaultKind kind, Instant now) {
        advanceTo(now.toEpochMilli() / 1000.0);
        Fault f = faults.remove(kind);
        if (f != null && kind == FaultKind.QUEUE_BACKLOG) {
            startQueueDrain(f, now.toEpochMilli() / 1000.0);
        }
        return f != null;
    }

    void startQueueDrain(Fault backlog, double t) {
        queueDrainFrom = backlog.number("tasks_per_second") * backlog.age(t);
        queueDrainAt = t;
    }

    synchronized List<Fault> faults() {
        return new ArrayList<>(faults.values());
    }

    synchronized ActionResult act(RemediationAction action, Instant now) {
        double t = now.toEpochMilli() / 1000.0;
        advanceTo(t);
        return action.apply(this, faults, t);
    }

    double nodeFilesystemAvail(String mountpoint, double t) {
        return ((NodeModel) models.get(Module.NODE)).baselineAvail(mountpoint, t);
    }
}
