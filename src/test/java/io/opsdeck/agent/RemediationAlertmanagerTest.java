package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.remediation.RemediationRequest;
import io.opsdeck.simulate.stack.AlertmanagerServer;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.AlertmanagerConfigs;
import io.opsdeck.teststack.RealStack;
import io.opsdeck.teststack.SimulatedFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediation behind a real Alertmanager HA pair: alerts are posted to both peers (as Prometheus does), the pair
 * delivers them to the agent's webhook (re-sending every 2 s), the agent acts on the simulator or runs a process.
 * Each test uses its own alert name so alerts still firing from another test match no plan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemediationAlertmanagerTest {

    private static final int AGENT_PORT = FreePorts.next();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(2)
            .alertmanagerConfig(AlertmanagerConfigs.webhookToAgent(AGENT_PORT, "2s", "send_resolved: true")).build();

    @TempDir
    static Path dir;
    static RemediationStack stack;
    static SimulatedFleet fleet;
    static Agent agent;

    @BeforeAll
    static void start() throws Exception {
        Path markers = Files.createDirectories(dir.resolve("markers"));
        stack = RemediationStack.start(dir, "web=2,db=1", "127.0.0.1:" + AGENT_PORT, Map.of("drill.yaml", """
                plans:
                  - name: fleet-drill
                    match: ['alertname="FleetDrill"']
                    params: {host: {label: instance, regex: '[a-z][a-z0-9-]{0,62}'}}
                    risk: low
                    auto: true
                    action: {command: [/usr/bin/touch, '{{host}}'], workdir: '%s'}
                """.formatted(markers)), """
                fleet_size: 2000
                limits: {per_hour: 20, per_plan_per_hour: 10, blast_targets: 100000, blast_share: 1.0, fleet_brake_share: 0.6}""");
        fleet = stack.fleet;
        agent = stack.agent;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Posts the alerts to every peer of the pair, as Prometheus sends to all Alertmanagers. */
    private static void postToBoth(List<Map<String, String>> labelSets, String startsAt) throws Exception {
        ArrayNode alerts = JSON.createArrayNode();
        for (Map<String, String> labels : labelSets) {
            ObjectNode a = alerts.addObject();
            labels.forEach(a.putObject("labels")::put);
            a.put("startsAt", startsAt);
        }
        for (AlertmanagerServer am : STACK.alertmanagers()) {
            Webhooks.Answer answer = Webhooks.post(am.baseUrl(), "/api/v2/alerts", null, alerts.toString());
            assertThat(answer.code()).as(answer.body()).isEqualTo(200);
        }
    }

    private static Map<String, String> disk(String alertname, String host) {
        return Map.of("alertname", alertname, "instance", host, "job", "node", "mountpoint", "/", "severity", "warning", "env", "demo");
    }

    private static double webhooksReceived() throws Exception {
        String metrics = Webhooks.get(agent.baseUrl(), "/metrics", null).body();
        Matcher m = Pattern.compile("opsdeck_webhook_requests_total\\{code=\"200\"} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static List<RemediationRequest> history(String plan, String target) {
        return agent.remediation().history(plan, target, null, 5000);
    }

    @Test
    @Order(1)
    void duplicateDeliveriesFromTheHaPairGiveExactlyOneExecutionAndANewAlertOnTheTargetWaitsForTheCooldown() throws Exception {
        fleet.simulator().fleet().raise("web-1", "disk_fill", Map.of("fill_in", "30m", "mountpoint", "/"));
        long calls = agent.remediation().httpCalls();
        double before = webhooksReceived();
        postToBoth(List.of(disk("HostDiskSpaceLow", "web-1")), Instant.now().minusSeconds(60).toString());
        await().atMost(Duration.ofSeconds(120)).until(() -> !history("clean-disk", "web-1").isEmpty()
                && "succeeded".equals(history("clean-disk", "web-1").get(0).result()));
        // the pair keeps re-sending the same firing alert: wait for several more deliveries
        await().atMost(Duration.ofSeconds(60)).until(() -> webhooksReceived() - before >= 4);
        assertThat(history("clean-disk", "web-1")).hasSize(1);
        assertThat(agent.remediation().httpCalls()).isEqualTo(calls + 1);
        assertThat(fleet.simulator().fleet().faults()).noneMatch(f -> f.host().equals("web-1") && f.kind().id().equals("disk_fill"));

        // another alert the same plan answers, on the same target, inside the 5 min cooldown
        postToBoth(List.of(disk("HostDiskFillingIn4h", "web-1")), Instant.now().toString());
        // the request row is written before its admission: wait for the result
        await().atMost(Duration.ofSeconds(60)).until(() -> history("clean-disk", "web-1").size() == 2
                && history("clean-disk", "web-1").stream().allMatch(r -> r.result() != null));
        RemediationRequest second = history("clean-disk", "web-1").stream().filter(r -> "HostDiskFillingIn4h".equals(r.alertname()))
                .findFirst().orElseThrow();
        assertThat(second.result()).isEqualTo("blocked");
        assertThat(agent.store().audit().list(second.id()).getLast().details()).contains("cooldown");
        assertThat(agent.remediation().httpCalls()).isEqualTo(calls + 1);
    }

    @Test
    @Order(2)
    void hostileLabelValuesThroughAlertmanagerAreRejectedWithAnAuditEntryAndNothingRuns() throws Exception {
        long calls = agent.remediation().httpCalls();
        long processes = agent.remediation().processesStarted();
        List<String> hostile = List.of("; rm -rf /", "$(id)", "web-2\nweb-1", "../../etc");
        postToBoth(hostile.stream().map(h -> Map.of("alertname", "HostDiskSpaceLow", "instance", h, "job", "node", "mountpoint", "/",
                "severity", "warning")).toList(), Instant.now().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> hostile.stream().allMatch(h -> history("clean-disk", null).stream()
                .anyMatch(r -> h.equals(r.labels().get("instance")))));
        List<RemediationRequest> rejected = history("clean-disk", null).stream().filter(r -> hostile.contains(r.labels().get("instance"))).toList();
        assertThat(rejected).hasSize(4).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("rejected");
            assertThat(agent.store().audit().list(r.id())).extracting(a -> a.kind()).containsExactly("request", "rejection");
            assertThat(r.risk().reasons().get(0)).contains("parameter host (label instance)");
        });
        assertThat(agent.remediation().httpCalls()).isEqualTo(calls);
        assertThat(agent.remediation().processesStarted()).isEqualTo(processes);
    }

    @Test
    @Order(3) // last: its 1300 affected targets hold the fleet brake for 5 minutes
    void aThousandAlertsAtOnceRespectTheRateLimitAndThenTheFleetBrake() throws Exception {
        List<Map<String, String>> thousand = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> Map.of("alertname", "FleetDrill", "instance", "host-" + i, "severity", "warning")).toList();
        postToBoth(thousand, Instant.now().toString());
        await().atMost(Duration.ofSeconds(120)).until(() -> history("fleet-drill", null).size() == 1000
                && history("fleet-drill", null).stream().allMatch(r -> r.result() != null));
        assertThat(history("fleet-drill", null)).filteredOn(r -> "succeeded".equals(r.result())).hasSize(10);
        assertThat(history("fleet-drill", null)).filteredOn(r -> "blocked".equals(r.result())).hasSize(990)
                .allSatisfy(r -> assertThat(agent.store().audit().list(r.id()).getLast().details()).contains("rate limit"));
        try (Stream<Path> markers = Files.list(dir.resolve("markers"))) {
            assertThat(markers.count()).isEqualTo(10);
        }
        // 300 more hosts within the brake window: 1300 of 2000 (65%) affected, above the 60% brake
        List<Map<String, String>> more = java.util.stream.IntStream.range(1000, 1300)
                .mapToObj(i -> Map.of("alertname", "FleetDrill", "instance", "host-" + i, "severity", "warning")).toList();
        postToBoth(more, Instant.now().toString());
        await().atMost(Duration.ofSeconds(120)).until(() -> history("fleet-drill", null).size() == 1300
                && history("fleet-drill", null).stream().allMatch(r -> r.result() != null));
        assertThat(history("fleet-drill", null)).filteredOn(r -> Integer.parseInt(r.target().substring(5)) >= 1000).hasSize(300)
                .allSatisfy(r -> assertThat(agent.store().audit().list(r.id()).getLast().details()).contains("fleet brake"));
    }
}
