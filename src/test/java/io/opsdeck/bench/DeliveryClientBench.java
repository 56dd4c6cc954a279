package io.opsdeck.bench;

import io.opsdeck.teststack.LocalReceiver;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * CPU cost of one webhook delivery with OkHttp (configured as the agent's channels were) against
 * {@code java.net.http.HttpClient}, alternating, same local receiver, 32 deliveries in flight on virtual threads.
 * Reports process CPU (client and receiver; the receiver's share is the same in every round) per 1,000 POSTs.
 *
 * Arguments: requests per round (20000), rounds (3). Command and figures: docs/performance.md, Agent intake, third pass.
 */
public final class DeliveryClientBench {

    interface Client {
        int post(URI url, String key, byte[] body) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        byte[] body = ("{\"idempotencyKey\":\"k\",\"kind\":\"alert\",\"title\":\"" + "x".repeat(300) + "\"}").getBytes();
        MediaType json = MediaType.get("application/json; charset=utf-8");
        OkHttpClient ok = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(10)).connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES)).build();
        Client okhttp = (url, key, b) -> {
            try (Response r = ok.newCall(new Request.Builder().url(url.toString()).header("Idempotency-Key", key)
                    .post(RequestBody.create(b, json)).build()).execute()) {
                r.body().string();
                return r.code();
            }
        };
        OkHttpClient okCallOnly = ok.newBuilder().readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO).build();
        Client okhttpCallTimeout = (url, key, b) -> {
            try (Response r = okCallOnly.newCall(new Request.Builder().url(url.toString()).header("Idempotency-Key", key)
                    .post(RequestBody.create(b, json)).build()).execute()) {
                r.body().string();
                return r.code();
            }
        };
        OkHttpClient okNoTimeouts = ok.newBuilder().callTimeout(Duration.ZERO).readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO).build();
        var timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        timer.setRemoveOnCancelPolicy(true);
        Client okhttpOwnTimer = (url, key, b) -> {
            okhttp3.Call call = okNoTimeouts.newCall(new Request.Builder().url(url.toString()).header("Idempotency-Key", key)
                    .post(RequestBody.create(b, json)).build());
            var cancel = timer.schedule(call::cancel, 10, TimeUnit.SECONDS);
            try (Response r = call.execute()) {
                r.body().string();
                return r.code();
            } finally {
                cancel.cancel(false);
            }
        };
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        Client javaNet = (url, key, b) -> jdk.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Idempotency-Key", key).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LocalReceiver receiver = new LocalReceiver()) {
            URI url = receiver.url("/hook");
            receiver.onReceive(s -> { });
            for (int round = 0; round <= rounds; round++) {
                // the order rotates every round: code shared by the clients is JIT-compiled for whichever runs first
                List<java.util.Map.Entry<String, Client>> order = new java.util.ArrayList<>(List.of(java.util.Map.entry("okhttp", okhttp),
                        java.util.Map.entry("okhttp call timeout only", okhttpCallTimeout), java.util.Map.entry("okhttp own timer", okhttpOwnTimer),
                        java.util.Map.entry("java.net.http", javaNet)));
                java.util.Collections.rotate(order, round);
                for (var e : order) {
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    run(e.getValue(), url, body, requests);
                    long cpu = os.getProcessCpuTime() - cpu0;
                    System.out.printf("%s %-25s %d POSTs in %.1f s, process CPU %.1f ms per 1,000%n", round == 0 ? "warm-up" : "round " + round,
                            e.getKey(), requests, (System.nanoTime() - t0) / 1e9, cpu / 1e6 / (requests / 1000.0));
                }
            }
        }
        System.out.println("load average: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        System.exit(0);
    }

    private static void run(Client client, URI url, byte[] body, int requests) throws Exception {
        Semaphore inFlight = new Semaphore(32);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                inFlight.acquire();
                String key = "key-" + i;
                pool.submit(() -> {
                    try {
                        if (client.post(url, key, body) != 200) {
                            throw new IllegalStateException("not 200");
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
    }
}
