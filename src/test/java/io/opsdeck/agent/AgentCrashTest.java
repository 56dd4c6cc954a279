package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.LocalReceiver;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as its own JVM, killed with SIGKILL at random moments ten times during a 5,000-notification burst and
 * restarted each time: every alert Alertmanager-style retries until acknowledged must be delivered, and every
 * repeated delivery must carry the same idempotency key.
 */
class AgentCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCrashTest.class);
    private static final int ALERTS = 5000;
    private static final int PER_POST = 10;

    @TempDir
    Path dir;

    @Test
    void killNineDuringABurstLosesNothingAndRepeatsKeepTheirKeys() throws Exception {
        int port = FreePorts.next();
        URI base = URI.create("http://127.0.0.1:" + port);
        try (LocalReceiver receiver = new LocalReceiver()) {
            Path config = Files.writeString(dir.resolve("agent.yaml"), """
                    listen: 127.0.0.1:%d
                    database: %s
                    delivery: {workers: 32, max_attempts: 100, initial_backoff: 50ms, max_backoff: 500ms}
                    channels:
                      - {name: hook, type: webhook, webhook: {url: '%s'}}
                    routes:
                      - {channels: [hook]}
                    """.formatted(port, dir.resolve("agent.db"), receiver.url("/hook")));
            Deque<String> payloads = new ConcurrentLinkedDeque<>();
            for (int i = 0; i < ALERTS / PER_POST; i++) {
                payloads.add(payload(i));
            }
            Random random = new Random(8);
            for (int round = 0; round < 10; round++) {
                Process agent = startAgent(config, round);
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(1500));
                sendUntil(base, payloads, () -> System.nanoTime() >= killAt);
                agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                LOG.info("round {}: killed; {} payloads still to send, {} deliveries so far", round, payloads.size(), receiver.received().size());
            }
            Process last = startAgent(config, 10);
            try {
                sendUntil(base, payloads, payloads::isEmpty);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> fingerprints(receiver).size() == ALERTS);
            } finally {
                last.destroy();
            }
            // SIGTERM: a graceful stop within the delivery deadline, not a hang
            assertThat(last.waitFor(30, TimeUnit.SECONDS)).as("agent stops on SIGTERM").isTrue();
            assertThat(Files.readString(dir.resolve("agent-10.log"))).contains("Agent stopped");
            Map<String, Set<String>> keys = new HashMap<>();
            for (var r : receiver.received()) {
                keys.computeIfAbsent(Webhooks.JSON.readTree(r.body()).path("fingerprint").asText(), k -> new HashSet<>())
                        .add(r.header("Idempotency-Key"));
            }
            assertThat(keys).hasSize(ALERTS);
            assertThat(keys.values()).allSatisfy(k -> assertThat(k).hasSize(1));
            LOG.info("{} deliveries for {} alerts ({} repeats, each with its original key)", receiver.received().size(), ALERTS,
                    receiver.received().size() - ALERTS);
        }
    }

    private static Set<String> fingerprints(LocalReceiver receiver) throws IOException {
        Set<String> out = new HashSet<>();
        for (var r : receiver.received()) {
            out.add(Webhooks.JSON.readTree(r.body()).path("fingerprint").asText());
        }
        return out;
    }

    /** Four senders post payloads until each is acknowledged with 200, like Alertmanager's retries. */
    private static void sendUntil(URI base, Deque<String> payloads, java.util.function.BooleanSupplier stop) {
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 4; t++) {
                senders.submit(() -> {
                    String next;
                    while (!stop.getAsBoolean() && (next = payloads.pollFirst()) != null) {
                        boolean acknowledged = false;
                        try {
                            acknowledged = Webhooks.post(base, "/api/v1/alertmanager/webhook", null, next).code() == 200;
                        } catch (IOException e) {
                            // the agent is down: try again later
                        }
                        if (!acknowledged) {
                            payloads.addLast(next);
                        }
                        Thread.sleep(acknowledged ? 5 : 20);
                    }
                    return null;
                });
            }
        }
    }

    private Process startAgent(Path config, int round) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dir.resolve("agent-" + round + ".log");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, "io.opsdeck.cli.Main", "agent", "--agent-config", config.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String yaml = Files.readString(config);
        int port = Integer.parseInt(yaml.substring(yaml.indexOf("127.0.0.1:") + 10, yaml.indexOf('\n')));
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("agent exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (Webhooks.get(URI.create("http://127.0.0.1:" + port), "/health/ready", null).code() == 200) {
                    return p;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("agent not ready within 30s:\n" + Files.readString(log));
    }

    private static String payload(int batch) {
        ObjectNode root = Webhooks.JSON.createObjectNode();
        root.put("version", "4").put("groupKey", "{}:{batch=\"" + batch + "\"}").put("status", "firing").put("receiver", "opsdeck");
        ArrayNode alerts = root.putArray("alerts");
        for (int i = 0; i < PER_POST; i++) {
            int n = batch * PER_POST + i;
            ObjectNode a = alerts.addObject().put("status", "firing").put("startsAt", "2026-01-01T10:00:00Z")
                    .put("fingerprint", String.format("%016x", n));
            a.putObject("labels").put("alertname", "Crash" + n).put("severity", "warning");
            a.putObject("annotations").put("summary", "alert " + n);
        }
        return root.toString();
    }
}
