package io.opsdeck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.HostInfo;
import io.opsdeck.simulate.Simulator;
import io.opsdeck.simulate.SimulatorClient;
import io.opsdeck.teststack.RealStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rule that selects a metric nobody exposes can never fire. Every metric named in rules/prometheus/*.yml must be
 * exposed by a real node_exporter, by the simulator (every module of one host per role), by a real Prometheus or
 * Alertmanager about themselves, or be recorded by a rule.
 */
class RuleMetricCoverageTest {

    /** Series Prometheus makes itself for every target and alert, never seen on any /metrics. */
    private static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static Set<String> selfMonitoring;

    /** A two-peer Alertmanager (so the cluster series exist) and a Prometheus evaluating the rules, sending to it. */
    @RegisterExtension
    static final RealStack STACK = RealStack.builder().nodeExporter().alertmanagers(2)
            .prometheus((prometheus, stack) -> {
                try {
                    prometheus.ruleFiles(Tools.ruleFiles());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                prometheus.evaluationInterval(java.time.Duration.ofSeconds(5))
                        .scrape("node", List.of(stack.nodeExporter().target()));
            })
            .build();

    @Test
    void everyMetricARuleSelectsIsExposedBySomethingReal() throws IOException {
        Set<String> exposed = new TreeSet<>(names(STACK.nodeExporter().baseUrl().resolve("/metrics")));
        exposed.addAll(simulatorNames());
        exposed.addAll(selfMonitoringNames());
        exposed.addAll(SYNTHETIC);
        exposed.addAll(RuleSet.recordedNames());
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        ruleExprs().forEach((rule, expr) -> {
            Set<String> unknown = new TreeSet<>(RuleSet.metricNames(expr));
            unknown.removeAll(exposed);
            if (!unknown.isEmpty()) {
                missing.put(rule, unknown);
            }
        });
        assertThat(missing).as("rules selecting metrics that neither node_exporter, the simulator, Prometheus nor"
                + " Alertmanager expose (these rules can never fire)").isEmpty();
    }

    @Test
    void selfMonitoringMetricsTheRulesUseExistOnTheRealPrometheusAndAlertmanager() throws IOException {
        Set<String> listed = RuleSet.resourceLines("selfmon-metrics.txt");
        Set<String> used = new TreeSet<>();
        ruleExprs().values().forEach(expr -> RuleSet.metricNames(expr).stream().filter(listed::contains)
                .forEach(used::add));
        assertThat(used).as("the rules watch Prometheus and Alertmanager themselves").isNotEmpty();
        assertThat(selfMonitoringNames()).containsAll(used);
    }

    /**
     * The simulator imitates node_exporter; a rule on a node_* metric only the simulator exposes would fire in the
     * demo and never in production.
     */
    @Test
    void nodeMetricsTheRulesUseAreExposedByTheRealNodeExporter() throws IOException {
        Set<String> real = new TreeSet<>(names(STACK.nodeExporter().baseUrl().resolve("/metrics")));
        Map<String, Set<String>> simulatorOnly = new LinkedHashMap<>();
        ruleExprs().forEach((rule, expr) -> {
            Set<String> node = new TreeSet<>(RuleSet.metricNames(expr));
            node.removeIf(name -> !name.startsWith("node_") || real.contains(name));
            if (!node.isEmpty()) {
                simulatorOnly.put(rule, node);
            }
        });
        assertThat(simulatorOnly).as("node_* metrics that the real node_exporter 1.5 does not expose").isEmpty();
    }

    /** Rule name (alert or record, with its file) to expression, for every rule in rules/prometheus. */
    private static Map<String, String> ruleExprs() throws IOException {
        Map<String, String> exprs = new LinkedHashMap<>();
        for (Path file : Tools.ruleFiles()) {
            int i = 0;
            for (JsonNode group : RuleSet.read(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("alert") ? rule.get("alert").asText() : rule.path("record").asText();
                    exprs.put(file.getFileName() + " #" + i++ + " " + name, rule.path("expr").asText());
                }
            }
        }
        return exprs;
    }

    private static Set<String> simulatorNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Simulator sim = Simulator.start(FleetSpec.parse("web=1,db=1,ml=1"), 42, new InetSocketAddress("127.0.0.1", 0))) {
            List<HostInfo> hosts = new SimulatorClient(sim.baseUrl()).hosts();
            assertThat(hosts).extracting(HostInfo::role).containsExactlyInAnyOrder("web", "db", "ml");
            for (HostInfo host : hosts) {
                for (String module : host.modules()) {
                    names.addAll(names(URI.create(sim.baseUrl() + "/metrics?target=" + host.name() + "&module=" + module)));
                }
            }
        }
        return names;
    }

    /**
     * Names on the real Prometheus' and Alertmanagers' /metrics. Some appear only once alerts flow (e.g.
     * prometheus_notifications_sent_total, after Watchdog's first notification), so this waits up to a minute for
     * the self-monitoring names the rules use, then returns what is there.
     */
    private static synchronized Set<String> selfMonitoringNames() throws IOException {
        if (selfMonitoring == null) {
            Set<String> used = new TreeSet<>();
            Set<String> listed = RuleSet.resourceLines("selfmon-metrics.txt");
            ruleExprs().values().forEach(expr -> RuleSet.metricNames(expr).stream().filter(listed::contains)
                    .forEach(used::add));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Set<String> names;
            do {
                names = new TreeSet<>(names(STACK.prometheus().baseUrl().resolve("/metrics")));
                for (var am : STACK.alertmanagers()) {
                    names.addAll(names(am.baseUrl().resolve("/metrics")));
                }
            } while (!names.containsAll(used) && System.nanoTime() < deadline && pause());
            selfMonitoring = names;
        }
        return selfMonitoring;
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Metric names of the samples on a /metrics page (text format). */
    private static List<String> names(URI url) throws IOException {
        try (Response response = HTTP.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
            assertThat(response.code()).as(url.toString()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            for (String line : response.body().string().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int end = 0;
                    while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                        end++;
                    }
                    names.add(line.substring(0, end));
                }
            }
            assertThat(names).as("samples on %s", url).isNotEmpty();
            return names;
        }
    }
}
