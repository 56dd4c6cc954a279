package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.Dashboards;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Target;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.prometheus.QueryResult;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.demo.Demo;
import io.opsdeck.simulate.demo.DemoHome;
import io.opsdeck.simulate.demo.DemoStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's Prometheus scrapes the stack's own services, so the Executive dashboard's "Services" grid has a cell
 * for each (it showed only PostgreSQL and Redis: nothing scraped Prometheus, Alertmanager or the agent), and the
 * real node_exporter is named instead of showing as 127.0.0.1:port in alerts and host lists. Real demo stack, real
 * agent.
 */
class DemoServicesTest {

    private static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void everyServiceOfTheExecutiveDashboardIsUpInTheDemoAndNodeExporterHasAReadableInstance() throws Exception {
        Dashboard executive = Dashboards.load(HOME.resolve("dashboards/executive.yaml"), DatasourceResolver.single("local"));
        Panel services = executive.queryPanels().stream().filter(p -> p.title().equals("Services")).findFirst().orElseThrow();
        String agentJob = executive.variables().stream().filter(v -> v.name().equals("agent_job")).findFirst()
                .orElseThrow().query();
        try (DemoStack stack = Demo.builder().fleet(FleetSpec.parse("web=1,db=1")).noScenario()
                .home(new DemoHome(HOME)).headless(true).simulatorPort(0).scrapeInterval(Duration.ofSeconds(1))
                .agent(DemoParts.agent()).build().start();
             PrometheusClient prometheus = PrometheusClient.builder(stack.urls().prometheus()).build()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, Double> values = new LinkedHashMap<>();
                for (Target t : services.targets()) {
                    QueryResult r = prometheus.query(t.expr().replace("$agent_job", agentJob), Instant.now());
                    values.put(t.legendFormat(), r.series().isEmpty() ? Double.NaN : r.series().getFirst().lastValue());
                }
                assertThat(values).as("Services cells").hasSize(5).allSatisfy((name, v) -> assertThat(v).as(name).isEqualTo(1.0));
            });
            // the config is reloaded once the agent runs: the scrape pools restart, so wait for the next scrape
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(prometheus.query("up{job=\"node-exporter-self\"}", Instant.now()).series())
                            .singleElement().satisfies(s -> {
                                assertThat(s.labels().get("instance")).isEqualTo("opsdeck-demo");
                                assertThat(s.lastValue()).isEqualTo(1.0);
                            }));
            QueryResult loopback = prometheus.query("count(up{instance=~\"127\\\\.0\\\\.0\\\\.1:.*\"})", Instant.now());
            assertThat(loopback.series()).as("no target shows a loopback address as its instance").isEmpty();
        }
    }
}
