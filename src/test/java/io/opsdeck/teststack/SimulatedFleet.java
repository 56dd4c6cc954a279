package io.opsdeck.teststack;

import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.Simulator;
import io.opsdeck.simulate.stack.PrometheusServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The simulator on a free port and a real Prometheus scraping it every second with the simulator's own scrape
 * config; {@link #start} returns once every target has been scraped a few times.
 *
 * <pre>{@code
 * try (SimulatedFleet fleet = SimulatedFleet.start(FleetSpec.parse("web=2,db=1,ml=1"), 6)) {
 *     fleet.client().query("up", Instant.now());
 * }
 * }</pre>
 */
public final class SimulatedFleet implements Closeable {

    private final Path dir;
    private final Simulator simulator;
    private final PrometheusServer prometheus;
    private final PrometheusClient client;

    private SimulatedFleet(Path dir, Simulator simulator, PrometheusServer prometheus) {
        this.dir = dir;
        this.simulator = simulator;
        this.prometheus = prometheus;
        this.client = PrometheusClient.builder(prometheus.baseUrl()).name("prometheus").build();
    }

    /** Starts both and waits until every target has at least {@code scrapes} samples of {@code up}. */
    public static SimulatedFleet start(FleetSpec spec, int scrapes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("opsdeck-fleet");
        Simulator sim = Simulator.builder().fleet(spec).seed(42).listen(new InetSocketAddress("127.0.0.1", 0)).start();
        PrometheusServer prom;
        try {
            prom = PrometheusServer.builder(dir).configYaml("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    + sim.scrapeConfig(Duration.ofSeconds(1))).start();
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        SimulatedFleet fleet = new SimulatedFleet(dir, sim, prom);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String check = "min(count_over_time(up[1m])) >= " + scrapes;
        while (fleet.client.query(check, Instant.now()).series().isEmpty()) {
            if (System.nanoTime() > deadline) {
                fleet.close();
                throw new IllegalStateException("Prometheus did not scrape the simulator " + scrapes + " times in 90 s; log: "
                        + prom.logTail());
            }
            Thread.sleep(500);
        }
        return fleet;
    }

    public PrometheusClient client() {
        return client;
    }

    public Simulator simulator() {
        return simulator;
    }

    public PrometheusServer prometheus() {
        return prometheus;
    }

    @Override
    public void close() {
        client.close();
        prometheus.close();
        simulator.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir; nothing to lose
        }
    }
}
