package io.opsdeck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.LocalReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Intake throughput and latency of {@code opsdeck agent}, run as its own JVM (so its RSS can be read) with a
 * healthy local webhook receiver. Open-loop load: one webhook every 1/rate seconds, each on its own virtual thread.
 * Reports achieved alerts/s, webhook response latency (receipt to durable commit, plus loopback HTTP) and
 * receipt-to-delivered latency, and the agent's peak RSS. See docs/performance.md for the command.
 *
 * Arguments: alerts per second (2500), seconds (30), alerts per webhook (1), agent heap (-Xmx128m).
 */
public final class AgentIntakeBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String heap = args.length > 3 ? args[3] : "-Xmx128m";
        Path dir = Files.createTempDirectory("opsdeck-bench-");
        int port = FreePorts.next();
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> deliveredLatency = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LocalReceiver receiver = new LocalReceiver()) {
            Path config = Files.writeString(dir.resolve("agent.yaml"), """
                    listen: 127.0.0.1:%d
                    database: %s
                    max_body_bytes: 10485760
                    delivery: {workers: 32}
                    channels:
                      - {name: hook, type: webhook, webhook: {url: '%s'}}
                    routes:
                      - {channels: [hook]}
                    """.formatted(port, dir.resolve("agent.db"), receiver.url("/hook")));
            // -Dopsdeck.bench.agentClasses=<dir> runs other agent classes (e.g. main's) under this harness, for A/B runs
            String other = System.getProperty("opsdeck.bench.agentClasses");
            String classpath = (other == null ? "" : other + java.io.File.pathSeparator) + System.getProperty("java.class.path");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(List.of(heap.split(" ")));
            command.addAll(List.of("-cp", classpath, "io.opsdeck.cli.Main", "agent", "--agent-config", config.toString()));
            Process agent = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(agent::destroyForcibly));
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            URI hook = URI.create("http://127.0.0.1:" + port + "/api/v1/alertmanager/webhook");
            awaitReady(http, port);
            AtomicLong received = new AtomicLong();
            receiver.onReceive(body -> {
                received.incrementAndGet();
                // the agent's webhook body has one "fingerprint" (Jackson writes it without spaces); a full parse per
                // delivery cost the harness CPU that the agent on the same machine then did not get
                int at = body.indexOf("\"fingerprint\":\"");
                if (at < 0) {
                    throw new IllegalStateException("no fingerprint in " + body);
                }
                int from = at + "\"fingerprint\":\"".length();
                Long start = sentAt.get(body.substring(from, body.indexOf('"', from)));
                if (start != null) {
                    deliveredLatency.add(System.nanoTime() - start);
                }
            });
            // warm-up: 5 seconds at the same rate, not measured
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
            ConcurrentHashMap<String, Long> warmup = new ConcurrentHashMap<>();
            AtomicLong warmupFailed = new AtomicLong();
            run(http, hook, rate, 5, batch, "w", warmup, new AtomicLongArray(1), warmupFailed);
            long warmupAccepted = warmup.size() - warmupFailed.get() * batch;
            // steady state: the warm-up's deliveries (slow while the JIT compiles) must not queue ahead of measured ones
            long drainStart = System.nanoTime();
            while (received.get() < warmupAccepted && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(50);
            }
            System.out.printf("warm-up: %d of %d accepted alerts delivered %.1f s after the last was sent (%d webhooks failed)%n",
                    received.get(), warmupAccepted, (System.nanoTime() - drainStart) / 1e9, warmupFailed.get());
            deliveredLatency.clear();
            AtomicLongArray latencies = new AtomicLongArray(rate * seconds / batch + 16);
            AtomicLong failures = new AtomicLong();
            long peakRss = 0;
            long cpu0 = cpuTicks(agent.pid());
            long ownCpu0 = cpuTicks(ProcessHandle.current().pid());
            java.util.TreeMap<Double, Double> durable0 = buckets(http, port, "opsdeck_webhook_durable_seconds");
            java.util.TreeMap<Double, Double> group0 = buckets(http, port, "opsdeck_store_group_seconds");
            long t0 = System.nanoTime();
            Thread load = Thread.ofPlatform().start(() -> run(http, hook, rate, seconds, batch, "m", sentAt, latencies, failures));
            while (load.isAlive()) {
                peakRss = Math.max(peakRss, rss(agent.pid()));
                load.join(200);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (deliveredLatency.size() < sentAt.size() && System.nanoTime() < deadline) {
                peakRss = Math.max(peakRss, rss(agent.pid()));
                Thread.sleep(100);
            }
            long cpuTicks = cpuTicks(agent.pid()) - cpu0;
            long ownCpuTicks = cpuTicks(ProcessHandle.current().pid()) - ownCpu0;
            long[] intake = new long[latencies.length()];
            int n = 0;
            for (int i = 0; i < latencies.length(); i++) {
                if (latencies.get(i) > 0) {
                    intake[n++] = latencies.get(i);
                }
            }
            intake = Arrays.copyOf(intake, n);
            long[] delivered = deliveredLatency.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("rate target %d alerts/s, %d alerts per webhook, %ds, agent %s%n", rate, batch, seconds, heap);
            System.out.printf("sent %d alerts in %.1fs = %.0f alerts/s; failed webhooks %d%n", sentAt.size(), elapsed, sentAt.size() / elapsed, failures.get());
            System.out.printf("webhook response (receipt -> durable, incl. HTTP): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    pct(intake, 50), pct(intake, 99), pct(intake, 100));
            java.util.TreeMap<Double, Double> durable1 = buckets(http, port, "opsdeck_webhook_durable_seconds");
            durable1.replaceAll((le, count) -> count - durable0.getOrDefault(le, 0.0));
            System.out.printf("agent's own receipt -> durable (opsdeck_webhook_durable_seconds, measured part; the target's "
                    + "definition): p50 <= %s ms, p99 <= %s ms, p99.9 <= %s ms (bucket upper bounds)%n",
                    bucketBound(durable1, 0.50), bucketBound(durable1, 0.99), bucketBound(durable1, 0.999));
            java.util.TreeMap<Double, Double> group1 = buckets(http, port, "opsdeck_store_group_seconds");
            group1.replaceAll((le, count) -> count - group0.getOrDefault(le, 0.0));
            System.out.printf("store writer per group (opsdeck_store_group_seconds: writes + commit with its sync): %.0f groups, "
                    + "p50 <= %s ms, p99 <= %s ms%n", group1.isEmpty() ? 0.0 : group1.lastEntry().getValue(),
                    bucketBound(group1, 0.50), bucketBound(group1, 0.99));
            System.out.printf("receipt -> delivered: %d of %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", delivered.length, sentAt.size(),
                    pct(delivered, 50), pct(delivered, 99), pct(delivered, 100));
            System.out.printf("agent peak RSS %d MB; agent CPU %.1f s = %.1f ms per 1,000 alerts (load-independent cost)%n",
                    peakRss / 1024, cpuTicks / 100.0, cpuTicks * 10.0 / (sentAt.size() / 1000.0));
            System.out.printf("harness CPU (load generator + receiver) %.1f s = %.1f ms per 1,000 alerts%n",
                    ownCpuTicks / 100.0, ownCpuTicks * 10.0 / (sentAt.size() / 1000.0));
            System.out.printf("load average before / after: %s / %s%n", loadBefore, Files.readString(Path.of("/proc/loadavg")).strip());
            agent.destroy();
            agent.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void run(HttpClient http, URI hook, int rate, int seconds, int batch, String prefix,
            ConcurrentHashMap<String, Long> sentAt, AtomicLongArray latencies, AtomicLong failures) {
        long interval = TimeUnit.SECONDS.toNanos(1) * batch / rate;
        int requests = rate * seconds / batch;
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                pool.submit(() -> {
                    String body = payload(prefix, index, batch, sentAt);
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofString(body))
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            latencies.set(Math.min(index, latencies.length() - 1), System.nanoTime() - t);
                        } else if (failures.incrementAndGet() == 1) {
                            System.err.println("first failure: HTTP " + r.statusCode() + " " + r.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        if (failures.incrementAndGet() == 1) {
                            System.err.println("first failure: " + e);
                        }
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String payload(String prefix, int index, int batch, ConcurrentHashMap<String, Long> sentAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "4").put("groupKey", prefix + index).put("status", "firing").put("receiver", "bench");
        ArrayNode alerts = root.putArray("alerts");
        long now = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            String fp = prefix + "-" + index + "-" + i;
            ObjectNode a = alerts.addObject().put("status", "firing").put("startsAt", "2026-01-01T10:00:00Z").put("fingerprint", fp);
            a.putObject("labels").put("alertname", "Bench" + index).put("severity", "warning").put("instance", "web-" + (index % 50));
            a.putObject("annotations").put("summary", "benchmark alert " + index);
            sentAt.put(fp, now);
        }
        return root.toString();
    }

    private static void awaitReady(HttpClient http, int port) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("agent did not become ready");
    }

    /** Cumulative bucket counts of one of the agent's histograms, by upper bound in seconds (empty if it has none). */
    private static java.util.TreeMap<Double, Double> buckets(HttpClient http, int port, String name) throws Exception {
        String text = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^" + name + "_bucket\\{le=\"([^\"]+)\"\\} (\\S+)$").matcher(text);
        while (m.find()) {
            buckets.put(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    private static String bucketBound(java.util.TreeMap<Double, Double> cumulative, double q) {
        double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        for (var e : cumulative.entrySet()) {
            if (total > 0 && e.getValue() >= q * total) {
                return e.getKey().isInfinite() ? "inf" : String.format("%.2f", e.getKey() * 1000);
            }
        }
        return "n/a";
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** User plus system CPU of the process in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double pct(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
