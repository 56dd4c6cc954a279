package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.opsdeck.simulate.Fault;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.teststack.SimulatedFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The simulator, a real Prometheus scraping it and an agent running the shipped plans (plus extra plan files) with
 * users rita (operator), alice and bob (approvers) and ada (admin).
 */
final class RemediationStack implements AutoCloseable {

    final SimulatedFleet fleet;
    final Agent agent;

    private RemediationStack(SimulatedFleet fleet, Agent agent) {
        this.fleet = fleet;
        this.agent = agent;
    }

    /** {@code extraPlans}: file name to YAML; {@code remediation}: more keys of the remediation block (indented by 4). */
    static RemediationStack start(Path dir, String fleetSpec, String listen, Map<String, String> extraPlans, String remediation)
            throws Exception {
        SimulatedFleet fleet = SimulatedFleet.start(FleetSpec.parse(fleetSpec), 3);
        try {
            Path plans = Files.createDirectories(dir.resolve("plans"));
            try (Stream<Path> shipped = Files.list(Path.of("rules/remediation"))) {
                for (Path p : shipped.toList()) {
                    Files.copy(p, plans.resolve(p.getFileName()));
                }
            }
            for (var e : extraPlans.entrySet()) {
                Files.writeString(plans.resolve(e.getKey()), e.getValue());
            }
            String sim = fleet.simulator().baseUrl().replaceAll("/+$", "");
            String yaml = """
                    agent:
                      listen: %s
                      database: %s/agent.db
                      users:
                        - {name: rita, role: operator, token: rita-token}
                        - {name: alice, role: approver, token: alice-token}
                        - {name: bob, role: approver, token: bob-token}
                        - {name: ada, role: admin, token: ada-token}
                      remediation:
                        enabled: true
                        plans: %s
                        http_allow: ['%s/api/v1/actions']
                        vars: {simulator_url: '%s'}
                        prometheus: '%s'
                    %s
                    """.formatted(listen, dir, plans, sim, sim, fleet.prometheus().baseUrl(), remediation.indent(4).stripTrailing());
            return new RemediationStack(fleet, Agent.start(AgentSettings.fromYaml(new YAMLMapper().readTree(yaml).get("agent"))));
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
    }

    /** Posts a firing alert to the agent's webhook as Alertmanager would. */
    void fire(String name, String host, Map<String, String> extra) throws Exception {
        Map<String, String> labels = Webhooks.demoLabels(name, host);
        labels.putAll(extra);
        String body = Webhooks.payload(Webhooks.groupKey(name), "firing", Integer.toHexString((name + host).hashCode()), labels,
                Instant.now().toString());
        assertThat(Webhooks.deliver(agent.baseUrl(), null, body).code()).isEqualTo(200);
    }

    /** The newest request of the plan on the target through the API, or null. */
    JsonNode request(String plan, String target) throws Exception {
        JsonNode h = Webhooks.get(agent.baseUrl(), "/api/v1/remediation/history?plan=" + plan + "&target=" + target, "rita-token").json();
        return h.size() == 0 ? null : h.get(0);
    }

    List<String> auditKinds(String id) throws Exception {
        List<String> kinds = new ArrayList<>();
        Webhooks.get(agent.baseUrl(), "/api/v1/audit?request=" + id, "rita-token").json().forEach(r -> kinds.add(r.path("kind").asText()));
        return kinds;
    }

    boolean hasFault(String host, String kind) {
        return fleet.simulator().fleet().faults().stream().anyMatch((Fault f) -> f.host().equals(host) && f.kind().id().equals(kind));
    }

    @Override
    public void close() {
        try {
            agent.close();
        } finally {
            fleet.close();
        }
    }
}
