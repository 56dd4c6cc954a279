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
import java.util.TreeMap;

/** The configuration files the demo writes: prometheus.yml, alertmanager.yml and the OpsDeck config. */
final class DemoConfigs {

    /** The agent address the project's alertmanager.yml points its webhooks at. */
    static final String PROJECT_AGENT_ADDRESS = "127.0.0.1:9095";

    /** The job the agent is scraped under: the dashboards' {@code agent_job} constant. */
    static final String AGENT_JOB = "opsdeck-agent";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private DemoConfigs() {
    }

    /**
     * A target Prometheus scrapes besides the simulator, under a readable {@code instance} name (alerts and host
     * lists would otherwise show a loopback port such as 127.0.0.1:41234).
     *
     * @param job      job name; the dashboards look for prometheus, alertmanager and opsdeck-agent
     * @param address  host:port
     * @param instance the instance label
     */
    record Scraped(String job, String address, String instance) {
    }

    /** The job and instance of the real node_exporter: this machine, named as the demo's own host. */
    static final String NODE_EXPORTER_JOB = "node-exporter-self";
    static final String NODE_EXPORTER_INSTANCE = "opsdeck-demo";

    /**
     * What the demo's prometheus.yml is made of: the simulator's generated jobs, the real node_exporter, the
     * project's rules and the Alertmanager alerts go to (and which it scrapes).
     */
    record PrometheusConfig(String simulatorJobs, String nodeExporter, URI alertmanager, int agentPort,
                            List<Path> rules, Duration scrapeInterval, Duration evaluationInterval) {

        /**
         * The configuration, also scraping Prometheus itself when given and the agent when it runs: both are known
         * only after Prometheus starts, so the demo reloads this then. An agent job without an agent would only
         * raise TargetDown.
         */
        String yaml(URI prometheus, boolean agent) {
            List<Scraped> scraped = new ArrayList<>(List.of(
                    new Scraped(NODE_EXPORTER_JOB, nodeExporter, NODE_EXPORTER_INSTANCE),
                    new Scraped("alertmanager", address(alertmanager), "demo-alertmanager")));
            if (prometheus != null) {
                scraped.add(new Scraped("prometheus", address(prometheus), "demo-prometheus"));
            }
            if (agent) {
                scraped.add(new Scraped(AGENT_JOB, "127.0.0.1:" + agentPort, "demo-agent"));
            }
            return DemoConfigs.prometheus(simulatorJobs, scraped, alertmanager, rules, scrapeInterval,
                    evaluationInterval);
        }
    }

    /**
     * Prometheus scraping the simulator (its generated jobs) and {@code scraped} (the real node_exporter, the
     * stack's own services), evaluating {@code rules} and sending alerts to {@code alertmanager}.
     */
    @SuppressWarnings("unchecked")
    static String prometheus(String simulatorScrapeConfig, List<Scraped> scraped, URI alertmanager,
                             List<Path> rules, Duration scrapeInterval, Duration evaluationInterval) {
        Map<String, Object> simulator;
        try {
            simulator = YAML.readValue(simulatorScrapeConfig, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the simulator's scrape config is not YAML: " + e.getOriginalMessage(), e);
        }
        List<Object> jobs = new ArrayList<>((List<Object>) simulator.get("scrape_configs"));
        for (Scraped s : scraped) {
            // a target label named instance replaces Prometheus's default (the address)
            jobs.add(Map.of("job_name", s.job(), "static_configs", List.of(Map.of("targets", List.of(s.address()),
                    "labels", new TreeMap<>(Map.of("env", "demo", "instance", s.instance()))))));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", Map.of("scrape_interval", millis(scrapeInterval),
                "evaluation_interval", millis(evaluationInterval)));
        config.put("rule_files", rules.stream().map(p -> p.toAbsolutePath().toString()).toList());
        config.put("alerting", Map.of("alertmanagers", List.of(Map.of("static_configs",
                List.of(Map.of("targets", List.of(address(alertmanager))))))));
        config.put("scrape_configs", jobs);
        return "# Written by opsdeck demo for this run.\n" + write(config);
    }

    /** host:port of a base URL. */
    static String address(URI url) {
        return url.getHost() + ":" + url.getPort();
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
