package io.opsdeck.simulate.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configuration files the demo writes: prometheus.yml, alertmanager.yml and the OpsDeck config. */
final class DemoConfigs {

    /** The agent address the project's alertmanager.yml points its webhooks at. */
    static final String PROJECT_AGENT_ADDRESS = "127.0.0.1:9095";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private DemoConfigs() {
    }

    /**
     * Prometheus scraping the simulator (its generated jobs) and a real node_exporter (job node-exporter-self),
     * evaluating {@code rules} and sending alerts to {@code alertmanager}.
     */
    @SuppressWarnings("unchecked")
    static String prometheus(String simulatorScrapeConfig, String nodeExporterTarget, URI alertmanager,
                             List<Path> rules, Duration scrapeInterval, Duration evaluationInterval) {
        Map<String, Object> simulator;
        try {
            simulator = YAML.readValue(simulatorScrapeConfig, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the simulator's scrape config is not YAML: " + e.getOriginalMessage(), e);
        }
        List<Object> jobs = new ArrayList<>((List<Object>) simulator.get("scrape_configs"));
        jobs.add(Map.of("job_name", "node-exporter-self",
                "static_configs", List.of(Map.of("targets", List.of(nodeExporterTarget),
                        "labels", Map.of("env", "demo")))));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", Map.of("scrape_interval", millis(scrapeInterval),
                "evaluation_interval", millis(evaluationInterval)));
        config.put("rule_files", rules.stream().map(p -> p.toAbsolutePath().toString()).toList());
        config.put("alerting", Map.of("alertmanagers", List.of(Map.of("static_configs",
                List.of(Map.of("targets", List.of(alertmanager.getHost() + ":" + alertmanager.getPort())))))));
        config.put("scrape_configs", jobs);
        return "# Written by opsdeck demo for this run.\n" + write(config);
    }

    /** The home's alertmanager.yml pointed at the demo agent, else a minimal one (and the listener hears why). */
    static String alertmanager(DemoHome home, int agentPort, DemoListener say) {
        return home.alertmanagerConfig().map(c -> alertmanager(c, agentPort)).orElseGet(() -> {
            say.progress("alertmanager: " + home.alertmanagerConfigFile() + " is missing (run from a checkout or set"
                    + " -Dopsdeck.home); using a minimal route to the agent");
            return fallbackAlertmanager(agentPort);
        });
    }

    /** The project's Alertmanager configuration with its agent webhooks pointed at the demo agent's port. */
    static String alertmanager(String projectConfig, int agentPort) {
        return projectConfig.replace(PROJECT_AGENT_ADDRESS, "127.0.0.1:" + agentPort);
    }

    /** A minimal Alertmanager configuration for when the checkout's rules/alertmanager/alertmanager.yml is missing. */
    static String fallbackAlertmanager(int agentPort) {
        return """
                # Written by opsdeck demo: rules/alertmanager/alertmanager.yml was not found.
                route:
                  receiver: opsdeck-agent
                  group_by: [alertname, instance, job]
                  group_wait: 10s
                  group_interval: 1m
                  repeat_interval: 1h
                receivers:
                  - name: opsdeck-agent
                    webhook_configs:
                      - url: http://127.0.0.1:%d/api/v1/alertmanager/webhook
                        send_resolved: true
                """.formatted(agentPort);
    }

    /**
     * The OpsDeck configuration for the console: one Prometheus, one Alertmanager and the demo agent. The agent
     * section stays last: the demo's agent part appends the console's token to it.
     */
    static String opsdeck(URI prometheus, URI alertmanager, int agentPort) {
        return """
                # Written by opsdeck demo for this run; removed when the demo stops.
                prometheus:
                  - name: demo-prometheus
                    url: %s
                    default: true
                alertmanager:
                  - name: demo-alertmanager
                    url: %s
                agent:
                  url: http://127.0.0.1:%d
                """.formatted(prometheus, alertmanager, agentPort);
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String write(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
