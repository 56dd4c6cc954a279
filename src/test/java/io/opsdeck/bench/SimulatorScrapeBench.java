package io.opsdeck.bench;

import io.opsdeck.simulate.Fleet;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.HostInfo;
import io.opsdeck.simulate.Simulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Scrapes every target of a big simulated fleet once per simulated 15 s cycle, as fast as possible, and reports
 * process CPU time per cycle (server and HTTP client share the process), render-only CPU time, heap and RSS.
 * Not a test: run it as docs/performance.md says. Args: [hosts=2000] [cycles=10].
 */
public final class SimulatorScrapeBench {

    /** Moves 15 s per cycle, so counters integrate the same work Prometheus' 15 s scrapes cause. */
    static final class CycleClock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-03-02T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void next() {
            now = now.plusSeconds(15);
        }
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        CycleClock clock = new CycleClock();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().executor(pool).build();
        try (Simulator sim = Simulator.builder().fleet(FleetSpec.ofSize(hosts)).seed(42).clock(clock)
                .listen(new InetSocketAddress("127.0.0.1", 0)).start()) {
            List<URI> targets = new ArrayList<>();
            for (HostInfo h : sim.fleet().hosts()) {
                for (String job : h.modules()) {
                    targets.add(URI.create(sim.baseUrl() + "/metrics?target=" + h.name() + "&module=" + job));
                }
            }
            System.out.printf("fleet %s: %d hosts, %d targets, %d cores%n", sim.fleet().spec(), hosts, targets.size(),
                    Runtime.getRuntime().availableProcessors());
            for (int warm = 0; warm < 3; warm++) {
                clock.next();
                scrapeAll(http, targets);
            }
            long cpu = 0;
            long wall = 0;
            long bytes = 0;
            for (int c = 0; c < cycles; c++) {
                clock.next();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                bytes += scrapeAll(http, targets);
                wall += System.nanoTime() - t0;
                cpu += os.getProcessCpuTime() - cpu0;
            }
            long snapshots = renderOnly(sim.fleet(), clock, cycles, false);
            long text = renderOnly(sim.fleet(), clock, cycles, true);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("HTTP scrape cycle: %.0f ms CPU, %.0f ms wall, %.1f MB exposition per cycle (mean of %d)%n",
                    cpu / 1e6 / cycles, wall / 1e6 / cycles, bytes / 1e6 / cycles, cycles);
            System.out.printf("without HTTP, 1 thread: %.0f ms CPU per cycle to build snapshots, %.0f ms to build and"
                    + " write the text format%n", snapshots / 1e6 / cycles, text / 1e6 / cycles);
            System.out.printf("heap used after GC: %.0f MB, RSS: %s%n", heap / 1e6, rss());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long scrapeAll(HttpClient http, List<URI> targets) {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Integer>> replies = new ArrayList<>(targets.size());
        for (URI u : targets) {
            inFlight.acquireUninterruptibly();
            replies.add(http.sendAsync(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(r -> {
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(u + " answered " + r.statusCode());
                        }
                        return r.body().length;
                    }).whenComplete((r, e) -> inFlight.release()));
        }
        long total = 0;
        for (CompletableFuture<Integer> f : replies) {
            total += f.join();
        }
        return total;
    }

    /** CPU of one thread over {@code cycles}: snapshots only, or snapshots written as text. */
    private static long renderOnly(Fleet fleet, CycleClock clock, int cycles, boolean text) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int c = 0; c < cycles; c++) {
            clock.next();
            for (HostInfo h : fleet.hosts()) {
                for (String job : h.modules()) {
                    if (text) {
                        fleet.exposition(h.name(), job);
                    } else {
                        fleet.scrape(h.name(), job);
                    }
                }
            }
        }
        return threads.getCurrentThreadCpuTime() - cpu0;
    }

    private static String rss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("n/a");
    }
}
