package io.opsdeck.simulate;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated fleet without any server: metrics per host and exporter, faults and remediation actions. Every
 * value is a function of the seed, the host and the clock's time (plus the faults raised so far), so two fleets
 * with the same seed, start instant and clock readings produce identical expositions.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.create(FleetSpec.parse("web=2,db=1"), 42, Clock.systemUTC());
 * fleet.raise("db-1", "disk_fill", Map.of("fill_in", "20m"));
 * String text = fleet.exposition("db-1", "node");
 * }</pre>
 */
public final class Fleet {

    private static final PrometheusTextFormatWriter TEXT = new PrometheusTextFormatWriter(false);

    private final FleetSpec spec;
    private final long seed;
    private final InstantSource clock;
    private final Instant start;
    private final Map<String, Host> hosts = new LinkedHashMap<>();

    private Fleet(FleetSpec spec, long seed, InstantSource clock) {
        this.spec = spec;
        this.seed = seed;
        this.clock = clock;
        this.start = clock.instant();
        double t0 = start.toEpochMilli() / 1000.0;
        for (Role role : Role.values()) {
            for (int i = 1; i <= spec.count(role); i++) {
                String name = role.label() + "-" + i;
                hosts.put(name, new Host(name, role, i, seed, t0));
            }
        }
    }

    /** Creates the fleet; its counters start as if the hosts had been running for days before {@code clock.instant()}. */
    public static Fleet create(FleetSpec spec, long seed, InstantSource clock) {
        return new Fleet(spec, seed, clock);
    }

    public FleetSpec spec() {
        return spec;
    }

    public long seed() {
        return seed;
    }

    public InstantSource clock() {
        return clock;
    }

    /** When the simulation started: the origin of the counters' integration grid. */
    public Instant start() {
        return start;
    }

    private double now() {
        return clock.instant().toEpochMilli() / 1000.0;
    }

    Host host(String name) {
        Host h = hosts.get(name);
        if (h == null) {
            throw SimulationException.notFound("unknown host '" + name + "'; the fleet (" + spec + ") has "
                    + describeHosts());
        }
        return h;
    }

    /** Checks that a host exists, with the same error the control API gives. */
    public void requireHost(String name) {
        host(name);
    }

    private String describeHosts() {
        List<String> parts = new ArrayList<>();
        for (Role r : Role.values()) {
            int n = spec.count(r);
            if (n > 0) {
                parts.add(n == 1 ? r.label() + "-1" : r.label() + "-1.." + r.label() + "-" + n);
            }
        }
        return String.join(", ", parts);
    }

    /** The snapshot an exporter would serve now; 404 for an unknown host or module, 503 when the host is down. */
    public MetricSnapshots scrape(String hostName, String job) {
        Host h = host(hostName);
        Module module = Module.byJob(job).filter(h.role.modules()::contains).orElseThrow(() ->
                SimulationException.notFound(hostName + " (role " + h.role.label() + ") has no exporter '" + job
                        + "'; its modules: " + String.join(", ", h.role.modules().stream().map(Module::job).toList())));
        return h.render(module, now());
    }

    /** {@link #scrape} written in the Prometheus text format 0.0.4. */
    public String exposition(String hostName, String job) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16384);
        writeExposition(hostName, job, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    void writeExposition(String hostName, String job, ByteArrayOutputStream out) {
        MetricSnapshots snapshots = scrape(hostName, job);
        try {
            TEXT.write(out, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raises (or replaces) a fault now. Unknown host: 404; unknown kind, wrong role or bad parameter: 400. */
    public Fault raise(String hostName, String kind, Map<String, String> params) {
        Host h = host(hostName);
        return h.inject(FaultKind.of(kind), params == null ? Map.of() : params, clock.instant());
    }

    /** Clears one fault; false when it was not active. */
    public boolean clear(String hostName, String kind) {
        return host(hostName).clear(FaultKind.of(kind), clock.instant());
    }

    /** Clears every fault of a host and returns the kinds cleared. */
    public List<String> clearAll(String hostName) {
        Host h = host(hostName);
        List<String> cleared = new ArrayList<>();
        for (Fault f : h.faults()) {
            if (h.clear(f.kind(), clock.instant())) {
                cleared.add(f.kind().id());
            }
        }
        return cleared;
    }

    /** Every active fault, by host order. */
    public List<Fault> faults() {
        List<Fault> all = new ArrayList<>();
        for (Host h : hosts.values()) {
            all.addAll(h.faults());
        }
        return all;
    }

    /** Runs a remediation action on a host now. */
    public ActionResult act(String hostName, String action) {
        Host h = host(hostName);
        return h.act(RemediationAction.of(action), clock.instant());
    }

    public List<HostInfo> hosts() {
        List<HostInfo> list = new ArrayList<>(hosts.size());
        for (Host h : hosts.values()) {
            list.add(new HostInfo(h.name, h.role.label(), h.role.modules().stream().map(Module::job).toList(),
                    h.faults().stream().map(f -> f.kind().id()).toList()));
        }
        return list;
    }

    Collection<Host> hostModels() {
        return hosts.values();
    }
}
